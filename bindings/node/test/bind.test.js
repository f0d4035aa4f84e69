'use strict';
// SubjectList.bind (qaward_subject_list_bind): a bound list's statuses equal the unbound
// list's and full checks (R5) on the sample applicants; a subject the policy cannot bind
// (R18: unknown event kind) is named by index and id and leaves the list usable.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const q = require('..');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
// a day before, of and after jinggang's 3 years (Art. 10(2), R2: 2025-10-01) and li-na's R7 date
const DATES = ['2025-04-01', '2025-09-30', '2025-10-01', '2025-10-02', '2026-07-12', '2027-02-02', '2027-02-03'];

test('bound SubjectList: statuses equal the unbound list and check() per subject', () => {
  const p = new q.Policy('jian-2023');
  const doc = read('data/examples/applicants.json');
  const ms = new q.MemStore(read('data/examples/history.json'));
  const plain = new q.SubjectList(doc);
  const bound = new q.SubjectList(doc);
  assert.strictEqual(bound.boundPolicy, null);
  assert.strictEqual(bound.bind(p), bound);
  assert.strictEqual(bound.boundPolicy, p);
  assert.strictEqual(bound.length, 14);
  const ch = new q.Checker(p, ms);
  for (const d of DATES) {
    const b = ch.statuses(bound, d, { earliest: true });
    const u = ch.statuses(plain, d, { earliest: true });
    assert.deepStrictEqual(Array.from(b.statuses), Array.from(u.statuses), d);
    assert.deepStrictEqual(b.earliest, u.earliest, d);
    const full = doc.subjects.map((s) => q.check(p, s, d, ms));
    assert.deepStrictEqual(Array.from(b.statuses, (x) => q.STATUS[x]), full.map((v) => v.status), d);
    assert.deepStrictEqual(b.earliest, full.map((v) => v.earliest), d);
    assert.deepStrictEqual(Array.from(ch.statuses(bound, d)), Array.from(b.statuses));
  }
  // the sample's values (Art. 10(2): org-jinggang-newmaterials reaches 3 years on 2025-10-01)
  const before = ch.statuses(bound, '2025-09-30', { earliest: true });
  assert.strictEqual(doc.subjects[1].id, 'org-jinggang-newmaterials');
  assert.strictEqual(q.STATUS[before.statuses[1]], 'ineligible');
  assert.strictEqual(before.earliest[1], '2025-10-01');
  assert.strictEqual(q.STATUS[before.statuses[5]], 'incomplete'); // org-taihe-textiles (R5)
  assert.strictEqual(before.earliest[11], '2027-02-03'); // ind-li-na (R7)
  assert.strictEqual(q.STATUS[ch.statuses(bound, '2025-10-01')[1]], 'eligible');
  // binding again, and a checker on another policy (ordinary path), give the same results
  assert.strictEqual(bound.bind(p).boundPolicy, p);
  const other = new q.Policy('jian-2023');
  const ch2 = new q.Checker(other, ms);
  assert.deepStrictEqual(Array.from(ch2.statuses(bound, '2025-04-01')), Array.from(ch.statuses(plain, '2025-04-01')));
  ch2.close(); other.close(); ch.close();
});

test('R18: a subject the policy cannot bind is named by index and id; the list stays usable', () => {
  const p = new q.Policy('jian-2023');
  const subjects = [
    { id: 'ORG-A', kind: 'organization', events: [] },
    { id: 'ORG-B', kind: 'organization', events: [] },
    { id: 'ORG-C', kind: 'organization', events: [{ kind: 'meteor_strike', date: '2024-01-02' }] },
  ];
  const list = new q.SubjectList(subjects);
  assert.throws(() => list.bind(p), (e) => e instanceof q.QAwardError && e.codeName === 'EINVAL' &&
    e.message.includes('subjects[2] (id "ORG-C")') && e.message.includes('meteor_strike'));
  assert.strictEqual(list.boundPolicy, null);
  const ch = new q.Checker(p);
  // the unknown kind fails the check of ORG-C as on an unbound list, after the two before it
  assert.throws(() => ch.statuses(list, '2025-04-01'), (e) => e.codeName === 'EINVAL' && e.message.includes('meteor_strike'));
  const ok = new q.SubjectList(subjects.slice(0, 2)).bind(p);
  assert.deepStrictEqual(Array.from(ch.statuses(ok, '2025-04-01'), (x) => q.STATUS[x]), ['incomplete', 'incomplete']);
  ch.close();
});

test('a list bound to a closed policy is refused until bound again', () => {
  const p = new q.Policy('jian-2023');
  const list = new q.SubjectList(read('data/examples/applicants.json')).bind(p);
  p.close();
  const p2 = new q.Policy('jian-2023');
  const ch = new q.Checker(p2);
  assert.throws(() => ch.statuses(list, '2025-04-01'), /bound to a closed Policy/);
  list.bind(p2);
  assert.strictEqual(ch.statuses(list, '2025-04-01').length, 14);
  ch.close();
});
