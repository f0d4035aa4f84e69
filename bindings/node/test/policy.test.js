'use strict';
const test = require('node:test');
const assert = require('node:assert');
const q = require('..');

const has = (fn) => !q.C[fn].missing;

const ORG = {
  id: 'ORG-1', kind: 'organization', region_code: '360802', legal_person: true, for_profit: true,
  registration_date: new Date(Date.UTC(2015, 2, 1)),
  net_profit_fen: { 2023: 1200000, 2024: 900000 }, trade_secrets: ['net_profit_fen'],
};

test('jian-2023: in force from 2023-02-05 (R17), quota 3 (R12), prize in fen (R13)', { skip: !has('qaward_policy_builtin') }, () => {
  const p = new q.Policy('jian-2023');
  assert.strictEqual(p.id, 'jian-2023');
  assert.strictEqual(p.validFrom, '2023-02-05');
  assert.strictEqual(p.inForce('2023-02-04'), false);
  assert.strictEqual(p.inForce('2023-02-05'), true);
  const lvl = p.levels[0];
  assert.strictEqual(p.quota(lvl, 'organization').max, 3);
  assert.strictEqual(p.prizeFen(lvl, 'organization'), 50000000);
  assert.strictEqual(p.reapplyDate(lvl, '2023-06-30'), '2029-01-01');
  p.close();
  p.close();
  assert.throws(() => p.id, /closed/);
});

test('unknown built-in policy: ENOTFOUND with the name', { skip: !has('qaward_policy_builtin') }, () => {
  assert.throws(() => new q.Policy('atlantis-1999'), (e) => e.code === -7 && /atlantis-1999/.test(e.message));
});

test('subject from an object with Date values; public JSON leaves out trade secrets (R19)', { skip: !has('qaward_subject_load_json') }, () => {
  const s = new q.Subject(ORG);
  assert.strictEqual(s.id, 'ORG-1');
  assert.ok(s.isSecret('net_profit_fen'));
  assert.ok('net_profit_fen' in s.toJSON());
  assert.ok(!('net_profit_fen' in s.toJSON(true)));
  assert.strictEqual(s.toJSON().registration_date, '2015-03-01');
});

test('unknown subject field: ESCHEMA naming it', { skip: !has('qaward_subject_load_json') }, () => {
  assert.throws(() => new q.Subject({ ...ORG, colour: 'red' }), (e) => e.codeName === 'ESCHEMA' && /colour/.test(e.message));
});
