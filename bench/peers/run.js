#!/usr/bin/env node
'use strict';
// Peer benchmark: libqaward against @gorules/zen-engine and json-rules-engine
// on the same seeded applicants. See docs/benchmarks.md, "Peer benchmark".
//
//   node bench/peers/run.js [--n 100000] [--seed 20260101] [--agree-only]
//                           [--c-prog build/bench/peers_c] [--skip-slow]
//
// Part 1: the six conditions (six-conditions-policy.json) through every engine;
// Part 2: the full Art. 10 set (built-in jian-2023) through libqaward and a
// json-rules-engine encoding. Every path's answers are compared: "eligible"
// (ELIGIBLE, yes/no) across all engines, and the three-valued verdict
// (ELIGIBLE / INELIGIBLE / INCOMPLETE, R5) where the engine yields one
// (libqaward, json-rules-engine, the plain-JS reference). zen's JDM answers
// eligible yes/no; an UNKNOWN fact makes its check false, so UNKNOWN is never
// eligible anywhere. Exit status 1 on any disagreement.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { ZenEngine, evaluateExpressionSync } = require('@gorules/zen-engine');
const { Engine } = require('json-rules-engine');
const G = require('./gen.js');
const R = require('./rules.js');
const Q = require('./qaward.js');
// The project's Node binding (bindings/node) requires koffi; let it find the
// copy pinned here when bindings/node has no node_modules of its own.
process.env.NODE_PATH = [path.join(__dirname, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
require('module').Module._initPaths();
let B = null;
try {
  if (process.env.QAWARD_LIBRARY === undefined) process.env.QAWARD_LIBRARY = Q.libraryPath();
  B = require(path.join(__dirname, '..', '..', 'bindings', 'node'));
  if (typeof B.check !== 'function' || typeof B.checkBatch !== 'function') B = null;
} catch (e) {
  B = null; // binding absent or without eligibility: the koffi rows below still run
}

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const N = Number(opt('--n', '100000'));
const SEED = Number(opt('--seed', '20260101'));
const AGREE_ONLY = args.includes('--agree-only');
const SKIP_SLOW = args.includes('--skip-slow');
const ROOT = path.resolve(__dirname, '..', '..');
const STATUS = ['ELIGIBLE', 'INELIGIBLE', 'INCOMPLETE'];
const log = (...a) => { if (!AGREE_ONLY) console.log(...a); };

function cProgram() {
  const c = opt('--c-prog', process.env.QAWARD_PEERS_C);
  if (c) return c;
  for (const b of ['build', 'builddir', '_build']) {
    const p = path.join(ROOT, b, 'bench', 'peers_c');
    if (fs.existsSync(p)) return p;
  }
  return null;
}

const now = () => process.hrtime.bigint();
const secs = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const WARM = Math.min(2000, N);

// time a synchronous path: warm-up on the first WARM applicants, then all of them
function timeSync(fn) {
  fn(WARM);
  const t0 = now();
  const out = fn(N);
  return { out, rate: N / secs(t0) };
}
async function timeAsync(fn) {
  await fn(WARM);
  const t0 = now();
  const out = await fn(N);
  return { out, rate: N / secs(t0) };
}

function groupByAsOf(apps, n) {
  const g = new Map();
  for (let i = 0; i < n; i++) {
    const a = apps[i];
    let l = g.get(a.as_of);
    if (!l) g.set(a.as_of, (l = []));
    l.push(i);
  }
  return g;
}

const fmtRate = (r) => Math.round(r).toLocaleString('en-US').padStart(12);

async function main() {
  const apps = G.generate(N, SEED);
  const groups = groupByAsOf(apps, N);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qaward-peers-'));
  const jsonl = path.join(tmp, 'applicants.jsonl');
  fs.writeFileSync(jsonl, apps.map((a) => a.as_of + '\t' + JSON.stringify(a.subject) + '\n').join(''));
  const sixPolicyPath = path.join(__dirname, 'six-conditions-policy.json');
  const sixPolicyText = fs.readFileSync(sixPolicyPath, 'utf8');
  const q = Q.open();
  const failures = [];
  const summary = [];
  const cprog = cProgram();

  log(`peer benchmark: ${N.toLocaleString('en-US')} applicants, seed ${SEED}, node ${process.version}, ${os.cpus()[0].model}`);
  log(`libqaward: ${q.libPath}${cprog ? '; C program: ' + cprog : ' (C program not built: C rows skipped)'}`);

  // ---------------------------------------------------------------- references
  const ref6 = apps.map(R.reference6);
  const refA = apps.map(R.referenceArt10);
  const count = (v) => STATUS.map((s) => `${s.toLowerCase()} ${v.filter((x) => x === s).length}`).join(', ');
  log(`six conditions: ${count(ref6)}; Art. 10: ${count(refA)} (plain-JS reference)`);

  // compare a path's answers to the reference: three-valued when it has them, else eligible yes/no
  function agree(label, ref, answers, threeValued) {
    let bad = 0;
    const shown = [];
    for (let i = 0; i < N; i++) {
      const a = answers[i];
      const ok = threeValued ? STATUS[a] === ref[i] || a === ref[i] : (a === true || a === 'ELIGIBLE' || a === 0) === (ref[i] === 'ELIGIBLE');
      if (!ok) { bad++; if (shown.length < 3) shown.push(i); }
    }
    if (bad) {
      failures.push(`${label}: ${bad} disagreements`);
      console.error(`DISAGREE ${label}: ${bad} of ${N}`);
      for (const i of shown) console.error(`  #${i} reference ${ref[i]}, ${label} ${JSON.stringify(answers[i])}: ${JSON.stringify(apps[i])}`);
    }
    return bad;
  }

  // ---------------------------------------------------------------- part 1: six conditions
  const rows6 = [];
  const ze = new ZenEngine();
  const dec = ze.createDecision(R.zenJdm6());
  const zenInput = (a) => ({ c: R.context(a.as_of), s: a.subject });

  if (!SKIP_SLOW) {
    const r = await timeAsync(async (n) => {
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = (await dec.evaluate(zenInput(apps[i]))).result.eligible;
      return out;
    });
    agree('zen JDM evaluate (sequential)', ref6, r.out, false);
    rows6.push({ name: 'zen-engine JDM decision, evaluate() one at a time', rate: r.rate, peer: true });
  }
  {
    const r = await timeAsync(async (n) => {
      const out = new Array(n);
      for (let i = 0; i < n; i += 1000) {
        const k = Math.min(n, i + 1000);
        const res = await Promise.all(apps.slice(i, k).map((a) => dec.evaluate(zenInput(a))));
        for (let j = i; j < k; j++) out[j] = res[j - i].result.eligible;
      }
      return out;
    });
    agree('zen JDM evaluate (1000 in flight)', ref6, r.out, false);
    rows6.push({ name: 'zen-engine JDM decision, evaluate() 1000 in flight', rate: r.rate, peer: true });
  }
  {
    const r = timeSync((n) => {
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = evaluateExpressionSync(R.ZEN_EXPR6, zenInput(apps[i]));
      return out;
    });
    agree('zen expression (per applicant)', ref6, r.out, false);
    rows6.push({ name: 'zen-engine expression, evaluateExpressionSync() per applicant', rate: r.rate, peer: true });
  }
  {
    // one map() over all applicants of an as-of date; inside the closures `#` is the element
    const expr = 'map(apps, ' + R.ZEN_EXPR6.replace(/\bs\./g, '#.') + ')';
    const r = timeSync((n) => {
      const out = new Array(n);
      for (const [d, idx] of groupByAsOf(apps, n)) {
        const res = evaluateExpressionSync(expr, { c: R.context(d), apps: idx.map((i) => apps[i].subject) });
        idx.forEach((i, k) => { out[i] = res[k]; });
      }
      return out;
    });
    agree('zen expression batch', ref6, r.out, false);
    rows6.push({ name: 'zen-engine expression, one map() per as-of date (batch)', rate: r.rate, peer: true });
  }
  ze.dispose();

  function jreEngine(conds) {
    const en = new Engine([], { allowUndefinedFacts: true });
    R.jreFacts(en);
    for (const rule of R.jreRules(conds)) en.addRule(rule);
    return en;
  }
  const jreVerdict = (out) => (out.events.length ? out.events[0].type : 'INCOMPLETE');
  const jreFacts = (a) => Object.assign({ as_of: a.as_of }, a.subject);
  async function timeJre(en) {
    return timeAsync(async (n) => {
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = jreVerdict(await en.run(jreFacts(apps[i])));
      return out;
    });
  }
  const jre6 = jreEngine(R.C6);
  {
    const r = await timeJre(jre6);
    agree('json-rules-engine', ref6, r.out, true);
    rows6.push({ name: 'json-rules-engine, run() per applicant', rate: r.rate, peer: true });
  }

  const six = q.policy(sixPolicyText);
  function qawardRows(pol, ref, rows, tag, policySource) {
    if (B) {
      const bp = new B.Policy(policySource);
      {
        const r = timeSync((n) => {
          const out = new Array(n);
          for (const [d, idx] of groupByAsOf(apps, n)) {
            const res = B.checkBatch(bp, idx.map((i) => apps[i].subject), d);
            idx.forEach((i, k) => { out[i] = STATUS.indexOf(res[k].status.toUpperCase()); });
          }
          return out;
        });
        agree(`Node binding checkBatch (${tag})`, ref, r.out, true);
        rows.push({ name: 'libqaward Node binding: checkBatch() per as-of date (JSON in/out)', rate: r.rate, node: true });
      }
      if (typeof B.SubjectList === 'function' && typeof B.SubjectList.prototype.bind === 'function') {
        // SubjectList per as-of date loaded once (one JSON conversion), then Checker.statuses():
        // one foreign call per date, unbound and bound once (qaward_subject_list_bind)
        const ch = new B.Checker(bp);
        const lists = (n) => {
          const t0 = now();
          const ls = [...groupByAsOf(apps, n)].map(([d, idx]) => ({ d, idx, l: new B.SubjectList(idx.map((i) => apps[i].subject)) }));
          const tLoad = secs(t0);
          const t1 = now();
          for (const x of ls) x.l.bind(bp);
          return { ls, tLoad, tBind: secs(t1) };
        };
        const statuses = (ls, out) => {
          for (const { d, idx, l } of ls) {
            const res = ch.statuses(l, d);
            idx.forEach((i, k) => { out[i] = res[k]; });
          }
          return out;
        };
        const warm = lists(WARM);
        statuses(warm.ls, new Array(WARM));
        for (const x of warm.ls) x.l.close();
        const all = lists(N);
        let t0 = now();
        const outBound = statuses(all.ls, new Array(N));
        const tBound = secs(t0);
        agree(`Node binding bound SubjectList statuses (${tag})`, ref, outBound, true);
        const plain = [...groupByAsOf(apps, N)].map(([d, idx]) => ({ d, idx, l: new B.SubjectList(idx.map((i) => apps[i].subject)) }));
        statuses(plain, new Array(N));
        t0 = now();
        const outPlain = statuses(plain, new Array(N));
        const tPlain = secs(t0);
        agree(`Node binding SubjectList statuses (${tag})`, ref, outPlain, true);
        rows.push({ name: 'libqaward Node binding, bound SubjectList, statuses() per as-of date', rate: N / tBound, node: true, loaded: true });
        rows.push({ name: 'libqaward Node binding, SubjectList (unbound), statuses() per as-of date', rate: N / tPlain, node: true, loaded: true });
        rows.push({ name: 'libqaward Node binding, same bound incl. SubjectList load and bind()', rate: N / (all.tLoad + all.tBind + tBound), node: true });
        for (const x of all.ls) x.l.close();
        for (const x of plain) x.l.close();
        ch.close();
      }
      if (!SKIP_SLOW) {
        const r = timeSync((n) => {
          const out = new Array(n);
          for (let i = 0; i < n; i++) out[i] = STATUS.indexOf(B.check(bp, apps[i].subject, apps[i].as_of).status.toUpperCase());
          return out;
        });
        agree(`Node binding check (${tag})`, ref, r.out, true);
        rows.push({ name: 'libqaward Node binding: check() per applicant (full verdict, all reasons)', rate: r.rate, node: true });
      }
      bp.close();
    }
    {
      // loaded subjects: conversion once per as-of date, then one check call per applicant
      const lists = [];
      let tLoad = 0, tCheck = 0;
      const run = (n) => {
        const out = new Array(n);
        for (const [d, idx] of groupByAsOf(apps, n)) {
          const t0 = now();
          const l = pol.load(idx.map((i) => apps[i].subject));
          const t1 = now();
          pol.checkLoaded(l, d, out, idx);
          const t2 = now();
          tLoad += Number(t1 - t0) / 1e9; tCheck += Number(t2 - t1) / 1e9;
          lists.push(l);
        }
        return out;
      };
      run(WARM);
      tLoad = 0; tCheck = 0;
      const out = run(N);
      for (const l of lists) l.free();
      agree(`libqaward Node loaded (${tag})`, ref, out, true);
      rows.push({ name: 'libqaward via Node, loaded subjects: qaward_checker_fast() per applicant', rate: N / tCheck, node: true, loaded: true });
      rows.push({ name: 'libqaward via Node, same incl. loading (qaward_subject_list_load_json)', rate: N / (tLoad + tCheck), node: true });
    }
    {
      const r = timeSync((n) => {
        const out = new Array(n);
        for (const [d, idx] of groupByAsOf(apps, n)) {
          const res = pol.checkBatch(idx.map((i) => apps[i].subject), d);
          idx.forEach((i, k) => { out[i] = res[k]; });
        }
        return out;
      });
      agree(`libqaward Node batch (${tag})`, ref, r.out, true);
      rows.push({ name: 'libqaward via Node, qaward_check_batch_json() per as-of date', rate: r.rate, node: true });
    }
    {
      const r = timeSync((n) => {
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = pol.checkDoc(apps[i].subject, apps[i].as_of);
        return out;
      });
      agree(`libqaward Node per call (${tag})`, ref, r.out, true);
      rows.push({ name: 'libqaward via Node, per call (subject JSON load + qaward_checker_fast)', rate: r.rate, node: true });
    }
    {
      const r = timeSync((n) => {
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = pol.checkDocFull(apps[i].subject, apps[i].as_of);
        return out;
      });
      agree(`libqaward Node qaward_check (${tag})`, ref, r.out, true);
      rows.push({ name: 'libqaward via Node, per call (subject JSON load + qaward_check verdict)', rate: r.rate, node: true });
    }
  }
  qawardRows(six, ref6, rows6, 'six', sixPolicyText);

  function cRows(policyArg, ref, rows, tag) {
    if (!cprog) return;
    const st = path.join(tmp, `statuses-${tag}.txt`);
    const fig = JSON.parse(execFileSync(cprog, [policyArg, jsonl, '--statuses', st], { encoding: 'utf8' }));
    const codes = fs.readFileSync(st, 'utf8').split('').map(Number);
    agree(`libqaward C (${tag})`, ref, codes, true);
    if (fig.internal_disagreements) failures.push(`C ${tag}: qaward_check, checker_fast and batch disagree on ${fig.internal_disagreements}`);
    rows.push({ name: 'libqaward C API, qaward_check() per applicant (subjects preloaded)', rate: fig.check_per_s, c: true });
    rows.push({ name: 'libqaward C API, qaward_checker_fast() per applicant', rate: fig.fast_per_s, c: true });
    rows.push({ name: 'libqaward C API, qaward_check_batch_json() per as-of date', rate: fig.batch_json_per_s, c: true });
    rows.push({ name: 'libqaward C API, qaward_subject_load_json() (parsing only)', rate: fig.load_per_s, c: true, info: true });
  }
  cRows(sixPolicyPath, ref6, rows6, 'six');

  function table(title, rows) {
    const peers = rows.filter((r) => r.peer);
    const best = peers.length ? peers.reduce((a, b) => (a.rate > b.rate ? a : b)) : null;
    log('');
    log(title);
    log('  ' + 'path'.padEnd(78) + 'applicants/s'.padStart(12) + '  vs fastest peer');
    for (const r of rows) {
      log('  ' + r.name.padEnd(78) + fmtRate(r.rate) + (best ? ('  ' + (r.rate / best.rate).toFixed(1) + '×').padStart(10) : ''));
    }
    if (best) {
      const top = (l) => l.reduce((a, b) => (a.rate > b.rate ? a : b));
      const nodeBest = top(rows.filter((r) => r.node));
      const nodeConv = top(rows.filter((r) => r.node && !r.loaded));
      const ratio = nodeBest.rate / best.rate;
      log(`  fastest peer: ${best.name} (${Math.round(best.rate)}/s)`);
      log(`  libqaward through Node, best path (applicants loaded into the library once) / fastest peer = ${ratio.toFixed(1)}× (goal ≥ 10×: ${ratio >= 10 ? 'met' : 'NOT met'}) [${nodeBest.name}]`);
      log(`  libqaward through Node, best path converting each applicant's JSON / fastest peer = ${(nodeConv.rate / best.rate).toFixed(1)}× (goal ≥ 10×: ${nodeConv.rate / best.rate >= 10 ? 'met' : 'NOT met'}) [${nodeConv.name}]`);
      summary.push({ title, fastest_peer: best.name, fastest_peer_rate: Math.round(best.rate), node_best: nodeBest.name,
        node_best_rate: Math.round(nodeBest.rate), ratio: +ratio.toFixed(1), node_with_conversion_ratio: +(nodeConv.rate / best.rate).toFixed(1) });
    }
  }
  table('Part 1 — six conditions (eligible yes/no compared across all paths; three-valued where available)', rows6);

  // ---------------------------------------------------------------- part 2: full Art. 10
  const rowsA = [];
  const jreA = jreEngine(R.CART10);
  {
    const r = await timeJre(jreA);
    agree('json-rules-engine Art. 10', refA, r.out, true);
    rowsA.push({ name: 'json-rules-engine, run() per applicant (Art. 10 encoding)', rate: r.rate, peer: true });
  }
  const jian = q.policy('jian-2023');
  qawardRows(jian, refA, rowsA, 'jian-2023', 'jian-2023');
  cRows('jian-2023', refA, rowsA, 'jian-2023');
  table('Part 2 — full Art. 10 (built-in jian-2023 vs json-rules-engine encoding; three-valued verdicts compared)', rowsA);

  six.close();
  jian.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  if (failures.length) {
    console.error('FAILED: engines disagree:\n  ' + failures.join('\n  '));
    process.exit(1);
  }
  console.log(`all engines agree on ${N} applicants (six conditions and Art. 10)`);
}

main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(2); });
