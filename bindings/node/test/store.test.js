'use strict';
const test = require('node:test');
const assert = require('node:assert');
const q = require('..');
const { koffi } = q;

class Boom extends Error {}

test('a JS exception in a store callback becomes QAWARD_EUSER and is re-thrown after the call', () => {
  const store = { begin() { throw new Boom('disk full'); }, commit() {} };
  const ad = new q.StoreAdapter(store);
  assert.throws(() => ad.run((table) => {
    const begin = koffi.decode(table.begin_fn, q.koffi.type('qaward_tx_fn'));
    const rc = begin(null);
    assert.strictEqual(rc, q.CODES.EUSER);
    return rc;
  }), Boom);
});

test('callbacks receive converted records', () => {
  const got = [];
  const ad = new q.StoreAdapter({ writeAward(r) { got.push(r); } });
  ad.run((table) => {
    const w = koffi.decode(table.write_award_fn, q.koffi.type('qaward_write_award_fn'));
    return w(null, { version: 1, subject_id: 'S1', level: 'award', kind: 'organization', cycle_id: '2025',
      award_date: 20250601, revoked_on: 0, prize_fen: 50000000, re_win: 0 });
  });
  assert.deepStrictEqual(got[0], { type: 'award', subjectId: 'S1', level: 'award', kind: 'organization', cycleId: '2025',
    awardDate: '2025-06-01', revokedOn: null, prizeFen: 50000000, reWin: false });
});

test('cycleFinalised answers through the out-parameter', () => {
  const ad = new q.StoreAdapter({ cycleFinalised: (id) => id === '2025' });
  ad.run((table) => {
    const f = koffi.decode(table.cycle_finalised_fn, q.koffi.type('qaward_finalised_fn'));
    const buf = Buffer.alloc(4);
    assert.strictEqual(f(null, '2025', buf), 0);
    assert.strictEqual(buf.readInt32LE(0), 1);
    assert.strictEqual(f(null, '2023', buf), 0);
    assert.strictEqual(buf.readInt32LE(0), 0);
  });
});
