'use strict';
// libqaward from Node. Uses the project's Node binding (bindings/node) when it
// offers the eligibility calls, otherwise declares them with koffi directly
// (the same FFI the binding uses). QAWARD_LIBRARY names the shared library;
// by default the normal build (build/lib/libqaward.so) of this checkout.
const fs = require('fs');
const path = require('path');
const koffi = require('koffi');

const ROOT = path.resolve(__dirname, '..', '..');

function libraryPath() {
  if (process.env.QAWARD_LIBRARY) return process.env.QAWARD_LIBRARY;
  for (const b of ['build', 'builddir', '_build']) {
    const p = path.join(ROOT, b, 'lib', 'libqaward.so');
    if (fs.existsSync(p)) return p;
  }
  throw new Error('libqaward.so not found: build it (meson setup build && ninja -C build) or set QAWARD_LIBRARY');
}

function open() {
  const libPath = libraryPath();
  const lib = koffi.load(libPath);
  // handles are declared as void * (koffi type names are process-wide and the
  // project's binding may have registered the qaward_* names already)
  const C = {};
  for (const proto of [
    'int qaward_ctx_new(_Out_ void **out, void *alloc)',
    'void qaward_ctx_free(void *ctx)',
    'const char *qaward_ctx_message(void *ctx)',
    'void qaward_string_free(void *ctx, void *p)',
    'int qaward_date_parse(_Out_ int32_t *out, void *ctx, const char *text)',
    'int qaward_policy_load_json(_Out_ void **out, void *ctx, const char *json, size_t len)',
    'int qaward_policy_builtin(_Out_ void **out, void *ctx, const char *name)',
    'void qaward_policy_free(void *p)',
    'int qaward_subject_load_json(_Out_ void **out, void *ctx, const char *json, size_t len)',
    'void qaward_subject_free(void *s)',
    'int qaward_subject_list_load_json(_Out_ void **out, void *ctx, const char *json, size_t len)',
    'void qaward_subject_list_free(void *l)',
    'size_t qaward_subject_list_count(const void *l)',
    'void *qaward_subject_list_get(const void *l, size_t i)',
    'int qaward_check(_Out_ void **out, void *ctx, const void *p, const void *s, const void *store, int32_t as_of)',
    'void qaward_verdict_free(void *v)',
    'int qaward_verdict_status(const void *v)',
    'int qaward_checker_new(_Out_ void **out, void *ctx, const void *p, const void *store)',
    'void qaward_checker_free(void *c)',
    'int qaward_checker_fast(_Out_ int *status, _Out_ int32_t *earliest, uint32_t *codes, uint8_t *outcomes, size_t cap, _Out_ size_t *n_codes, void *c, const void *s, int32_t as_of)',
    'int qaward_check_batch_json(_Out_ void **out, void *ctx, const void *p, const void *store, int32_t as_of, const char *json, size_t len, uint32_t flags)',
  ]) {
    const name = /([A-Za-z_0-9]+)\s*\(/.exec(proto)[1];
    C[name] = lib.func(proto);
  }
  const ctxOut = [null];
  if (C.qaward_ctx_new(ctxOut, null) !== 0) throw new Error('qaward_ctx_new failed');
  const ctx = ctxOut[0];
  const fail = (what, rc) => { throw new Error(`${what}: ${rc}: ${C.qaward_ctx_message(ctx)}`); };
  const dateCache = new Map();
  const date = (s) => {
    let d = dateCache.get(s);
    if (d === undefined) {
      const o = [0];
      const rc = C.qaward_date_parse(o, ctx, s);
      if (rc) fail('date ' + s, rc);
      d = o[0];
      dateCache.set(s, d);
    }
    return d;
  };
  const STATUS = ['ELIGIBLE', 'INELIGIBLE', 'INCOMPLETE'];

  function policy(source) {
    const out = [null];
    let rc;
    if (source.trim().startsWith('{')) rc = C.qaward_policy_load_json(out, ctx, source, Buffer.byteLength(source));
    else rc = C.qaward_policy_builtin(out, ctx, source);
    if (rc) fail('policy', rc);
    const p = out[0];
    const chOut = [null];
    if ((rc = C.qaward_checker_new(chOut, ctx, p, null))) fail('checker', rc);
    const checker = chOut[0];
    const st = [0], ea = [0], nc = [0];
    return {
      // per call: the subject document goes through JSON into a subject handle,
      // checked with the allocation-free checker, then freed.
      checkDoc(subject, asOf) {
        const text = JSON.stringify(subject);
        const so = [null];
        let r = C.qaward_subject_load_json(so, ctx, text, Buffer.byteLength(text));
        if (r) fail('subject ' + subject.id, r);
        r = C.qaward_checker_fast(st, ea, null, null, 0, nc, checker, so[0], date(asOf));
        C.qaward_subject_free(so[0]);
        if (r) fail('check ' + subject.id, r);
        return st[0];
      },
      // per call with qaward_check (full verdict object, as the C API's plain call)
      checkDocFull(subject, asOf) {
        const text = JSON.stringify(subject);
        const so = [null], vo = [null];
        let r = C.qaward_subject_load_json(so, ctx, text, Buffer.byteLength(text));
        if (r) fail('subject ' + subject.id, r);
        r = C.qaward_check(vo, ctx, p, so[0], null, date(asOf));
        C.qaward_subject_free(so[0]);
        if (r) fail('check ' + subject.id, r);
        const s = C.qaward_verdict_status(vo[0]);
        C.qaward_verdict_free(vo[0]);
        return s;
      },
      // batch: one JSON document per as-of date through qaward_check_batch_json (BRIEF)
      checkBatch(subjects, asOf) {
        const text = JSON.stringify({ subjects });
        const out = [null];
        const r = C.qaward_check_batch_json(out, ctx, p, null, date(asOf), text, Buffer.byteLength(text), 1);
        if (r) fail('batch', r);
        const json = koffi.decode(out[0], 'char', -1);
        C.qaward_string_free(ctx, out[0]);
        return JSON.parse(json).verdicts.map((v) => STATUS.indexOf(v.status.toUpperCase()));
      },
      // loaded subjects: the documents of one as-of date go through
      // qaward_subject_list_load_json() once (load()), then every check is one
      // qaward_checker_fast() call through koffi (check()).
      load(subjects) {
        const text = JSON.stringify({ subjects });
        const lo = [null];
        const r = C.qaward_subject_list_load_json(lo, ctx, text, Buffer.byteLength(text));
        if (r) fail('subject list', r);
        const n = Number(C.qaward_subject_list_count(lo[0]));
        const ptrs = new Array(n);
        for (let i = 0; i < n; i++) ptrs[i] = C.qaward_subject_list_get(lo[0], i);
        return { handle: lo[0], ptrs, free() { C.qaward_subject_list_free(lo[0]); } };
      },
      checkLoaded(list, asOf, out, at) {
        const d = date(asOf), ptrs = list.ptrs;
        for (let i = 0; i < ptrs.length; i++) {
          const r = C.qaward_checker_fast(st, ea, null, null, 0, nc, checker, ptrs[i], d);
          if (r) fail('check', r);
          out[at[i]] = st[0];
        }
      },
      close() { C.qaward_checker_free(checker); C.qaward_policy_free(p); },
    };
  }
  return { libPath, policy, STATUS };
}

module.exports = { open, libraryPath };
