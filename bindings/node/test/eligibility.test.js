'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const q = require('..');

const SUBJECTS = require(path.join(__dirname, '..', '..', '..', 'examples', 'data', 'subjects.json')).subjects;
const ORG = SUBJECTS[0];
const skip = q.C.qaward_check.missing;

test('example organisation is eligible with a cited reason per check', { skip }, () => {
  const p = new q.Policy('jian-2023');
  const v = q.check(p, ORG, '2025-04-01');
  assert.strictEqual(v.status, 'eligible', JSON.stringify(v.reasons.filter((r) => r.outcome !== 'pass')));
  const r = v.reasons.find((x) => x.rule === 'art10_4_management_system_3_years');
  assert.deepStrictEqual(r.citation, { zh: '第十条（四）', en: 'Art. 10(4)' });
});

test('R3 boundary: operating 3 years fails the day before, passes on the day', { skip }, () => {
  const p = new q.Policy('jian-2023');
  const org = { ...ORG, registration_date: '2022-04-01' };
  const rule = (d) => q.check(p, org, d).reasons.find((x) => x.rule === 'art10_2_operating_3_years');
  assert.strictEqual(rule('2025-03-31').outcome, 'fail');
  assert.strictEqual(rule('2025-03-31').earliest, '2025-04-01');
  assert.strictEqual(rule('2025-04-01').outcome, 'pass');
});

test('R7 wait read through a JS store; a thrown error reaches the caller unchanged', { skip }, () => {
  const p = new q.Policy('jian-2023');
  const reads = [];
  const store = {
    read(id) {
      reads.push(id);
      return [{ type: 'award', subjectId: id, level: 'award', kind: 'organization', cycleId: '2021', awardDate: '2021-12-20' }];
    },
  };
  const v = q.check(p, ORG, '2025-04-01', store);
  assert.deepStrictEqual(reads, ['ORG-EX-1']);
  assert.strictEqual(v.status, 'ineligible');
  assert.strictEqual(v.reasons.find((r) => r.type === 'wait' && r.outcome === 'fail').earliest, '2027-01-01');
  class DbDown extends Error {}
  assert.throws(() => q.check(p, ORG, '2025-04-01', { read() { throw new DbDown('db down'); } }), DbDown);
  assert.strictEqual(q.check(p, ORG, '2025-04-01').status, 'eligible');
});

test('R17: no policy in force is ENOPOLICY', { skip }, () => {
  const p = new q.Policy('jian-2023');
  assert.throws(() => q.check(p, ORG, '2023-02-04'), (e) => e.codeName === 'ENOPOLICY');
});

test('batch agrees with single checks', { skip: skip || q.C.qaward_check_batch_json.missing }, () => {
  const p = new q.Policy('jian-2023');
  const subs = Array.from({ length: 20 }, (_, i) => ({ ...ORG, id: `B${i}`, registration_date: `20${15 + (i % 10)}-04-01` }));
  const b = q.checkBatch(p, subs, '2025-04-01');
  assert.strictEqual(b.length, 20);
  subs.forEach((s, i) => assert.strictEqual(b[i].status, q.check(p, s, '2025-04-01').status));
});
