'use strict';
const test = require('node:test');
const assert = require('node:assert');
const q = require('..');

test('version of the loaded library', () => {
  assert.strictEqual(q.version(), '0.1.0');
});

test('R1: 29 Feb maps to 28 Feb', () => {
  assert.strictEqual(q.dates.addYears('2024-02-29', 1), '2025-02-28');
});

test('R2: window half-open, day before/of/after', () => {
  assert.strictEqual(q.dates.inWindow('2020-03-14', '2020-03-15', 5), false);
  assert.strictEqual(q.dates.inWindow('2020-03-15', '2020-03-15', 5), true);
  assert.strictEqual(q.dates.inWindow('2025-03-14', '2020-03-15', 5), true);
  assert.strictEqual(q.dates.inWindow('2025-03-15', '2020-03-15', 5), false);
});

test('bad date text throws QAwardError with code and message', () => {
  assert.throws(() => q.dates.parse('2025-4-1'), (e) => e instanceof q.QAwardError && e.code === -3 && e.codeName === 'EPARSE' && /2025-4-1/.test(e.message));
});
