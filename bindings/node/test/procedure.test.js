'use strict';
// Working-day calendar (R16), notices (Art. 13), refusal letters (Art. 13(3)), timelines, batch checks.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const q = require('..');

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('R16 working days around the National Day holiday', () => {
  const cal = new q.Calendar('cn-2023-2026');
  assert.deepStrictEqual(cal.years, [2023, 2024, 2025, 2026]);
  assert.strictEqual(cal.isWorkingDay('2025-09-30'), true);
  assert.strictEqual(cal.isWorkingDay('2025-10-01'), false);
  assert.strictEqual(cal.isWorkingDay('2025-10-11'), true); // make-up Saturday
  assert.strictEqual(cal.workingDays('2025-09-29', '2025-10-10'), 4);
  assert.strictEqual(cal.noticeEnd('2025-09-30', 5), '2025-10-13');
  assert.throws(() => cal.workingDays('2025-10-10', '2025-10-01'), (e) => e.codeName === 'ERANGE');
});

test('a date outside the calendar is ECALENDAR', () => {
  const cal = new q.Calendar();
  assert.throws(() => cal.isWorkingDay('2027-01-04'), (e) => e instanceof q.QAwardError && e.code === q.CODES.ECALENDAR && /2027/.test(e.message));
  assert.throws(() => cal.noticeEnd('2026-12-28', 10), (e) => e.codeName === 'ECALENDAR');
  assert.throws(() => new q.Calendar('mars'), (e) => e.codeName === 'ENOTFOUND');
  const again = new q.Calendar(cal.toJSON());
  assert.deepStrictEqual(again.years, cal.years);
});

test('notice check (Art. 13: five working days) and procedure shape', () => {
  const p = new q.Procedure('jian-2023');
  const cal = p.calendar();
  assert.strictEqual(p.notices.candidates, 5);
  assert.strictEqual(p.stages[0], 'declared');
  assert.ok(p.stageName('vote', 'en'));
  assert.deepStrictEqual(p.noticeCheck(cal, 'candidates', '2025-09-29', '2025-10-10'),
    { kind: 'candidates', first: '2025-09-29', last: '2025-10-10', workingDays: 4, satisfied: false });
  assert.strictEqual(p.noticeCheck(cal, 'candidates', '2025-09-29', '2025-10-11').satisfied, true);
  assert.strictEqual(p.noticeCheckJSON(cal, 'candidates', '2025-09-29', '2025-10-10').earliest_last_day, '2025-10-11');
  assert.throws(() => p.noticeCheck(cal, 'gossip', '2025-09-29', '2025-10-10'), (e) => e.codeName === 'ENOTFOUND');
});

test('refusal letters in zh and en (Art. 13(3))', () => {
  const p = new q.Procedure();
  const r = new q.Refusal('吉安示例有限公司');
  assert.throws(() => r.letter(p, '2025-07-01'), (e) => e.codeName === 'ESTATE');
  r.addReason({ ruleId: 'art10_4_iso9001', citationZh: '第十条（四）', citationEn: 'Art. 10(4)', messageZh: '体系运行不满三年', messageEn: 'ISO 9001 not running for three years' });
  assert.strictEqual(r.length, 1);
  assert.ok(r.letter(p, '2025-07-01', 'zh').includes('体系运行不满三年'));
  assert.ok(r.letter(p, '2025-07-01', 'en').includes('Art. 10(4)'));
  assert.strictEqual(r.toJSON(p, '2025-07-01').reasons.length, 1);
});

test('timeline documents are validated', () => {
  const clean = q.validateTimeline(fs.readFileSync(path.join(ROOT, 'data/examples/timeline-2025-clean.json'), 'utf8'));
  assert.strictEqual(clean.ok, true);
  const bad = q.validateTimeline(JSON.parse(fs.readFileSync(path.join(ROOT, 'data/examples/timeline-2025.json'), 'utf8')));
  assert.strictEqual(bad.ok, false);
  assert.ok(bad.violations.length >= 1);
  assert.throws(() => q.validateTimeline('{'), (e) => e.codeName === 'EPARSE');
});

test('batch fast checks: one call per SubjectList equals check() per subject', () => {
  const p = new q.Policy();
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/data/subjects.json'), 'utf8'));
  const list = new q.SubjectList(doc);
  const ch = new q.Checker(p);
  for (const d of ['2025-04-01', '2027-01-01']) {
    const st = ch.statuses(list, d);
    assert.deepStrictEqual(Array.from(st, (x) => q.STATUS[x]), doc.subjects.map((s) => q.check(p, s, d).status));
  }
  // a JS store is accepted (its callbacks live as long as the checker): see timeline.test.js
  const js = new q.Checker(p, { read: () => [] });
  assert.deepStrictEqual(Array.from(js.statuses(list, '2025-04-01')), Array.from(ch.statuses(list, '2025-04-01')));
  js.close();
});
