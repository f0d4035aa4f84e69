'use strict';
// Civil-date arithmetic for the peer engines, the same rules libqaward uses
// (DESIGN R1-R3). Dates are "YYYY-MM-DD" strings; nothing reads a clock or a
// time zone.
//
// R1: "N years after D" is the same month/day N years later; 29 Feb maps to
//     28 Feb in a non-leap year.
// R2: an event on e lies within the last N years as of A when e <= A < e + N years.
// R3: "N years or more since S" holds when S + N years <= A.
//
// The peers do not implement R1 inside their rule languages (neither has it);
// instead, for every as-of date A, run.js precomputes the cut-off
//   cut(A, N) = the latest date S with S + N years <= A.
// Because S -> S + N years is non-decreasing, R3 becomes `S <= cut(A, N)` and
// R2 becomes `cut(A, N) < e <= A`. cut(A, N) is A - N years (same month/day,
// 29 Feb -> 28 Feb) except when A is 28 Feb of a non-leap year and A - N is a
// leap year: then 29 Feb of that year also maps onto A, so cut = 29 Feb.

function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
function dim(y, m) { return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }
function parse(s) { return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))]; }
function fmt(y, m, d) {
  return String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0');
}
// days since 1970-01-01 (H. Hinnant's algorithm), integer only
function toDays(s) {
  let [y, m, d] = parse(s);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function fromDays(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  let y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  if (m <= 2) y += 1;
  return fmt(y, m, d);
}
function addDays(s, n) { return fromDays(toDays(s) + n); }
// R1
function addYears(s, n) {
  const [y, m, d] = parse(s);
  const ny = y + n;
  return fmt(ny, m, Math.min(d, dim(ny, m)));
}
// latest S with addYears(S, n) <= a
function cutoff(a, n) {
  let c = addYears(a, -n);
  for (;;) {
    const next = addDays(c, 1);
    if (addYears(next, n) <= a) c = next; else break;
  }
  return c;
}
module.exports = { isLeap, toDays, fromDays, addDays, addYears, cutoff };
