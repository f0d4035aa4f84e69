'use strict';
// Node binding of libqaward over koffi. See docs/bindings.md.
// Dates are "YYYY-MM-DD" strings in and out (civil dates, R1); money is fen
// and scores hundredths of a point, as Numbers (exact below 2^53).

const fs = require('fs');
const path = require('path');
const koffi = require('koffi');

// ---------------------------------------------------------------- loading
function findLibrary() {
  const tried = [];
  if (process.env.QAWARD_LIBRARY) return [process.env.QAWARD_LIBRARY];
  const root = path.resolve(__dirname, '..', '..');
  for (const b of ['build', 'builddir', '_build']) tried.push(path.join(root, b, 'lib', 'libqaward.so'));
  const found = tried.filter((p) => fs.existsSync(p));
  return found.concat(['libqaward.so.0.1', 'libqaward.so']);
}

let lib = null;
let libraryPath = null;
{
  const errs = [];
  for (const cand of findLibrary()) {
    try { lib = koffi.load(cand); libraryPath = cand; break; } catch (e) { errs.push(`${cand}: ${e.message}`); }
  }
  if (!lib) throw new Error('libqaward not found; set QAWARD_LIBRARY (' + errs.join('; ') + ')');
}

// ---------------------------------------------------------------- types
const T = {};
for (const n of ['qaward_ctx', 'qaward_policy', 'qaward_memstore', 'qaward_history', 'qaward_review_rules',
  'qaward_subject', 'qaward_verdict', 'qaward_scheme', 'qaward_sheet', 'qaward_calendar', 'qaward_cycle',
  'qaward_procedure']) {
  T[n] = koffi.opaque(n);
}
koffi.alias('qaward_date', 'int32_t');
const AwardRecord = koffi.struct('qaward_award_record', {
  version: 'uint32_t', subject_id: 'const char *', level: 'const char *', kind: 'const char *',
  cycle_id: 'const char *', award_date: 'int32_t', revoked_on: 'int32_t', prize_fen: 'int64_t', re_win: 'int',
});
const SanctionRecord = koffi.struct('qaward_sanction_record', {
  version: 'uint32_t', subject_id: 'const char *', kind: 'const char *', decided_on: 'int32_t',
  ban_from: 'int32_t', ban_until: 'int32_t', revokes_award_date: 'int32_t', citation: 'const char *',
});
const ReadFn = koffi.proto('int qaward_read_fn(void *ud, const char *subject_id, qaward_history *out)');
const TxFn = koffi.proto('int qaward_tx_fn(void *ud)');
const WriteAwardFn = koffi.proto('int qaward_write_award_fn(void *ud, const qaward_award_record *rec)');
const WriteSanctionFn = koffi.proto('int qaward_write_sanction_fn(void *ud, const qaward_sanction_record *rec)');
const RevokeFn = koffi.proto('int qaward_revoke_fn(void *ud, const char *subject_id, int32_t award_date, int32_t revoked_on)');
const FinalisedFn = koffi.proto('int qaward_finalised_fn(void *ud, const char *cycle_id, int *finalised)');
const StoreStruct = koffi.struct('qaward_store', {
  version: 'uint32_t', userdata: 'void *',
  read_fn: 'qaward_read_fn *', begin_fn: 'qaward_tx_fn *', write_award_fn: 'qaward_write_award_fn *',
  write_sanction_fn: 'qaward_write_sanction_fn *', revoke_award_fn: 'qaward_revoke_fn *',
  cycle_finalised_fn: 'qaward_finalised_fn *', commit_fn: 'qaward_tx_fn *', rollback_fn: 'qaward_tx_fn *',
});

// ---------------------------------------------------------------- functions
const C = {};
function declare(proto) {
  const name = /([A-Za-z_0-9]+)\s*\(/.exec(proto)[1];
  try {
    C[name] = lib.func(proto);
  } catch (e) {
    C[name] = () => { throw new Error(`${name} is not exported by ${libraryPath} (library older than this binding?)`); };
    C[name].missing = true;
  }
  return C[name];
}
[
  'const char *qaward_version(void)',
  'const char *qaward_strerror(int code)',
  'int qaward_ctx_new(_Out_ qaward_ctx **out, void *alloc)',
  'void qaward_ctx_free(qaward_ctx *ctx)',
  'const char *qaward_ctx_message(qaward_ctx *ctx)',
  'void qaward_string_free(qaward_ctx *ctx, void *p)',
  'int qaward_date_parse(_Out_ int32_t *out, qaward_ctx *ctx, const char *text)',
  'int qaward_date_valid(int32_t d)',
  'int qaward_date_add_years(_Out_ int32_t *out, int32_t d, int32_t years)',
  'int qaward_date_add_days(_Out_ int32_t *out, int32_t d, int32_t days)',
  'int qaward_date_diff_days(_Out_ int32_t *out, int32_t a, int32_t b)',
  'int qaward_date_weekday(int32_t d)',
  'int qaward_date_in_window(int32_t x, int32_t start, int32_t years)',
  'int qaward_history_add_award(qaward_history *h, const qaward_award_record *rec)',
  'int qaward_history_add_sanction(qaward_history *h, const qaward_sanction_record *rec)',
  'int qaward_memstore_new(_Out_ qaward_memstore **out, qaward_ctx *ctx)',
  'void qaward_memstore_free(qaward_memstore *ms)',
  'int qaward_memstore_as_store(_Out_ qaward_store *out, qaward_memstore *ms)',
  'int qaward_memstore_add_award(qaward_memstore *ms, qaward_ctx *ctx, const qaward_award_record *rec)',
  'int qaward_memstore_add_sanction(qaward_memstore *ms, qaward_ctx *ctx, const qaward_sanction_record *rec)',
  'int qaward_memstore_load_json(qaward_memstore *ms, qaward_ctx *ctx, const char *json, size_t len)',
  'size_t qaward_memstore_award_count(qaward_memstore *ms)',
  'size_t qaward_memstore_sanction_count(qaward_memstore *ms)',
  'int qaward_memstore_to_json(_Out_ void **out, qaward_memstore *ms, qaward_ctx *ctx)',
  'int qaward_policy_load_json(_Out_ qaward_policy **out, qaward_ctx *ctx, const char *json, size_t len)',
  'int qaward_policy_builtin(_Out_ qaward_policy **out, qaward_ctx *ctx, const char *name)',
  'void qaward_policy_free(qaward_policy *p)',
  'const char *qaward_policy_id(qaward_policy *p)',
  'const char *qaward_policy_name(qaward_policy *p, int lang)',
  'int32_t qaward_policy_valid_from(qaward_policy *p)',
  'int32_t qaward_policy_valid_to(qaward_policy *p)',
  'int qaward_policy_in_force(qaward_policy *p, int32_t d)',
  'int32_t qaward_policy_cycle_years(qaward_policy *p)',
  'size_t qaward_policy_kind_count(qaward_policy *p)',
  'const char *qaward_policy_kind_id(qaward_policy *p, size_t i)',
  'size_t qaward_policy_level_count(qaward_policy *p)',
  'const char *qaward_policy_level_id(qaward_policy *p, size_t i)',
  'int qaward_policy_quota(_Out_ int32_t *max, _Out_ size_t *group, _Out_ int *pooled, qaward_ctx *ctx, qaward_policy *p, const char *level, const char *kind)',
  'int qaward_policy_prize(_Out_ int64_t *fen, qaward_ctx *ctx, qaward_policy *p, const char *level, const char *kind)',
  'int qaward_policy_reapply_date(_Out_ int32_t *out, qaward_ctx *ctx, qaward_policy *p, const char *level, int32_t award_date)',
  'int qaward_policy_ban_window(_Out_ int32_t *from, _Out_ int32_t *until, qaward_ctx *ctx, qaward_policy *p, const char *kind, int32_t decided_on)',
  'int qaward_review_rules_load_json(_Out_ qaward_review_rules **out, qaward_ctx *ctx, const char *json, size_t len)',
  'int qaward_review_rules_builtin(_Out_ qaward_review_rules **out, qaward_ctx *ctx, const char *name)',
  'void qaward_review_rules_free(qaward_review_rules *r)',
  'const char *qaward_review_rules_id(qaward_review_rules *r)',
  'int qaward_review_rules_composite(_Out_ int64_t *composite, _Out_ int *gates_passed, qaward_ctx *ctx, qaward_review_rules *r, const char *kind, size_t n, const char **stage_ids, const int64_t *totals)',
].forEach(declare);

// ---------------------------------------------------------------- errors
const CODES = {
  OK: 0, ENOMEM: -1, EINVAL: -2, EPARSE: -3, ESCHEMA: -4, ERANGE: -5, ENOPOLICY: -6, ENOTFOUND: -7,
  EEXISTS: -8, ESTATE: -9, ENORULE: -10, ECALENDAR: -11, EVERSION: -12, EUSER: -13, EBUFSIZE: -14, EINTERNAL: -15,
};
const NAMES = Object.fromEntries(Object.entries(CODES).map(([k, v]) => [v, k]));

/** A failed libqaward call: `.code` (negative status), `.codeName` ("EPARSE"), `.message` from the context. */
class QAwardError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'QAwardError';
    this.code = code;
    this.codeName = NAMES[code] || 'E' + String(-code);
  }
}

// One context for the process: JS runs on one thread (use one per worker_thread: each has its own module instance).
let ctxHandle = null;
function ctx() {
  if (ctxHandle === null) {
    const out = [null];
    const rc = C.qaward_ctx_new(out, null);
    if (rc !== 0) throw new QAwardError(rc, 'qaward_ctx_new failed');
    ctxHandle = out[0];
  }
  return ctxHandle;
}
function checkStatus(rc) {
  if (rc < 0) {
    const m = C.qaward_ctx_message(ctx()) || C.qaward_strerror(rc);
    throw new QAwardError(rc, m);
  }
  return rc;
}
function takeString(p) {
  if (!p) return '';
  try { return koffi.decode(p, 'char', -1); } finally { C.qaward_string_free(ctx(), p); }
}

// ---------------------------------------------------------------- dates
function toDate(d) {
  if (d === null || d === undefined) return 0;
  if (typeof d === 'number') {
    if (d !== 0 && !C.qaward_date_valid(d)) throw new QAwardError(CODES.EINVAL, `invalid packed date ${d}`);
    return d;
  }
  if (d instanceof Date) return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  if (typeof d === 'string') {
    const out = [0];
    checkStatus(C.qaward_date_parse(out, ctx(), d));
    return out[0];
  }
  throw new TypeError(`expected "YYYY-MM-DD", a packed YYYYMMDD number or a Date, got ${typeof d}`);
}
function fromDate(v) {
  if (!v) return null;
  const s = String(v);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
function dateOp(fn, a, b) {
  const out = [0];
  const rc = fn(out, a, b);
  if (rc < 0) throw new QAwardError(rc, C.qaward_strerror(rc));
  return out[0];
}
const dates = {
  parse: (s) => fromDate(toDate(String(s))),
  addYears: (d, n) => fromDate(dateOp(C.qaward_date_add_years, toDate(d), n)),
  addDays: (d, n) => fromDate(dateOp(C.qaward_date_add_days, toDate(d), n)),
  diffDays: (a, b) => dateOp(C.qaward_date_diff_days, toDate(a), toDate(b)),
  weekday: (d) => C.qaward_date_weekday(toDate(d)),
  inWindow: (x, start, years) => C.qaward_date_in_window(toDate(x), toDate(start), years) === 1,
};

// ---------------------------------------------------------------- handles
const registry = new FinalizationRegistry(({ free, h }) => free(h));

class Handle {
  _own(h, free) {
    this._h = h;
    this._free = free;
    registry.register(this, { free, h }, this);
  }
  get handle() {
    if (this._h === null) throw new Error(`${this.constructor.name} is closed`);
    return this._h;
  }
  get closed() { return this._h === null; }
  /** Free the handle now (idempotent). The garbage collector frees it otherwise. */
  close() {
    if (this._h !== null) {
      registry.unregister(this);
      this._free(this._h);
      this._h = null;
    }
  }
}
if (typeof Symbol.dispose === 'symbol') Handle.prototype[Symbol.dispose] = function dispose() { this.close(); };

function jsonBytes(src) { return typeof src === 'string' ? src : JSON.stringify(src); }
function isJsonText(s) { return typeof s === 'object' || /^\s*\{/.test(s); }

// ---------------------------------------------------------------- policy
class Policy extends Handle {
  /** new Policy('jian-2023') takes a built-in; new Policy(jsonTextOrObject) loads one. */
  constructor(source = 'jian-2023') {
    super();
    const out = [null];
    if (isJsonText(source)) {
      const text = jsonBytes(source);
      checkStatus(C.qaward_policy_load_json(out, ctx(), text, Buffer.byteLength(text)));
    } else {
      checkStatus(C.qaward_policy_builtin(out, ctx(), source));
    }
    this._own(out[0], C.qaward_policy_free);
  }
  static fromFile(file) { return new Policy(fs.readFileSync(file, 'utf8')); }
  get id() { return C.qaward_policy_id(this.handle); }
  name(lang = 'en') { return C.qaward_policy_name(this.handle, lang.startsWith('zh') ? 1 : 0); }
  get validFrom() { return fromDate(C.qaward_policy_valid_from(this.handle)); }
  get validTo() { return fromDate(C.qaward_policy_valid_to(this.handle)); }
  inForce(d) { return C.qaward_policy_in_force(this.handle, toDate(d)) === 1; }
  get cycleYears() { return C.qaward_policy_cycle_years(this.handle); }
  get kinds() {
    const h = this.handle; const n = Number(C.qaward_policy_kind_count(h));
    return Array.from({ length: n }, (_, i) => C.qaward_policy_kind_id(h, i));
  }
  get levels() {
    const h = this.handle; const n = Number(C.qaward_policy_level_count(h));
    return Array.from({ length: n }, (_, i) => C.qaward_policy_level_id(h, i));
  }
  quota(level, kind) {
    const mx = [0]; const grp = [0]; const pooled = [0];
    checkStatus(C.qaward_policy_quota(mx, grp, pooled, ctx(), this.handle, level, kind));
    return { max: mx[0], group: Number(grp[0]), pooled: pooled[0] === 1 };
  }
  prizeFen(level, kind) {
    const out = [0];
    checkStatus(C.qaward_policy_prize(out, ctx(), this.handle, level, kind));
    return Number(out[0]);
  }
  reapplyDate(level, awardDate) {
    const out = [0];
    checkStatus(C.qaward_policy_reapply_date(out, ctx(), this.handle, level, toDate(awardDate)));
    return fromDate(out[0]);
  }
  banWindow(kind, decidedOn) {
    const a = [0]; const b = [0];
    checkStatus(C.qaward_policy_ban_window(a, b, ctx(), this.handle, kind, toDate(decidedOn)));
    return { from: fromDate(a[0]), until: fromDate(b[0]) };
  }
}

class ReviewRules extends Handle {
  constructor(source) {
    super();
    const out = [null];
    if (isJsonText(source)) {
      const text = jsonBytes(source);
      checkStatus(C.qaward_review_rules_load_json(out, ctx(), text, Buffer.byteLength(text)));
    } else {
      checkStatus(C.qaward_review_rules_builtin(out, ctx(), source));
    }
    this._own(out[0], C.qaward_review_rules_free);
  }
  get id() { return C.qaward_review_rules_id(this.handle); }
  /** Composite (hundredths) from {stage: totalHundredths} (Art. 13(6)). */
  composite(kind, stageTotals) {
    const ids = Object.keys(stageTotals);
    const tot = new BigInt64Array(ids.map((k) => BigInt(stageTotals[k])));
    const comp = [0]; const gates = [0];
    checkStatus(C.qaward_review_rules_composite(comp, gates, ctx(), this.handle, kind, ids.length, ids, tot));
    return { score: Number(comp[0]), gatesPassed: gates[0] === 1 };
  }
}

// ---------------------------------------------------------------- store
function awardToC(r) {
  return {
    version: 1, subject_id: r.subjectId, level: r.level, kind: r.kind, cycle_id: r.cycleId || null,
    award_date: toDate(r.awardDate), revoked_on: toDate(r.revokedOn), prize_fen: r.prizeFen || 0, re_win: r.reWin ? 1 : 0,
  };
}
function awardFromC(c) {
  return {
    type: 'award', subjectId: c.subject_id, level: c.level, kind: c.kind, cycleId: c.cycle_id,
    awardDate: fromDate(c.award_date), revokedOn: fromDate(c.revoked_on), prizeFen: Number(c.prize_fen), reWin: c.re_win === 1,
  };
}
function sanctionToC(r) {
  return {
    version: 1, subject_id: r.subjectId, kind: r.kind, decided_on: toDate(r.decidedOn), ban_from: toDate(r.banFrom),
    ban_until: toDate(r.banUntil), revokes_award_date: toDate(r.revokesAwardDate), citation: r.citation || null,
  };
}
function sanctionFromC(c) {
  return {
    type: 'sanction', subjectId: c.subject_id, kind: c.kind, decidedOn: fromDate(c.decided_on), banFrom: fromDate(c.ban_from),
    banUntil: fromDate(c.ban_until), revokesAwardDate: fromDate(c.revokes_award_date), citation: c.citation,
  };
}

/**
 * Wraps a JS store object as a qaward_store table for one call. Methods (all optional):
 * read(subjectId) -> [{type:'award',...}|{type:'sanction',...}], begin(), writeAward(rec),
 * writeSanction(rec), revokeAward(subjectId, awardDate, revokedOn), cycleFinalised(cycleId) -> bool,
 * commit(), rollback(). A thrown exception becomes QAWARD_EUSER and is re-thrown after the call.
 */
class StoreAdapter {
  constructor(obj) {
    this.obj = obj;
    this.error = null;
    this.cbs = [];
    this.table = { version: 1, userdata: null };
    const guard = (fn) => (...a) => {
      try { return fn(...a) || 0; } catch (e) { if (this.error === null) this.error = e; return CODES.EUSER; }
    };
    const reg = (field, fn, proto) => {
      const cb = koffi.register(guard(fn), koffi.pointer(proto));
      this.cbs.push(cb);
      this.table[field] = cb;
    };
    const o = obj;
    if (typeof o.read === 'function') {
      reg('read_fn', (_u, sid, h) => {
        const recs = o.read(sid) || [];
        let i = 0;
        for (const r of recs) {
          let rc;
          if (r.type === 'sanction' || (r.decidedOn !== undefined && r.awardDate === undefined)) {
            rc = C.qaward_history_add_sanction(h, sanctionToC(r));
          } else {
            rc = C.qaward_history_add_award(h, awardToC(r));
          }
          if (rc < 0) throw new QAwardError(rc, `store.read(${JSON.stringify(sid)}) item ${i}: ${C.qaward_strerror(rc)}`);
          i++;
        }
        return 0;
      }, ReadFn);
    }
    for (const [m, f] of [['begin', 'begin_fn'], ['commit', 'commit_fn'], ['rollback', 'rollback_fn']]) {
      if (typeof o[m] === 'function') reg(f, () => { o[m](); return 0; }, TxFn);
    }
    if (typeof o.writeAward === 'function') reg('write_award_fn', (_u, r) => { o.writeAward(awardFromC(koffi.decode(r, AwardRecord))); return 0; }, WriteAwardFn);
    if (typeof o.writeSanction === 'function') reg('write_sanction_fn', (_u, r) => { o.writeSanction(sanctionFromC(koffi.decode(r, SanctionRecord))); return 0; }, WriteSanctionFn);
    if (typeof o.revokeAward === 'function') {
      reg('revoke_award_fn', (_u, sid, ad, ro) => { o.revokeAward(sid, fromDate(ad), fromDate(ro)); return 0; }, RevokeFn);
    }
    if (typeof o.cycleFinalised === 'function') {
      reg('cycle_finalised_fn', (_u, cid, out) => { koffi.encode(out, 'int', o.cycleFinalised(cid) ? 1 : 0); return 0; }, FinalisedFn);
    }
  }
  /** Run fn(table); re-throw a callback's exception; always release the callbacks. */
  run(fn) {
    this.error = null;
    try {
      const rc = fn(this.table);
      if (this.error !== null) throw this.error;
      return rc;
    } finally {
      this.error = null;
      this.release();
    }
  }
  /** Unregister the callbacks (idempotent). */
  release() {
    for (const cb of this.cbs) koffi.unregister(cb);
    this.cbs = [];
  }
}

class MemStore extends Handle {
  constructor(history) {
    super();
    const out = [null];
    checkStatus(C.qaward_memstore_new(out, ctx()));
    this._own(out[0], C.qaward_memstore_free);
    if (history !== undefined) this.loadJson(history);
  }
  /** The store's C table (for library calls). */
  table() {
    const t = {};
    checkStatus(C.qaward_memstore_as_store(t, this.handle));
    return t;
  }
  add(rec) {
    if (rec.type === 'sanction') checkStatus(C.qaward_memstore_add_sanction(this.handle, ctx(), sanctionToC(rec)));
    else checkStatus(C.qaward_memstore_add_award(this.handle, ctx(), awardToC(rec)));
  }
  loadJson(doc) {
    const text = jsonBytes(doc);
    checkStatus(C.qaward_memstore_load_json(this.handle, ctx(), text, Buffer.byteLength(text)));
  }
  toJson() {
    const out = [null];
    checkStatus(C.qaward_memstore_to_json(out, this.handle, ctx()));
    return JSON.parse(takeString(out[0]));
  }
  get awardCount() { return Number(C.qaward_memstore_award_count(this.handle)); }
  get sanctionCount() { return Number(C.qaward_memstore_sanction_count(this.handle)); }
}

/** Run fn(table or null) with any store: MemStore, a JS store object, or null. */
function withStore(store, fn) {
  if (store === null || store === undefined) return fn(null);
  if (store instanceof MemStore) return fn(store.table());
  return new StoreAdapter(store).run(fn);
}


// ---------------------------------------------------------------- subject
[
  'int qaward_subject_load_json(_Out_ qaward_subject **out, qaward_ctx *ctx, const char *json, size_t len)',
  'void qaward_subject_free(qaward_subject *s)',
  'const char *qaward_subject_id(qaward_subject *s)',
  'const char *qaward_subject_kind(qaward_subject *s)',
  'int qaward_subject_is_secret(qaward_subject *s, const char *field)',
  'int qaward_subject_to_json(_Out_ void **out, qaward_subject *s, qaward_ctx *ctx, int public_only)',
  'int qaward_scheme_builtin(_Out_ qaward_scheme **out, qaward_ctx *ctx, const char *name)',
  'int qaward_scheme_load_json(_Out_ qaward_scheme **out, qaward_ctx *ctx, const char *json, size_t len)',
  'void qaward_scheme_free(qaward_scheme *s)',
  'const char *qaward_scheme_id(qaward_scheme *s)',
  'int64_t qaward_scheme_total_points(qaward_scheme *s)',
  'int qaward_sheets_load_json(_Out_ qaward_sheet **out, qaward_ctx *ctx, qaward_scheme *s, const char *json, size_t len)',
  'void qaward_sheets_free(qaward_sheet *s)',
  'size_t qaward_sheets_count(qaward_sheet *s)',
  'int qaward_scores_compute(_Out_ void **out, qaward_ctx *ctx, qaward_sheet *s, void *opts)',
  'void qaward_scores_free(void *s)',
  'int qaward_scores_to_json(_Out_ void **out, qaward_ctx *ctx, void *s)',
  'int qaward_composites_compute(_Out_ void **out, qaward_ctx *ctx, qaward_review_rules *r, size_t n, void **scores)',
  'void qaward_composites_free(void *c)',
  'int qaward_composites_to_json(_Out_ void **out, qaward_ctx *ctx, void *c)',
].forEach(declare);

/** JSON text of a document; Date values become "YYYY-MM-DD" (UTC fields). */
function toJsonText(doc) {
  if (typeof doc === 'string') return doc;
  return JSON.stringify(doc, function replacer(k, v) {
    const raw = this[k];
    if (raw instanceof Date) return fromDate(toDate(raw));
    return v;
  });
}

class Subject extends Handle {
  /** new Subject({id, kind, ...}) or new Subject(jsonText). */
  constructor(doc) {
    super();
    const text = toJsonText(doc);
    const out = [null];
    checkStatus(C.qaward_subject_load_json(out, ctx(), text, Buffer.byteLength(text)));
    this._own(out[0], C.qaward_subject_free);
  }
  get id() { return C.qaward_subject_id(this.handle); }
  get kind() { return C.qaward_subject_kind(this.handle); }
  isSecret(field) { return C.qaward_subject_is_secret(this.handle, field) === 1; }
  /** The load format; publicOnly leaves out trade secrets (R19). */
  toJSON(publicOnly = false) {
    const out = [null];
    checkStatus(C.qaward_subject_to_json(out, this.handle, ctx(), publicOnly ? 1 : 0));
    return JSON.parse(takeString(out[0]));
  }
}

// ---------------------------------------------------------------- scoring
class Scheme extends Handle {
  constructor(source = 'gbt19580-2012') {
    super();
    const out = [null];
    if (isJsonText(source)) {
      const text = jsonBytes(source);
      checkStatus(C.qaward_scheme_load_json(out, ctx(), text, Buffer.byteLength(text)));
    } else {
      checkStatus(C.qaward_scheme_builtin(out, ctx(), source));
    }
    this._own(out[0], C.qaward_scheme_free);
  }
  get id() { return C.qaward_scheme_id(this.handle); }
  get totalPoints() { return Number(C.qaward_scheme_total_points(this.handle)); }
}

class Sheets extends Handle {
  /** Sheets on a scheme from a `qaward-sheets/1` document (text or object). Keeps the scheme alive. */
  constructor(scheme, doc) {
    super();
    this.scheme = scheme;
    const text = jsonBytes(doc);
    const out = [null];
    checkStatus(C.qaward_sheets_load_json(out, ctx(), scheme.handle, text, Buffer.byteLength(text)));
    this._own(out[0], C.qaward_sheets_free);
  }
  get length() { return Number(C.qaward_sheets_count(this.handle)); }
  /** Score every (applicant, stage); options from review rules when given. */
  compute(rules) {
    const out = [null];
    let opts = null;
    if (rules) {
      opts = Buffer.alloc(32);
      declare('int qaward_score_options_init(void *opts, uint32_t version)');
      declare('int qaward_score_options_from_rules(void *opts, qaward_ctx *ctx, qaward_review_rules *r)');
      checkStatus(C.qaward_score_options_init(opts, 1));
      checkStatus(C.qaward_score_options_from_rules(opts, ctx(), rules.handle));
    }
    checkStatus(C.qaward_scores_compute(out, ctx(), this.handle, opts));
    return new Scores(this, out[0]);
  }
}

class Scores extends Handle {
  constructor(sheets, h) { super(); this.sheets = sheets; this._own(h, C.qaward_scores_free); }
  toJSON() {
    const out = [null];
    checkStatus(C.qaward_scores_to_json(out, ctx(), this.handle));
    return JSON.parse(takeString(out[0]));
  }
}

class Composites extends Handle {
  constructor(rules, scoresList) {
    super();
    this.rules = rules; this.scores = scoresList;
    const out = [null];
    checkStatus(C.qaward_composites_compute(out, ctx(), rules.handle, scoresList.length, scoresList.map((s) => s.handle)));
    this._own(out[0], C.qaward_composites_free);
  }
  toJSON() {
    const out = [null];
    checkStatus(C.qaward_composites_to_json(out, ctx(), this.handle));
    return JSON.parse(takeString(out[0]));
  }
}

// ---------------------------------------------------------------- eligibility
[
  'int qaward_check(_Out_ qaward_verdict **out, qaward_ctx *ctx, qaward_policy *p, qaward_subject *s, const qaward_store *store, int32_t as_of)',
  'void qaward_verdict_free(qaward_verdict *v)',
  'int qaward_verdict_status(qaward_verdict *v)',
  'const char *qaward_verdict_subject_id(qaward_verdict *v)',
  'const char *qaward_verdict_kind(qaward_verdict *v)',
  'int32_t qaward_verdict_as_of(qaward_verdict *v)',
  'int32_t qaward_verdict_earliest(qaward_verdict *v)',
  'size_t qaward_verdict_check_count(qaward_verdict *v)',
  'const char *qaward_verdict_check_rule(qaward_verdict *v, size_t i)',
  'int qaward_verdict_check_code(qaward_verdict *v, size_t i)',
  'const char *qaward_verdict_check_type(qaward_verdict *v, size_t i)',
  'const char *qaward_verdict_check_citation(qaward_verdict *v, size_t i, int lang)',
  'int qaward_verdict_check_outcome(qaward_verdict *v, size_t i)',
  'int32_t qaward_verdict_check_earliest(qaward_verdict *v, size_t i)',
  'const char *qaward_verdict_check_message(qaward_verdict *v, size_t i, int lang)',
  'const char *qaward_verdict_check_facts(qaward_verdict *v, size_t i)',
  'const char *qaward_verdict_check_threshold(qaward_verdict *v, size_t i)',
  'int qaward_check_batch_json(_Out_ void **out, qaward_ctx *ctx, qaward_policy *p, const qaward_store *store, int32_t as_of, const char *json, size_t len, uint32_t flags)',
].forEach(declare);

const STATUS = ['eligible', 'ineligible', 'incomplete'];
const OUTCOME = ['pass', 'fail', 'unknown', 'not_applicable'];

function verdictFrom(h) {
  const reasons = [];
  const n = Number(C.qaward_verdict_check_count(h));
  for (let i = 0; i < n; i++) {
    const facts = C.qaward_verdict_check_facts(h, i);
    const thr = C.qaward_verdict_check_threshold(h, i);
    reasons.push({
      rule: C.qaward_verdict_check_rule(h, i),
      code: C.qaward_verdict_check_code(h, i),
      type: C.qaward_verdict_check_type(h, i),
      outcome: OUTCOME[C.qaward_verdict_check_outcome(h, i)] || '?',
      citation: { zh: C.qaward_verdict_check_citation(h, i, 1), en: C.qaward_verdict_check_citation(h, i, 0) },
      message: { zh: C.qaward_verdict_check_message(h, i, 1), en: C.qaward_verdict_check_message(h, i, 0) },
      facts: facts ? JSON.parse(facts) : null,
      threshold: thr ? JSON.parse(thr) : null,
      earliest: fromDate(C.qaward_verdict_check_earliest(h, i)),
    });
  }
  return {
    subjectId: C.qaward_verdict_subject_id(h),
    kind: C.qaward_verdict_kind(h),
    asOf: fromDate(C.qaward_verdict_as_of(h)),
    status: STATUS[C.qaward_verdict_status(h)] || '?',
    earliest: fromDate(C.qaward_verdict_earliest(h)),
    reasons,
  };
}

/**
 * Check one subject (Subject or plain object) as of a date; store: null, MemStore or a store object.
 * Returns {subjectId, kind, asOf, status, earliest, reasons:[{rule, code, type, outcome, citation, message, facts, threshold, earliest}]}.
 */
function check(policy, subject, asOf, store = null) {
  const own = !(subject instanceof Subject);
  const s = own ? new Subject(subject) : subject;
  try {
    const out = [null];
    const rc = withStore(store, (table) => C.qaward_check(out, ctx(), policy.handle, s.handle, table, toDate(asOf)));
    checkStatus(rc);
    try { return verdictFrom(out[0]); } finally { C.qaward_verdict_free(out[0]); }
  } finally {
    if (own) s.close();
  }
}

/** Check many subjects in one library call; returns the batch document's verdicts (brief by default). */
function checkBatch(policy, subjects, asOf, store = null, { brief = true, raw = false } = {}) {
  const doc = Array.isArray(subjects) ? { subjects } : subjects;
  const text = toJsonText(doc);
  const out = [null];
  const rc = withStore(store, (table) => C.qaward_check_batch_json(out, ctx(), policy.handle, table, toDate(asOf),
    text, Buffer.byteLength(text), brief ? 1 : 0));
  checkStatus(rc);
  const res = takeString(out[0]);
  return raw ? res : JSON.parse(res).verdicts;
}

module.exports = {
  check, checkBatch, STATUS, OUTCOME,
  Subject, Scheme, Sheets, Scores, Composites, toJsonText,
  koffi, lib, C, T, libraryPath, CODES, QAwardError, ctx, checkStatus: checkStatus, takeString, toDate, fromDate, dates,
  Handle, Policy, ReviewRules, MemStore, StoreAdapter, withStore, declare, jsonBytes, isJsonText,
  AwardRecord, SanctionRecord, StoreStruct,
  version: () => C.qaward_version(),
};

// ---------------------------------------------------------------- cycle (cycle.h)
const FindingStruct = koffi.struct('qaward_finding', {
  version: 'uint32_t', subject_id: 'const char *', kind: 'const char *', decided_on: 'int32_t',
  event_date: 'int32_t', award_date: 'int32_t',
});
const SanctionOutcomeStruct = koffi.struct('qaward_sanction_outcome', {
  version: 'uint32_t', revokes: 'int', revoked_award_date: 'int32_t', revoked_level: 'const char *',
  revoked_on: 'int32_t', public_notice: 'int', ban_from: 'int32_t', ban_until: 'int32_t',
  citation_zh: 'const char *', citation_en: 'const char *',
});
[
  'int qaward_cycle_new(_Out_ qaward_cycle **out, qaward_ctx *ctx, qaward_policy *p, qaward_review_rules *r, const char *id, int32_t decision_date)',
  'void qaward_cycle_free(qaward_cycle *c)',
  'const char *qaward_cycle_id(qaward_cycle *c)',
  'int32_t qaward_cycle_decision_date(qaward_cycle *c)',
  'qaward_policy *qaward_cycle_policy(qaward_cycle *c)',
  'int qaward_cycle_add_candidate(_Out_ size_t *index, qaward_ctx *ctx, qaward_cycle *c, const char *id, const char *name, const char *kind)',
  'size_t qaward_cycle_candidate_count(qaward_cycle *c)',
  'int64_t qaward_cycle_candidate_find(qaward_cycle *c, const char *id)',
  'const char *qaward_cycle_candidate_id(qaward_cycle *c, size_t i)',
  'const char *qaward_cycle_candidate_name(qaward_cycle *c, size_t i)',
  'const char *qaward_cycle_candidate_kind(qaward_cycle *c, size_t i)',
  'int qaward_cycle_set_verdict(qaward_ctx *ctx, qaward_cycle *c, size_t i, int verdict)',
  'int qaward_cycle_set_as_of(qaward_ctx *ctx, qaward_cycle *c, int32_t as_of)',
  'int32_t qaward_cycle_as_of(qaward_cycle *c)',
  'int qaward_cycle_set_subject(qaward_ctx *ctx, qaward_cycle *c, size_t i, qaward_subject *s)',
  'int qaward_cycle_check_candidates(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store)',
  'int qaward_cycle_candidate_verdict(qaward_cycle *c, size_t i)',
  'int qaward_cycle_add_reason(qaward_ctx *ctx, qaward_cycle *c, size_t i, const char *rule, const char *citation, const char *zh, const char *en)',
  'int qaward_cycle_apply_verdict(qaward_ctx *ctx, qaward_cycle *c, size_t i, qaward_verdict *v)',
  'size_t qaward_cycle_candidate_reason_count(qaward_cycle *c, size_t i)',
  'const char *qaward_cycle_candidate_reason_rule(qaward_cycle *c, size_t i, size_t k)',
  'const char *qaward_cycle_candidate_reason_message(qaward_cycle *c, size_t i, size_t k, int lang)',
  'int qaward_cycle_set_composite(qaward_ctx *ctx, qaward_cycle *c, size_t i, int64_t composite)',
  'int qaward_cycle_set_stage_total(qaward_ctx *ctx, qaward_cycle *c, size_t i, const char *stage, int64_t total)',
  'int qaward_cycle_set_defence(qaward_ctx *ctx, qaward_cycle *c, size_t i, int passed)',
  'int qaward_cycle_set_vote(qaward_ctx *ctx, qaward_cycle *c, size_t i, int32_t vfor, int32_t against, int32_t abstain, int32_t present, int32_t members)',
  'int qaward_cycle_decide_tie(qaward_ctx *ctx, qaward_cycle *c, size_t i, int placed)',
  'int qaward_cycle_add_note(qaward_ctx *ctx, qaward_cycle *c, size_t i, const char *key, const char *value, int secret)',
  'int qaward_cycle_set_scores_secret(qaward_ctx *ctx, qaward_cycle *c, size_t i, int secret)',
  'int qaward_cycle_run(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store)',
  'int qaward_cycle_is_run(qaward_cycle *c)',
  'int qaward_cycle_candidate_outcome(qaward_cycle *c, size_t i)',
  'const char *qaward_cycle_candidate_level(qaward_cycle *c, size_t i)',
  'int qaward_cycle_candidate_composite(_Out_ int64_t *out, qaward_cycle *c, size_t i)',
  'int64_t qaward_cycle_candidate_rank(qaward_cycle *c, size_t i)',
  'int64_t qaward_cycle_candidate_prize(qaward_cycle *c, size_t i)',
  'int qaward_cycle_candidate_vote(qaward_cycle *c, size_t i)',
  'size_t qaward_cycle_bucket_count(qaward_cycle *c)',
  'int qaward_cycle_bucket_get(_Out_ const char **level, _Out_ int32_t *max, _Out_ int32_t *placed, _Out_ int32_t *vacant, _Out_ int32_t *tied, _Out_ int64_t *prize, qaward_cycle *c, size_t i)',
  'int64_t qaward_cycle_prize_total(qaward_cycle *c)',
  'int qaward_cycle_finalise(qaward_ctx *ctx, qaward_cycle *c, const qaward_store *store)',
  'int qaward_cycle_report(_Out_ void **out, qaward_ctx *ctx, qaward_cycle *c, int format, int lang, int public_version)',
  'int qaward_cycle_to_json(_Out_ void **out, qaward_cycle *c, qaward_ctx *ctx)',
  'int qaward_cycle_load_json(_Out_ qaward_cycle **out, qaward_ctx *ctx, const char *json, size_t len)',
  'qaward_memstore *qaward_cycle_memstore(qaward_cycle *c)',
  'int qaward_finding_init(_Inout_ qaward_finding *f, uint32_t version)',
  'int qaward_sanction_compute(_Inout_ qaward_sanction_outcome *out, qaward_ctx *ctx, qaward_policy *p, const qaward_store *store, const qaward_finding *f)',
  'int qaward_sanction_apply(_Inout_ qaward_sanction_outcome *out, qaward_ctx *ctx, qaward_policy *p, const qaward_store *store, const qaward_finding *f)',
].forEach(declare);

const VERDICTS = { eligible: 1, ineligible: 2, incomplete: 3 };
const CYCLE_OUTCOMES = ['none', 'awarded', 'rewin', 'tie', 'vote_failed', 'quota_full', 'below_min', 'gate_failed',
  'refused', 'incomplete', 'not_scored'];
const VOTES = ['none', 'passed', 'failed', 'no_quorum'];
const langOf = (lang) => (String(lang).startsWith('zh') ? 1 : 0);

function intArg(v, what) {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new TypeError(`${what} must be an integer (hundredths of a point), got ${v}`);
  return v;
}

function docText(doc) {
  if (typeof doc === 'string' && !/^\s*\{/.test(doc)) return fs.readFileSync(doc, 'utf8'); // a path
  return jsonBytes(doc);
}

/**
 * One award cycle (edition): new Cycle(policy, rules, '2025', '2025-12-18') or Cycle.load(docOrPath).
 * A candidate is named by its index or its subject id.
 */
class Cycle extends Handle {
  constructor(policy, rules, cycleId, decisionDate) {
    super();
    if (policy === undefined) return; // Cycle.load
    this.policyRef = policy; this.rulesRef = rules || null;
    const out = [null];
    checkStatus(C.qaward_cycle_new(out, ctx(), policy.handle, rules ? rules.handle : null, cycleId, toDate(decisionDate)));
    this._own(out[0], C.qaward_cycle_free);
  }
  /** Load a `qaward-cycle/1` document (JSON text, object, or a file path). */
  static load(doc) {
    const text = docText(doc);
    const out = [null];
    checkStatus(C.qaward_cycle_load_json(out, ctx(), text, Buffer.byteLength(text)));
    const c = new Cycle();
    c._own(out[0], C.qaward_cycle_free);
    return c;
  }
  get id() { return C.qaward_cycle_id(this.handle); }
  get decisionDate() { return fromDate(C.qaward_cycle_decision_date(this.handle)); }
  /** The cycle's policy (a loaded cycle's own policy is borrowed and kept alive with the cycle). */
  get policy() {
    if (this.policyRef) return this.policyRef;
    const p = Object.create(Policy.prototype);
    p._h = C.qaward_cycle_policy(this.handle); p._free = () => {}; p.owner = this;
    return p;
  }
  get length() { return Number(C.qaward_cycle_candidate_count(this.handle)); }
  get subjectIds() { return Array.from({ length: this.length }, (_, i) => C.qaward_cycle_candidate_id(this.handle, i)); }
  index(ref) {
    if (typeof ref === 'string') {
      const i = Number(C.qaward_cycle_candidate_find(this.handle, ref));
      if (i < 0) throw new QAwardError(CODES.ENOTFOUND, `cycle ${this.id}: no candidate ${JSON.stringify(ref)}`);
      return i;
    }
    if (!Number.isInteger(ref) || ref < 0 || ref >= this.length) throw new RangeError(`cycle ${this.id}: candidate index ${ref} out of range`);
    return ref;
  }
  addCandidate(subjectId, kind, name = null, { verdict, composite, stages } = {}) {
    const ix = [0];
    checkStatus(C.qaward_cycle_add_candidate(ix, ctx(), this.handle, subjectId, name, kind));
    const i = Number(ix[0]);
    if (verdict !== undefined) this.setVerdict(i, verdict);
    if (composite !== undefined) this.setComposite(i, composite);
    for (const [s, t] of Object.entries(stages || {})) this.setStageTotal(i, s, t);
    return i;
  }
  _call(fn, ref, ...args) { checkStatus(fn(ctx(), this.handle, this.index(ref), ...args)); return this; }
  setVerdict(ref, verdict) {
    if (!(verdict in VERDICTS)) throw new TypeError(`verdict must be one of ${Object.keys(VERDICTS).join(', ')}, got ${verdict}`);
    return this._call(C.qaward_cycle_set_verdict, ref, VERDICTS[verdict]);
  }
  get asOf() { return fromDate(C.qaward_cycle_as_of(this.handle)); }
  set asOf(d) { checkStatus(C.qaward_cycle_set_as_of(ctx(), this.handle, toDate(d))); }
  /** Give a candidate as facts (Subject or plain object); run()/checkCandidates() decides its eligibility (R5). */
  setSubject(ref, subject) {
    const s = subject instanceof Subject ? subject : new Subject(subject);
    const i = this.index(ref);
    this._call(C.qaward_cycle_set_subject, i, s.handle);
    (this.subjects || (this.subjects = {}))[i] = s; // the cycle borrows it
    return this;
  }
  checkCandidates(store = null) {
    checkStatus(withStore(store, (table) => C.qaward_cycle_check_candidates(ctx(), this.handle, table)));
    return this;
  }
  addReason(ref, ruleId, citation = null, messageZh = null, messageEn = null) {
    return this._call(C.qaward_cycle_add_reason, ref, ruleId, citation, messageZh, messageEn);
  }
  /**
   * Check a subject (Subject or object) as of asOf (default: the cycle's asOf) with the cycle's policy
   * (or opts.checker) and set the candidate's verdict and written reasons from it (Art. 13(三); R5).
   * Returns the verdict. A JS store's thrown error is re-thrown.
   */
  applyVerdict(ref, subject, asOf = null, { store = null, checker = null } = {}) {
    const i = this.index(ref);
    const d = asOf !== null && asOf !== undefined ? asOf : this.asOf;
    if (!d) throw new QAwardError(CODES.ESTATE, `cycle ${this.id}: applyVerdict: no as-of date (give one or set cycle.asOf)`);
    const own = !(subject instanceof Subject);
    const s = own ? new Subject(subject) : subject;
    try {
      const out = [null];
      if (checker) checker._run(() => C.qaward_checker_check(out, checker.handle, s.handle, toDate(d)));
      else checkStatus(withStore(store, (table) => C.qaward_check(out, ctx(), this.policy.handle, s.handle, table, toDate(d))));
      try {
        checkStatus(C.qaward_cycle_apply_verdict(ctx(), this.handle, i, out[0]));
        return verdictFrom(out[0]);
      } finally { C.qaward_verdict_free(out[0]); }
    } finally {
      if (own) s.close();
    }
  }
  /** A candidate's written reasons: [{ruleId, message: {zh, en}}]. */
  reasons(ref) {
    const i = this.index(ref); const h = this.handle;
    return Array.from({ length: Number(C.qaward_cycle_candidate_reason_count(h, i)) }, (_, k) => ({
      ruleId: C.qaward_cycle_candidate_reason_rule(h, i, k),
      message: { zh: C.qaward_cycle_candidate_reason_message(h, i, k, 1), en: C.qaward_cycle_candidate_reason_message(h, i, k, 0) },
    }));
  }
  setComposite(ref, composite) { return this._call(C.qaward_cycle_set_composite, ref, intArg(composite, 'composite')); }
  setStageTotal(ref, stage, total) { return this._call(C.qaward_cycle_set_stage_total, ref, stage, intArg(total, 'total')); }
  setDefence(ref, passed) { return this._call(C.qaward_cycle_set_defence, ref, passed ? 1 : 0); }
  setVote(ref, v) { return this._call(C.qaward_cycle_set_vote, ref, v.for, v.against, v.abstain, v.present, v.members); }
  decideTie(ref, placed) { return this._call(C.qaward_cycle_decide_tie, ref, placed ? 1 : 0); }
  addNote(ref, key, value, tradeSecret = false) { return this._call(C.qaward_cycle_add_note, ref, key, value, tradeSecret ? 1 : 0); }
  setScoresSecret(ref, secret = true) { return this._call(C.qaward_cycle_set_scores_secret, ref, secret ? 1 : 0); }
  /** Allocate the places; store: null (the cycle's own history), a MemStore or a store object. */
  run(store = null) {
    checkStatus(withStore(store, (table) => C.qaward_cycle_run(ctx(), this.handle, table)));
    return this;
  }
  get isRun() { return C.qaward_cycle_is_run(this.handle) === 1; }
  candidate(ref) {
    const i = this.index(ref); const h = this.handle;
    const comp = [0];
    const has = C.qaward_cycle_candidate_composite(comp, h, i) === 0;
    return {
      index: i, subjectId: C.qaward_cycle_candidate_id(h, i), name: C.qaward_cycle_candidate_name(h, i),
      kind: C.qaward_cycle_candidate_kind(h, i), outcome: CYCLE_OUTCOMES[C.qaward_cycle_candidate_outcome(h, i)] || '?',
      level: C.qaward_cycle_candidate_level(h, i), composite: has ? Number(comp[0]) : null,
      rank: Number(C.qaward_cycle_candidate_rank(h, i)), prizeFen: Number(C.qaward_cycle_candidate_prize(h, i)),
      vote: VOTES[C.qaward_cycle_candidate_vote(h, i)] || '?',
      verdict: ['unset', 'eligible', 'ineligible', 'incomplete'][C.qaward_cycle_candidate_verdict(h, i)] || '?',
    };
  }
  results() { return Array.from({ length: this.length }, (_, i) => this.candidate(i)); }
  ties() { return this.results().filter((r) => r.outcome === 'tie'); }
  buckets() {
    if (!this.isRun) throw new QAwardError(CODES.ESTATE, `cycle ${this.id}: buckets: run() the cycle first`);
    const h = this.handle; const n = Number(C.qaward_cycle_bucket_count(h));
    const rep = n ? this.toJSON().buckets : [];
    const out = [];
    for (let i = 0; i < n; i++) {
      const lv = [null]; const mx = [0]; const pl = [0]; const va = [0]; const ti = [0]; const pz = [0];
      checkStatus(C.qaward_cycle_bucket_get(lv, mx, pl, va, ti, pz, h, i));
      out.push({ level: lv[0], kinds: rep[i] ? rep[i].kinds : [], pooled: !!(rep[i] && rep[i].pooled), max: mx[0],
        placed: pl[0], vacant: va[0], tied: ti[0], prizeTotalFen: Number(pz[0]) });
    }
    return out;
  }
  get prizeTotalFen() { return Number(C.qaward_cycle_prize_total(this.handle)); }
  /** The report: an object (format 'json', both languages) or text in lang; public omits trade secrets (R19). */
  report({ format = 'json', lang = 'zh', public: pub = false } = {}) {
    if (format !== 'json' && format !== 'text') throw new TypeError(`format must be 'json' or 'text', got ${format}`);
    const out = [null];
    checkStatus(C.qaward_cycle_report(out, ctx(), this.handle, format === 'json' ? 0 : 1, langOf(lang), pub ? 1 : 0));
    const s = takeString(out[0]);
    return format === 'json' ? JSON.parse(s) : s;
  }
  publicReport(opts = {}) { return this.report({ ...opts, public: true }); }
  toJSON() {
    const out = [null];
    checkStatus(C.qaward_cycle_to_json(out, this.handle, ctx()));
    return JSON.parse(takeString(out[0]));
  }
  /** Write the decisions in one transaction; a store exception is re-thrown after the rollback. */
  finalise(store = null) {
    checkStatus(withStore(store, (table) => C.qaward_cycle_finalise(ctx(), this.handle, table)));
  }
  /** A loaded cycle's own in-memory store (history + finalised awards), or null. */
  ownStore() {
    const ms = C.qaward_cycle_memstore(this.handle);
    if (!ms) return null;
    const out = [null];
    checkStatus(C.qaward_memstore_to_json(out, ms, ctx()));
    return JSON.parse(takeString(out[0]));
  }
}

// ---------------------------------------------------------------- sanctions (sanctions.h)
function sanction(fn, policy, f, store) {
  const fin = { version: 1, subject_id: f.subjectId, kind: f.kind, decided_on: toDate(f.decidedOn),
    event_date: toDate(f.eventDate), award_date: toDate(f.awardDate) };
  const o = { version: 1, revokes: 0, revoked_award_date: 0, revoked_level: null, revoked_on: 0, public_notice: 0,
    ban_from: 0, ban_until: 0, citation_zh: null, citation_en: null };
  checkStatus(withStore(store, (table) => fn(o, ctx(), policy.handle, table, fin)));
  return {
    revokes: o.revokes === 1, revokedAwardDate: fromDate(o.revoked_award_date), revokedLevel: o.revoked_level,
    revokedOn: fromDate(o.revoked_on), publicNotice: o.public_notice === 1, banFrom: fromDate(o.ban_from),
    banUntil: fromDate(o.ban_until), citation: { zh: o.citation_zh, en: o.citation_en },
  };
}
/** A finding's consequences (ban window, revocation), writing nothing. */
function computeSanction(policy, finding, store = null) { return sanction(C.qaward_sanction_compute, policy, finding, store); }
/** Record a finding through the store in one transaction. */
function applySanction(policy, finding, store) { return sanction(C.qaward_sanction_apply, policy, finding, store); }

// ---------------------------------------------------------------- calendar + procedure
[
  'int qaward_calendar_load_json(_Out_ qaward_calendar **out, qaward_ctx *ctx, const char *json, size_t len)',
  'int qaward_calendar_builtin(_Out_ qaward_calendar **out, qaward_ctx *ctx, const char *name)',
  'int qaward_calendar_merge_json(qaward_calendar *cal, qaward_ctx *ctx, const char *json, size_t len)',
  'void qaward_calendar_free(qaward_calendar *cal)',
  'size_t qaward_calendar_year_count(qaward_calendar *cal)',
  'int32_t qaward_calendar_year_at(qaward_calendar *cal, size_t i)',
  'int qaward_calendar_is_working_day(_Out_ int *out, qaward_ctx *ctx, qaward_calendar *cal, int32_t d)',
  'int qaward_calendar_working_days(_Out_ int32_t *out, qaward_ctx *ctx, qaward_calendar *cal, int32_t first, int32_t last)',
  'int qaward_calendar_notice_end(_Out_ int32_t *out, qaward_ctx *ctx, qaward_calendar *cal, int32_t first, int32_t n)',
  'int qaward_calendar_to_json(_Out_ void **out, qaward_calendar *cal, qaward_ctx *ctx)',
  'int qaward_procedure_load_json(_Out_ qaward_procedure **out, qaward_ctx *ctx, const char *json, size_t len)',
  'int qaward_procedure_builtin(_Out_ qaward_procedure **out, qaward_ctx *ctx, const char *name)',
  'void qaward_procedure_free(qaward_procedure *p)',
  'const char *qaward_procedure_id(qaward_procedure *p)',
  'const char *qaward_procedure_calendar_name(qaward_procedure *p)',
  'size_t qaward_procedure_notice_count(qaward_procedure *p)',
  'const char *qaward_procedure_notice_kind(qaward_procedure *p, size_t i)',
  'int32_t qaward_procedure_notice_min_days(qaward_procedure *p, size_t i)',
  'size_t qaward_procedure_stage_count(qaward_procedure *p)',
  'const char *qaward_procedure_stage_id(qaward_procedure *p, size_t i)',
  'const char *qaward_procedure_stage_name(qaward_procedure *p, size_t i, int lang)',
  'int qaward_notice_check(_Out_ int *satisfied, _Out_ int32_t *wd, qaward_ctx *ctx, qaward_procedure *p, qaward_calendar *cal, const char *kind, int32_t first, int32_t last)',
  'int qaward_notice_check_json(_Out_ void **out, qaward_ctx *ctx, qaward_procedure *p, qaward_calendar *cal, const char *kind, int32_t first, int32_t last)',
  'int qaward_refusal_new(_Out_ void **out, qaward_ctx *ctx, const char *name)',
  'int qaward_refusal_add_reason(void *r, qaward_ctx *ctx, const char *rule, int unknown, const char *czh, const char *cen, const char *mzh, const char *men)',
  'size_t qaward_refusal_reason_count(void *r)',
  'int qaward_refusal_letter(_Out_ void **out, void *r, qaward_ctx *ctx, qaward_procedure *p, int32_t date, int lang)',
  'int qaward_refusal_to_json(_Out_ void **out, void *r, qaward_ctx *ctx, qaward_procedure *p, int32_t date)',
  'void qaward_refusal_free(void *r)',
  'int qaward_timeline_validate_json(_Out_ void **report, _Out_ size_t *violations, qaward_ctx *ctx, qaward_procedure *p, qaward_calendar *cal, const char *json, size_t len)',
].forEach(declare);

function loadOrBuiltin(source, loadFn, builtinFn) {
  const out = [null];
  if (isJsonText(source)) {
    const text = jsonBytes(source);
    checkStatus(loadFn(out, ctx(), text, Buffer.byteLength(text)));
  } else {
    checkStatus(builtinFn(out, ctx(), source));
  }
  return out[0];
}

/** A working-day calendar (R16). A date outside its years throws QAwardError ECALENDAR. */
class Calendar extends Handle {
  constructor(source = 'cn-2023-2026') {
    super();
    this._own(loadOrBuiltin(source, C.qaward_calendar_load_json, C.qaward_calendar_builtin), C.qaward_calendar_free);
  }
  merge(doc) { const t = jsonBytes(doc); checkStatus(C.qaward_calendar_merge_json(this.handle, ctx(), t, Buffer.byteLength(t))); }
  get years() { const h = this.handle; return Array.from({ length: Number(C.qaward_calendar_year_count(h)) }, (_, i) => C.qaward_calendar_year_at(h, i)); }
  isWorkingDay(d) { const o = [0]; checkStatus(C.qaward_calendar_is_working_day(o, ctx(), this.handle, toDate(d))); return o[0] === 1; }
  workingDays(first, last) { const o = [0]; checkStatus(C.qaward_calendar_working_days(o, ctx(), this.handle, toDate(first), toDate(last))); return o[0]; }
  noticeEnd(first, n) { const o = [0]; checkStatus(C.qaward_calendar_notice_end(o, ctx(), this.handle, toDate(first), n)); return fromDate(o[0]); }
  toJSON() { const o = [null]; checkStatus(C.qaward_calendar_to_json(o, this.handle, ctx())); return JSON.parse(takeString(o[0])); }
}

/** The procedure (stages, notices; Art. 13, 14). */
class Procedure extends Handle {
  constructor(source = 'jian-2023') {
    super();
    this._own(loadOrBuiltin(source, C.qaward_procedure_load_json, C.qaward_procedure_builtin), C.qaward_procedure_free);
  }
  get id() { return C.qaward_procedure_id(this.handle); }
  get calendarName() { return C.qaward_procedure_calendar_name(this.handle); }
  calendar() { return new Calendar(this.calendarName || 'cn-2023-2026'); }
  get notices() {
    const h = this.handle; const o = {};
    for (let i = 0; i < Number(C.qaward_procedure_notice_count(h)); i++) o[C.qaward_procedure_notice_kind(h, i)] = C.qaward_procedure_notice_min_days(h, i);
    return o;
  }
  get stages() { const h = this.handle; return Array.from({ length: Number(C.qaward_procedure_stage_count(h)) }, (_, i) => C.qaward_procedure_stage_id(h, i)); }
  stageName(stage, lang = 'zh') {
    const i = this.stages.indexOf(stage);
    if (i < 0) throw new QAwardError(CODES.ENOTFOUND, `procedure ${this.id}: no stage ${stage}`);
    return C.qaward_procedure_stage_name(this.handle, i, langOf(lang));
  }
  /** {kind, first, last, workingDays, satisfied} of a notice (Art. 13; R16). */
  noticeCheck(calendar, kind, first, last) {
    const sat = [0]; const wd = [0];
    checkStatus(C.qaward_notice_check(sat, wd, ctx(), this.handle, calendar.handle, kind, toDate(first), toDate(last)));
    return { kind, first: fromDate(toDate(first)), last: fromDate(toDate(last)), workingDays: wd[0], satisfied: sat[0] === 1 };
  }
  noticeCheckJSON(calendar, kind, first, last) {
    const o = [null];
    checkStatus(C.qaward_notice_check_json(o, ctx(), this.handle, calendar.handle, kind, toDate(first), toDate(last)));
    return JSON.parse(takeString(o[0]));
  }
}

/** Written reasons of a refusal at the qualification check (Art. 13(3)). */
class Refusal extends Handle {
  constructor(applicantName) {
    super();
    const o = [null];
    checkStatus(C.qaward_refusal_new(o, ctx(), applicantName));
    this._own(o[0], C.qaward_refusal_free);
  }
  addReason({ ruleId, citationZh, citationEn, messageZh, messageEn, unknown = false }) {
    checkStatus(C.qaward_refusal_add_reason(this.handle, ctx(), ruleId, unknown ? 1 : 0, citationZh, citationEn, messageZh, messageEn));
    return this;
  }
  get length() { return Number(C.qaward_refusal_reason_count(this.handle)); }
  letter(procedure, date, lang = 'zh') {
    const o = [null];
    checkStatus(C.qaward_refusal_letter(o, this.handle, ctx(), procedure.handle, toDate(date), langOf(lang)));
    return takeString(o[0]);
  }
  toJSON(procedure, date) {
    const o = [null];
    checkStatus(C.qaward_refusal_to_json(o, this.handle, ctx(), procedure.handle, toDate(date)));
    return JSON.parse(takeString(o[0]));
  }
}

/** Validate a `qaward-timeline` document; returns the report ({ok, violations, ...}). */
function validateTimeline(doc, procedure = null, calendar = null) {
  const text = jsonBytes(doc);
  const o = [null]; const n = [0];
  checkStatus(C.qaward_timeline_validate_json(o, n, ctx(), procedure ? procedure.handle : null,
    calendar ? calendar.handle : null, text, Buffer.byteLength(text)));
  return JSON.parse(takeString(o[0]));
}

// ---------------------------------------------------------------- timeline (procedure.h)
[
  'int qaward_timeline_new(_Out_ void **out, qaward_ctx *ctx, qaward_procedure *p, qaward_calendar *cal)',
  'void qaward_timeline_free(void *t)',
  'int qaward_timeline_add_applicant(void *t, qaward_ctx *ctx, const char *id, const char *name, const char *kind, int32_t declared)',
  'int qaward_timeline_add_field(void *t, qaward_ctx *ctx, const char *id, const char *key, const char *value, int secret)',
  'int qaward_timeline_add_notice(void *t, qaward_ctx *ctx, const char *kind, int32_t first, int32_t last, const char **ids, size_t n)',
  'int qaward_timeline_set_qualification(void *t, qaward_ctx *ctx, const char *id, int q)',
  'int qaward_timeline_set_score(void *t, qaward_ctx *ctx, const char *id, const char *stage, int64_t hundredths)',
  'int qaward_timeline_set_site_review(void *t, qaward_ctx *ctx, const char *id, int32_t first, int32_t last)',
  'int qaward_timeline_advance(void *t, qaward_ctx *ctx, const char *id, const char *to, int32_t date)',
  'int qaward_timeline_refuse(void *t, qaward_ctx *ctx, const char *id, int32_t date, void *reasons)',
  'int qaward_timeline_drop(void *t, qaward_ctx *ctx, const char *id, int32_t date, const char *reason)',
  'int qaward_timeline_objection_open(void *t, qaward_ctx *ctx, const char *oid, const char *aid, int32_t date, const char *notice)',
  'int qaward_timeline_objection_resolve(void *t, qaward_ctx *ctx, const char *oid, int32_t date, int upheld, const char *reason)',
  'const char *qaward_timeline_stage(void *t, const char *id)',
  'size_t qaward_timeline_open_objections(void *t, const char *id)',
  'int qaward_timeline_to_json(_Out_ void **out, void *t, qaward_ctx *ctx)',
  'int qaward_timeline_public_list_json(_Out_ void **out, void *t, qaward_ctx *ctx, const char *kind)',
  'int qaward_timeline_public_list_text(_Out_ void **out, void *t, qaward_ctx *ctx, const char *kind, int lang)',
  'int qaward_timeline_load_json(_Out_ void **out, _Out_ void **report, _Out_ size_t *violations, qaward_ctx *ctx, qaward_procedure *p, qaward_calendar *cal, const char *json, size_t len)',
  'int qaward_timeline_refusal_letter(_Out_ void **out, void *t, qaward_ctx *ctx, const char *id, int lang)',
  'int qaward_timeline_report_text(_Out_ void **out, void *t, qaward_ctx *ctx, int lang)',
].forEach(declare);

const QUALIFICATIONS = { unknown: 0, passed: 1, failed: 2 };

/**
 * One cycle's procedural record (R15; Art. 13, 14). An illegal transition throws a
 * QAwardError with codeName 'ESTATE' whose message names the missing precondition.
 */
class Timeline extends Handle {
  constructor(procedure = null, calendar = null) {
    super();
    if (procedure === Timeline._loading) return;
    this.procedure = procedure || new Procedure();
    this.calendar = calendar || this.procedure.calendar();
    this.report = null;
    const o = [null];
    checkStatus(C.qaward_timeline_new(o, ctx(), this.procedure.handle, this.calendar.handle));
    this._own(o[0], C.qaward_timeline_free);
  }
  /** Replay a `qaward-timeline` document (text, object or file path); the violation report is in `.report`. */
  static load(doc, procedure = null, calendar = null) {
    const text = docText(doc);
    const o = [null]; const rep = [null]; const n = [0];
    checkStatus(C.qaward_timeline_load_json(o, rep, n, ctx(), procedure ? procedure.handle : null,
      calendar ? calendar.handle : null, text, Buffer.byteLength(text)));
    const t = new Timeline(Timeline._loading);
    t._own(o[0], C.qaward_timeline_free);
    t.procedure = procedure; t.calendar = calendar; // borrowed ones kept alive; built-ins owned in C
    t.report = JSON.parse(takeString(rep[0]));
    return t;
  }
  _do(fn, ...args) { checkStatus(fn(this.handle, ctx(), ...args)); return this; }
  /** fields: {key: value}; keys listed in tradeSecrets never reach a public list (R19). */
  addApplicant(id, name, kind, declared, { fields = {}, tradeSecrets = [] } = {}) {
    this._do(C.qaward_timeline_add_applicant, id, name, kind, toDate(declared));
    for (const [k, v] of Object.entries(fields)) this.addField(id, k, v, tradeSecrets.includes(k));
    return this;
  }
  addField(id, key, value, tradeSecret = false) { return this._do(C.qaward_timeline_add_field, id, key, String(value), tradeSecret ? 1 : 0); }
  addNotice(kind, first, last, ids) { return this._do(C.qaward_timeline_add_notice, kind, toDate(first), toDate(last), ids, ids.length); }
  /** 'passed' | 'failed' | 'unknown' (or a boolean). */
  setQualification(id, q) {
    const name = typeof q === 'boolean' ? (q ? 'passed' : 'failed') : q;
    if (!(name in QUALIFICATIONS)) throw new TypeError(`qualification must be passed, failed or unknown, got ${q}`);
    return this._do(C.qaward_timeline_set_qualification, id, QUALIFICATIONS[name]);
  }
  setScore(id, stage, hundredths) { return this._do(C.qaward_timeline_set_score, id, stage, intArg(hundredths, 'score')); }
  setSiteReview(id, first, last) { return this._do(C.qaward_timeline_set_site_review, id, toDate(first), toDate(last)); }
  advance(id, to, date) { return this._do(C.qaward_timeline_advance, id, to, toDate(date)); }
  refuse(id, date, refusal) { return this._do(C.qaward_timeline_refuse, id, toDate(date), refusal.handle); }
  drop(id, date, reason) { return this._do(C.qaward_timeline_drop, id, toDate(date), reason); }
  openObjection(objectionId, applicantId, date, noticeKind = null) {
    return this._do(C.qaward_timeline_objection_open, objectionId, applicantId, toDate(date), noticeKind);
  }
  resolveObjection(objectionId, date, upheld, reason) {
    return this._do(C.qaward_timeline_objection_resolve, objectionId, toDate(date), upheld ? 1 : 0, reason);
  }
  /** Current stage id, 'refused', 'removed', 'dropped', or null for an unknown applicant. */
  stage(id) { return C.qaward_timeline_stage(this.handle, id); }
  openObjections(id) { return Number(C.qaward_timeline_open_objections(this.handle, id)); }
  /** Internal record (includes trade-secret fields). */
  toJSON() { const o = [null]; checkStatus(C.qaward_timeline_to_json(o, this.handle, ctx())); return JSON.parse(takeString(o[0])); }
  /** Public name list of a notice kind: an object, or text in lang; never trade secrets (R19). */
  publicList(kind, { format = 'json', lang = 'zh' } = {}) {
    const o = [null];
    if (format === 'json') {
      checkStatus(C.qaward_timeline_public_list_json(o, this.handle, ctx(), kind));
      return JSON.parse(takeString(o[0]));
    }
    if (format !== 'text') throw new TypeError(`format must be 'json' or 'text', got ${format}`);
    checkStatus(C.qaward_timeline_public_list_text(o, this.handle, ctx(), kind, langOf(lang)));
    return takeString(o[0]);
  }
  /** The refused applicant's letter (Art. 13(3)). */
  refusalLetter(id, lang = 'zh') {
    const o = [null];
    checkStatus(C.qaward_timeline_refusal_letter(o, this.handle, ctx(), id, langOf(lang)));
    return takeString(o[0]);
  }
  /** Violations (citations in lang, messages English), stages and refusal letters as text. */
  text(lang = 'zh') { const o = [null]; checkStatus(C.qaward_timeline_report_text(o, this.handle, ctx(), langOf(lang))); return takeString(o[0]); }
}
Timeline._loading = Symbol('loading');

// ---------------------------------------------------------------- batch fast checks
[
  'int qaward_subject_list_load_json(_Out_ void **out, qaward_ctx *ctx, const char *json, size_t len)',
  'void qaward_subject_list_free(void *l)',
  'size_t qaward_subject_list_count(void *l)',
  'int qaward_subject_list_bind(void *l, qaward_ctx *ctx, qaward_policy *p)',
  'int qaward_checker_new(_Out_ void **out, qaward_ctx *ctx, qaward_policy *p, const qaward_store *store)',
  'void qaward_checker_free(void *c)',
  'int qaward_checker_fast(_Out_ int *status, _Out_ int32_t *earliest, void *codes, void *outcomes, size_t cap, void *n, void *c, qaward_subject *s, int32_t as_of)',
  'int qaward_checker_fast_list(int *statuses, int32_t *earliest, _Out_ size_t *done, void *c, void *l, int32_t as_of)',
  'int qaward_checker_check(_Out_ qaward_verdict **out, void *c, qaward_subject *s, int32_t as_of)',
].forEach(declare);

/** Many subjects loaded from one document (one JSON conversion per batch). */
class SubjectList extends Handle {
  constructor(doc) {
    super();
    const text = toJsonText(Array.isArray(doc) ? { subjects: doc } : doc);
    const o = [null];
    checkStatus(C.qaward_subject_list_load_json(o, ctx(), text, Buffer.byteLength(text)));
    this._own(o[0], C.qaward_subject_list_free);
    this._bound = null;
  }
  get length() { return Number(C.qaward_subject_list_count(this.handle)); }
  /**
   * Bind every subject to a policy once (qaward_subject_list_bind): statuses() with a Checker
   * of that policy then takes the library's bound fast path. Results are unchanged; only speed
   * differs. The list keeps the policy alive; do not close() the policy while the list is bound
   * to it (statuses() refuses then; bind again). On failure (a subject the policy cannot bind:
   * the message names its index and id) no subject stays bound and the list stays usable.
   * Returns the list.
   */
  bind(policy) {
    this._bound = null;
    checkStatus(C.qaward_subject_list_bind(this.handle, ctx(), policy.handle));
    this._bound = policy;
    return this;
  }
  /** The policy the list is bound to, or null. */
  get boundPolicy() { return this._bound; }
}

/**
 * A reusable checker on one policy for batch work. store: null, a MemStore, or a JS store object
 * (its callbacks stay registered until close() or garbage collection; a thrown error is re-thrown
 * after the call that made it).
 */
class Checker extends Handle {
  constructor(policy, store = null) {
    super();
    this.policy = policy; this.store = store;
    let table = null;
    let adapter = null;
    if (store instanceof MemStore) table = store.table();
    else if (store !== null && store !== undefined) { adapter = new StoreAdapter(store); table = adapter.table; }
    const o = [null];
    try {
      checkStatus(C.qaward_checker_new(o, ctx(), policy.handle, table));
    } catch (e) {
      if (adapter) adapter.release();
      throw e;
    }
    this.adapter = adapter;
    // the checker copies the table; the callbacks are released after the C checker is freed
    this._own(o[0], adapter ? (h) => { C.qaward_checker_free(h); adapter.release(); } : C.qaward_checker_free);
  }
  /** Run a checker call; re-throw a JS store's exception first. */
  _run(fn) {
    if (!this.adapter) return checkStatus(fn());
    this.adapter.error = null;
    let rc;
    try {
      rc = fn();
      if (this.adapter.error !== null) throw this.adapter.error;
    } finally {
      this.adapter.error = null;
    }
    return checkStatus(rc);
  }
  /** Full verdict of one subject (Subject or plain object), as check() returns. */
  check(subject, asOf) {
    const own = !(subject instanceof Subject);
    const s = own ? new Subject(subject) : subject;
    try {
      const out = [null];
      this._run(() => C.qaward_checker_check(out, this.handle, s.handle, toDate(asOf)));
      try { return verdictFrom(out[0]); } finally { C.qaward_verdict_free(out[0]); }
    } finally {
      if (own) s.close();
    }
  }
  /** Status codes (Int32Array; STATUS[i] names them) of every subject of a SubjectList: one foreign call per batch. */
  statuses(list, asOf, { earliest = false } = {}) {
    if (list._bound !== null && list._bound.closed) {
      throw new Error('SubjectList is bound to a closed Policy: bind it again before checking');
    }
    const n = list.length;
    const st = new Int32Array(n);
    const ear = earliest ? new Int32Array(n) : null;
    const done = [0];
    this._run(() => C.qaward_checker_fast_list(st, ear, done, this.handle, list.handle, toDate(asOf)));
    return earliest ? { statuses: st, earliest: Array.from(ear, fromDate) } : st;
  }
}

Object.assign(module.exports, {
  Cycle, VERDICTS, CYCLE_OUTCOMES, VOTES, computeSanction, applySanction, Calendar, Procedure, Refusal,
  validateTimeline, SubjectList, Checker, FindingStruct, SanctionOutcomeStruct, Timeline, QUALIFICATIONS,
});
