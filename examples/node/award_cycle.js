'use strict';
// A whole award cycle finalised into SQLite, twin of examples/c/award_cycle.c (Art. 4, 5, 13, 15; R8, R12).
// The store talks to the sqlite3 command-line tool (as examples/node/sqlite_store.js): the
// statements of one transaction go to one sqlite3 process between BEGIN and COMMIT.
// Skips (exit 77) when the sqlite3 CLI is missing.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const q = require('../../bindings/node');

try { execFileSync('sqlite3', ['-version'], { stdio: 'ignore' }); } catch { console.log('sqlite3 CLI not found: skipping'); process.exit(77); }
const lit = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

class SqliteCliStore {
  constructor(file) {
    this.file = file; this.pending = null;
    this.sql('CREATE TABLE IF NOT EXISTS awards (subject_id TEXT NOT NULL, level TEXT NOT NULL, kind TEXT NOT NULL, cycle_id TEXT, award_date TEXT NOT NULL, revoked_on TEXT, prize_fen INTEGER NOT NULL DEFAULT 0, re_win INTEGER NOT NULL DEFAULT 0);');
  }
  sql(text) { return execFileSync('sqlite3', ['-json', '-bail', this.file], { input: text, encoding: 'utf8' }); }
  rows(text) { const out = this.sql(text).trim(); return out ? JSON.parse(out) : []; }
  cycleFinalised(id) { return this.rows(`SELECT count(*) AS n FROM awards WHERE cycle_id = ${lit(id)}`)[0].n > 0; }
  begin() { this.pending = ['BEGIN']; }
  writeAward(r) { this.pending.push(`INSERT INTO awards VALUES (${[r.subjectId, r.level, r.kind, r.cycleId, r.awardDate, r.revokedOn, r.prizeFen, r.reWin ? 1 : 0].map(lit).join(',')})`); }
  commit() { const s = this.pending.concat(['COMMIT']).join(';\n') + ';'; this.pending = null; this.sql(s); }
  rollback() { this.pending = null; }
  awards(id) { return this.rows(`SELECT * FROM awards WHERE cycle_id = ${lit(id)} ORDER BY rowid`); }
}

const docPath = process.argv[2] || path.join(__dirname, '..', '..', 'data', 'examples', 'cycle-2025.json');
const cycle = q.Cycle.load(docPath).run(); // history (R8) from the document's own store
console.log(`cycle ${cycle.id}: ${cycle.length} candidates, decision date ${cycle.decisionDate}`);
for (const b of cycle.buckets()) {
  console.log(`  ${b.level.padEnd(10)} ${b.kinds.join('/').padEnd(12)} quota ${b.max} placed ${b.placed} vacant ${b.vacant} tied ${b.tied}  prizes ${b.prizeTotalFen} fen`);
}
const pts = (h) => { if (h === null) return '-'; const s = String(h).padStart(3, '0'); return `${s.slice(0, -2)}.${s.slice(-2)}`; }; // hundredths as text, no floats
for (const r of cycle.results()) {
  console.log(`  ${r.subjectId.padEnd(7)} ${r.kind.padEnd(12)} ${r.outcome.padEnd(11)} ${(r.level || '-').padEnd(10)} composite ${pts(r.composite)}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qaward-cycle-'));
const store = new SqliteCliStore(path.join(dir, 'awards.db'));
const ties = cycle.ties();
console.log('tied at the last place (R12):', ties.map((t) => `${t.subjectId} ${pts(t.composite)}`).join(', '));
try {
  cycle.finalise(store);
  throw new Error('finalise must refuse an open tie');
} catch (e) {
  if (e.codeName !== 'ESTATE') throw e;
  console.log('finalise with the tie open ->', e.codeName, e.message);
}

// the leading group places the first tied candidate; the others pass down
ties.forEach((t, k) => cycle.decideTie(t.subjectId, k === 0));
cycle.run();
const second = cycle.candidate(ties[1].subjectId);
console.log(`leading group: ${ties[0].subjectId} placed; ${second.subjectId} ${second.outcome} at ${second.level}`);

// a store whose third write throws: the library rolls back, the exception is re-thrown to us
class DiskFull extends Error {}
const flaky = new SqliteCliStore(path.join(dir, 'flaky.db'));
let writes = 0;
const orig = flaky.writeAward.bind(flaky);
flaky.writeAward = (r) => { if (++writes === 3) throw new DiskFull('disk quota (demo)'); orig(r); };
try {
  cycle.finalise(flaky);
  throw new Error('expected DiskFull');
} catch (e) {
  if (!(e instanceof DiskFull)) throw e;
  console.log(`finalise with a failing third write -> ${e.constructor.name}: ${e.message}; awards written: ${flaky.awards(cycle.id).length}`);
}

cycle.finalise(store);
const rows = store.awards(cycle.id);
console.log('awards written by the finalise (one transaction):');
for (const r of rows) console.log(`  ${r.subject_id.padEnd(7)} ${r.level.padEnd(10)} ${r.kind.padEnd(12)} ${r.award_date}  ${String(r.prize_fen).padStart(10)} fen${r.re_win ? '  re-winner (R8)' : ''}`);
const total = rows.reduce((a, r) => a + r.prize_fen, 0);
console.log(`${rows.length} awards, prizes ${total} fen (cycle prize total ${cycle.prizeTotalFen} fen, Art. 15)`);
if (total !== cycle.prizeTotalFen) throw new Error('prize total mismatch');
try { cycle.finalise(store); } catch (e) { console.log('finalise again ->', e.codeName, e.message); }
if (cycle.publicReport({ format: 'text', lang: 'en' }).includes('五轴联动')) throw new Error('trade secret in the public report');
console.log('public report: trade-secret notes omitted (R19)');
fs.rmSync(dir, { recursive: true, force: true });
