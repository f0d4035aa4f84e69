'use strict';
// A store backed by SQLite from Node, through the sqlite3 command-line tool
// (no native npm module besides koffi). Twin of examples/c/sqlite_store.c:
// schema, history reads during checks, a decision written in one transaction.
// Skips (exit 77) when the sqlite3 CLI is missing.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const q = require('../../bindings/node');

function haveSqlite() {
  try { execFileSync('sqlite3', ['-version'], { stdio: 'ignore' }); return true; } catch { return false; }
}
if (!haveSqlite()) { console.log('sqlite3 CLI not found: skipping'); process.exit(77); }

const lit = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

class SqliteCliStore {
  constructor(file) { this.file = file; this.pending = null; this.sql('CREATE TABLE IF NOT EXISTS awards (subject_id TEXT NOT NULL, level TEXT NOT NULL, kind TEXT NOT NULL, cycle_id TEXT, award_date TEXT NOT NULL, revoked_on TEXT, prize_fen INTEGER NOT NULL DEFAULT 0, re_win INTEGER NOT NULL DEFAULT 0); CREATE TABLE IF NOT EXISTS sanctions (subject_id TEXT NOT NULL, kind TEXT NOT NULL, decided_on TEXT NOT NULL, ban_from TEXT, ban_until TEXT, revokes_award_date TEXT, citation TEXT);'); }
  sql(text) { return execFileSync('sqlite3', ['-json', '-bail', this.file], { input: text, encoding: 'utf8' }); }
  rows(text) { const out = this.sql(text).trim(); return out ? JSON.parse(out) : []; }
  // store protocol
  read(id) {
    const a = this.rows(`SELECT * FROM awards WHERE subject_id = ${lit(id)}`).map((r) => ({
      type: 'award', subjectId: id, level: r.level, kind: r.kind, cycleId: r.cycle_id, awardDate: r.award_date,
      revokedOn: r.revoked_on, prizeFen: r.prize_fen, reWin: !!r.re_win }));
    const s = this.rows(`SELECT * FROM sanctions WHERE subject_id = ${lit(id)}`).map((r) => ({
      type: 'sanction', subjectId: id, kind: r.kind, decidedOn: r.decided_on, banFrom: r.ban_from,
      banUntil: r.ban_until, revokesAwardDate: r.revokes_award_date, citation: r.citation }));
    return a.concat(s);
  }
  // a transaction is the statements sent to one sqlite3 process between BEGIN and COMMIT
  begin() { this.pending = ['BEGIN']; }
  writeAward(r) { this.pending.push(`INSERT INTO awards VALUES (${[r.subjectId, r.level, r.kind, r.cycleId, r.awardDate, r.revokedOn, r.prizeFen, r.reWin ? 1 : 0].map(lit).join(',')})`); }
  writeSanction(r) { this.pending.push(`INSERT INTO sanctions VALUES (${[r.subjectId, r.kind, r.decidedOn, r.banFrom, r.banUntil, r.revokesAwardDate, r.citation].map(lit).join(',')})`); }
  commit() { const s = this.pending.concat(['COMMIT']).join(';\n') + ';'; this.pending = null; this.sql(s); }
  rollback() { this.pending = null; }
  count(t) { return this.rows(`SELECT count(*) AS n FROM ${t}`)[0].n; }
}

const data = process.env.QAWARD_EXAMPLES_DATA || path.join(__dirname, '..', 'data');
const template = JSON.parse(fs.readFileSync(path.join(data, 'subjects.json'), 'utf8')).subjects[0];
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qaward-')), 'store.db');
const store = new SqliteCliStore(file);
const policy = new q.Policy('jian-2023');

store.begin();
store.writeAward({ subjectId: 'ORG-W', level: 'award', kind: 'organization', cycleId: '2021', awardDate: '2021-12-20', prizeFen: 50000000 });
const ban = policy.banWindow('false_materials', '2022-03-15');
store.writeSanction({ subjectId: 'ORG-B', kind: 'false_materials', decidedOn: '2022-03-15', banFrom: ban.from, banUntil: ban.until, citation: '第二十条' });
store.commit();

function check(id, asOf, want) {
  const v = q.check(policy, { ...template, id }, asOf, store);
  console.log(`${id.padEnd(7)} ${asOf} ${v.status.padEnd(11)} earliest ${v.earliest}`);
  for (const r of v.reasons.filter((x) => x.outcome === 'fail')) console.log(`    ${r.citation.zh} ${r.rule}: ${r.message.en}`);
  if (v.status !== want) throw new Error(`${id} ${asOf}: ${v.status}, expected ${want}`);
}
check('ORG-OK', '2025-04-01', 'eligible');
check('ORG-W', '2025-04-01', 'ineligible');
check('ORG-W', '2027-01-01', 'eligible');
check('ORG-B', '2027-03-14', 'ineligible');
check('ORG-B', '2027-03-15', 'eligible');

const b2 = policy.banWindow('false_materials', '2025-05-01');
store.begin();
store.writeSanction({ subjectId: 'ORG-OK', kind: 'false_materials', decidedOn: '2025-05-01', banFrom: b2.from, banUntil: b2.until, citation: '第二十条' });
store.commit();
console.log('sanctions after commit:', store.count('sanctions'));
check('ORG-OK', '2025-06-01', 'ineligible');
fs.rmSync(path.dirname(file), { recursive: true, force: true });
