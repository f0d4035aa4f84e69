#!/usr/bin/env node
'use strict';
// Node binding throughput (not a test): batched checks per second and per-call overhead.
//
//   QAWARD_LIBRARY=build/lib/libqaward.so node bench/bench_node.js [N]
//
// Prints: checkBatch() (JSON in/out, one library call); SubjectList conversion (once per
// batch) and Checker.statuses() over it (one foreign call per batch, qaward_checker_fast_list),
// unbound and on a list bound once with SubjectList.bind (qaward_subject_list_bind), best of 3;
// statuses() at several batch sizes (per-call overhead); one koffi call per subject
// (qaward_checker_fast); check() per subject (full verdict object); a bare koffi round trip.
const q = require('../bindings/node');

function org(i) {
  const y = 2012 + (i % 12);
  const pad = (n) => String(n).padStart(2, '0');
  return {
    id: `ORG-${String(i).padStart(7, '0')}`, kind: 'organization', region_code: '360802',
    legal_person: true, for_profit: i % 7 !== 0,
    registration_date: `${y}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`,
    excellence_model_since: '2021-06-01',
    certificates: [{ type: 'iso9001', valid_from: `${2016 + (i % 9)}-01-01`, valid_to: '2028-12-31' },
      { type: 'safety_standardization', level: '二级', valid_from: '2022-01-01', valid_to: '2027-12-31' }],
    net_profit_fen: { 2023: 100000 * ((i % 5) - 1), 2024: 900000 },
    events: [],
    attestations: { supports_central_policies: true, policy_compliance: true, notable_quality_benefits: true,
      industry_leading: true, good_reputation: i % 11 !== 0 },
  };
}
const now = () => Number(process.hrtime.bigint()) / 1e9;
/** The shortest of k timed runs of fn() (seconds). */
function bestOf(k, fn) {
  let best = Infinity;
  for (let i = 0; i < k; i++) {
    const t0 = now();
    fn();
    best = Math.min(best, now() - t0);
  }
  return best;
}
function rate(n, s) {
  return `${Math.round(n / s).toLocaleString('en').padStart(12)}/s  (${(s / n * 1e6).toFixed(3).padStart(8)} us each)`;
}

const n = Number(process.argv[2] || 200000);
const asOf = '2025-04-01';
const policy = new q.Policy('jian-2023');
const subjects = Array.from({ length: n }, (_, i) => org(i));
const doc = JSON.stringify({ subjects });
console.log(`libqaward ${q.version()} at ${q.libraryPath}; node ${process.version}; N = ${n.toLocaleString('en')}`);

q.checkBatch(policy, subjects.slice(0, 100), asOf);
let t = now();
const res = q.checkBatch(policy, doc, asOf);
t = now() - t;
console.log(`batched checkBatch (JSON once per batch):  ${rate(n, t)}   ${res.length} verdicts`);

t = now();
const list = new q.SubjectList(doc);
const tLoad = now() - t;
console.log(`batch conversion: SubjectList (JSON once): ${rate(n, tLoad)}`);
const ch = new q.Checker(policy);
ch.statuses(list, asOf);
t = bestOf(3, () => ch.statuses(list, asOf));
const st = ch.statuses(list, asOf);
const counts = {};
for (const s of st) counts[q.STATUS[s]] = (counts[q.STATUS[s]] || 0) + 1;
console.log(`batched Checker.statuses (loaded batch):   ${rate(n, t)}   <- checks/s batched ${JSON.stringify(counts)}`);
console.log(`  incl. one conversion per batch:           ${rate(n, t + tLoad)}`);
{
  // the same subjects in a second list bound to the policy (qaward_subject_list_bind)
  const bound = new q.SubjectList(doc);
  const tBind = bestOf(1, () => bound.bind(policy));
  console.log(`bind: SubjectList.bind (once per policy):  ${rate(n, tBind)}`);
  ch.statuses(bound, asOf);
  const tb = bestOf(3, () => ch.statuses(bound, asOf));
  const sb = ch.statuses(bound, asOf);
  if (sb.some((x, i) => x !== st[i])) throw new Error('bound statuses differ from unbound ones');
  console.log(`batched Checker.statuses (bound list):     ${rate(n, tb)}   <- checks/s batched, bound`);
  console.log(`  incl. conversion and bind per batch:      ${rate(n, tb + tLoad + tBind)}`);
  bound.close();
}
for (const size of [1, 10, 100, 1000]) {
  const part = new q.SubjectList(subjects.slice(0, size));
  const reps = Math.max(1, Math.floor(20000 / size));
  t = now();
  for (let r = 0; r < reps; r++) ch.statuses(part, asOf);
  t = now() - t;
  console.log(`  statuses() batch of ${String(size).padStart(5)}: ${(t / reps * 1e6).toFixed(2).padStart(9)} us per call, ${rate(size * reps, t)}`);
  part.close();
}

const m = Math.min(n, 20000);
const subs = subjects.slice(0, m).map((s) => new q.Subject(s));
const stOut = [0]; const earOut = [0];
t = now();
for (const s of subs) q.C.qaward_checker_fast(stOut, earOut, null, null, 0, null, ch.handle, s.handle, 20250401);
t = now() - t;
console.log(`one koffi call per subject (checker_fast): ${rate(m, t)}   (the per-call overhead path)`);
const k = Math.min(m, 2000);
t = now();
for (let i = 0; i < k; i++) q.check(policy, subjects[i], asOf);
t = now() - t;
console.log(`per call check() (object -> full verdict): ${rate(k, t)}`);
const f = q.C.qaward_date_valid;
const reps = 1000000;
t = now();
for (let i = 0; i < reps; i++) f(20250401);
t = now() - t;
console.log(`bare koffi round trip (qaward_date_valid): ${rate(reps, t)}`);
for (const s of subs) s.close();
ch.close(); list.close(); policy.close();
