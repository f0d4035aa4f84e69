'use strict';
// The six eligibility conditions and the full Art. 10 set, encoded for the
// peer engines, plus a plain-JS reference (the oracle used to explain any
// disagreement). All read the same applicant documents (gen.js) and the same
// per-as-of context (cut-off dates precomputed with R1, see dates.js).
//
// Three-valued outcomes (R5): a condition is PASS, FAIL or UNKNOWN (a needed
// fact is missing). A verdict is ELIGIBLE (all pass), INELIGIBLE (any fail) or
// INCOMPLETE. For the cross-engine comparison "eligible" means ELIGIBLE; an
// UNKNOWN never counts as eligible in any engine.
const D = require('./dates.js');

const ACC_MAJOR = ['较大', '重大', '特别重大'];
const SAFETY_OK = ['三级', '二级', '一级']; // 三级 or better
const SCALES = {
  accident: ['一般', '较大', '重大', '特别重大'],
  complaint: ['一般', '重大'],
  credit: ['一般', '较大', '重大', '严重'],
  safety_standardization_level: ['三级', '二级', '一级'],
};

// Context per as-of date: cut-offs for every look-back/holding length used.
const ctxCache = new Map();
function context(asOf) {
  let c = ctxCache.get(asOf);
  if (!c) {
    const Y = Number(asOf.slice(0, 4));
    c = { as_of: asOf, cut1: D.cutoff(asOf, 1), cut3: D.cutoff(asOf, 3), cut: {}, y1: String(Y - 1), y2: String(Y - 2) };
    for (const n of [1, 2, 3, 5]) c.cut[n] = D.cutoff(asOf, n);
    ctxCache.set(asOf, c);
  }
  return c;
}

// ---------------------------------------------------------------------------
// Condition semantics shared by the reference and the json-rules-engine facts.
const PASS = 'pass', FAIL = 'fail', UNKNOWN = 'unknown';

function yearsSince(date, c, n) { // R3
  if (date == null) return UNKNOWN;
  return date <= c.cut[n] ? PASS : FAIL;
}
function validOn(cert, d) { return cert.valid_from <= d && (cert.valid_to == null || d <= cert.valid_to); }
function certHeld(certs, c, types, n) { // R3: held n years and valid on as_of
  if (certs == null) return UNKNOWN;
  for (const x of certs) if (types.includes(x.type) && x.valid_from <= c.cut[n] && validOn(x, c.as_of)) return PASS;
  return FAIL;
}
function certLevel(certs, c, type, okLevels) {
  if (certs == null) return UNKNOWN;
  for (const x of certs) if (x.type === type && okLevels.includes(x.level) && validOn(x, c.as_of)) return PASS;
  return FAIL;
}
function profitYears(np, c, n) { // R4: Y-1 .. Y-n, missing year = unknown
  let unknown = false;
  const Y = Number(c.as_of.slice(0, 4));
  for (let k = 1; k <= n; k++) {
    const v = np == null ? undefined : np[String(Y - k)];
    if (v == null) unknown = true; else if (!(v > 0)) return FAIL;
  }
  return unknown ? UNKNOWN : PASS;
}
// rules: [{kind, min_grade (index in the kind's scale) or -1, any_death}]; n = look-back years (0 = ever)
function noEvent(events, c, rules, n) { // R2, R18
  if (events == null) return UNKNOWN;
  for (const e of events) {
    if (e.date > c.as_of) continue;
    if (n > 0 && e.date <= c.cut[n]) continue;
    for (const r of rules) {
      if (r.kind !== e.kind) continue;
      if (r.any_death && e.deaths > 0) return FAIL;
      if (r.min_grade === undefined) { if (!r.any_death) return FAIL; continue; } // any record of the kind
      if (e.grade != null && SCALES[r.scale].indexOf(e.grade) >= SCALES[r.scale].indexOf(r.min_grade)) return FAIL;
    }
  }
  return PASS;
}
function combine(outcomes) {
  let unknown = false;
  for (const o of outcomes) { if (o === FAIL) return 'INELIGIBLE'; if (o === UNKNOWN) unknown = true; }
  return unknown ? 'INCOMPLETE' : 'ELIGIBLE';
}

const ACCIDENT_RULES_6 = ['quality_accident', 'environmental_accident', 'public_health_accident', 'food_safety_accident',
  'production_safety_accident'].map((kind) => ({ kind, scale: 'accident', min_grade: '较大', any_death: true }));
// Art. 10(6) as written: any death only for production-safety accidents (R18)
const ACCIDENT_RULES_ART10 = ACCIDENT_RULES_6.map((r) => ({ ...r, any_death: r.kind === 'production_safety_accident' }));

// ---------------------------------------------------------------------------
// Reference (plain JS): six conditions.
function reference6(app) {
  const s = app.subject, c = context(app.as_of);
  return combine([
    yearsSince(s.registration_date, c, 3),
    certHeld(s.certificates, c, ['iso9001'], 3),
    yearsSince(s.excellence_model_since, c, 1),
    profitYears(s.net_profit_fen, c, 2),
    noEvent(s.events, c, ACCIDENT_RULES_6, 3),
    certLevel(s.certificates, c, 'safety_standardization', SAFETY_OK),
  ]);
}

// ---------------------------------------------------------------------------
// @gorules/zen-engine: a JDM graph. An expression node derives the six checks
// from the raw facts with ZEN expressions; a decision table (hit policy
// "first") maps them to the verdict. Dates are compared with date(); a missing
// fact makes its check false, so UNKNOWN is "not eligible".
const ZEN_CHECKS = {
  registered: 's.registration_date != null and date(s.registration_date) <= date(c.cut3)',
  iso9001: 's.certificates != null and some(s.certificates, #.type == "iso9001" and date(#.valid_from) <= date(c.cut3) and date(#.valid_from) <= date(c.as_of) and (#.valid_to == null or date(c.as_of) <= date(#.valid_to)))',
  excellence: 's.excellence_model_since != null and date(s.excellence_model_since) <= date(c.cut1)',
  profitable: 's.net_profit_fen != null and s.net_profit_fen[c.y1] != null and s.net_profit_fen[c.y2] != null and s.net_profit_fen[c.y1] > 0 and s.net_profit_fen[c.y2] > 0',
  noAccident: 's.events != null and none(s.events, #.kind in ["quality_accident", "environmental_accident", "public_health_accident", "food_safety_accident", "production_safety_accident"] and (#.grade in ["较大", "重大", "特别重大"] or #.deaths > 0) and date(#.date) > date(c.cut3) and date(#.date) <= date(c.as_of))',
  safety: 's.certificates != null and some(s.certificates, #.type == "safety_standardization" and #.level in ["三级", "二级", "一级"] and date(#.valid_from) <= date(c.as_of) and (#.valid_to == null or date(c.as_of) <= date(#.valid_to)))',
};
function zenJdm6() {
  const keys = Object.keys(ZEN_CHECKS);
  const pos = { x: 0, y: 0 };
  return {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'in', type: 'inputNode', name: 'request', position: pos },
      { id: 'checks', type: 'expressionNode', name: 'checks', position: pos,
        content: { expressions: keys.map((k) => ({ id: 'x_' + k, key: 'chk.' + k, value: ZEN_CHECKS[k] })) } },
      { id: 'table', type: 'decisionTableNode', name: 'eligibility', position: pos,
        content: {
          hitPolicy: 'first',
          inputs: keys.map((k) => ({ id: 'i_' + k, name: k, field: 'chk.' + k })),
          outputs: [{ id: 'o_eligible', name: 'eligible', field: 'eligible' }],
          rules: [
            Object.assign({ _id: 'r_all', o_eligible: 'true' }, Object.fromEntries(keys.map((k) => ['i_' + k, 'true']))),
            Object.assign({ _id: 'r_else', o_eligible: 'false' }, Object.fromEntries(keys.map((k) => ['i_' + k, '']))),
          ],
        } },
      { id: 'out', type: 'outputNode', name: 'response', position: pos },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'checks', type: 'edge' },
      { id: 'e2', sourceId: 'checks', targetId: 'table', type: 'edge' },
      { id: 'e3', sourceId: 'table', targetId: 'out', type: 'edge' },
    ],
  };
}
// One ZEN expression for all six (the fastest zen path: evaluateExpressionSync).
const ZEN_EXPR6 = Object.values(ZEN_CHECKS).map((e) => '(' + e + ')').join(' and ');

// ---------------------------------------------------------------------------
// json-rules-engine: conditions over host-computed facts. The generic fact
// functions (years_since, certificate_held, certificate_level, profit_years,
// no_event) implement the condition types of libqaward's policy format; the
// rules carry the numbers (years, types, grades) as fact params, so the rule
// JSON is one-to-one with the policy's conditions. Each fact returns
// "pass" | "fail" | "unknown"; two rules give the three-valued verdict.
function jreFacts(engine) {
  const ctxOf = (al) => al.factValue('as_of').then(context);
  const ap = (name) => (al) => al.factValue(name).catch(() => undefined);
  engine.addFact('years_since', async (p, al) => yearsSince(await ap(p.fact)(al), await ctxOf(al), p.years));
  engine.addFact('certificate_held', async (p, al) => certHeld(await ap('certificates')(al), await ctxOf(al), p.types, p.years));
  engine.addFact('certificate_level', async (p, al) => {
    const sc = SCALES[p.scale];
    return certLevel(await ap('certificates')(al), await ctxOf(al), p.type, sc.slice(sc.indexOf(p.at_least)));
  });
  engine.addFact('profit_years', async (p, al) => profitYears(await ap('net_profit_fen')(al), await ctxOf(al), p.years));
  engine.addFact('no_event', async (p, al) => noEvent(await ap('events')(al), await ctxOf(al), p.events, p.years));
  engine.addFact('flag', async (p, al) => { const v = await ap(p.fact)(al); return v == null ? UNKNOWN : v ? PASS : FAIL; });
  engine.addFact('attestation', async (p, al) => {
    const a = await ap('attestations')(al);
    const v = a == null ? undefined : a[p.id];
    return v == null ? UNKNOWN : v ? PASS : FAIL;
  });
  engine.addFact('region', async (p, al) => {
    const v = await ap('region_code')(al);
    return v == null ? UNKNOWN : p.prefixes.some((x) => v.startsWith(x)) ? PASS : FAIL;
  });
}

const C6 = [
  { fact: 'years_since', params: { fact: 'registration_date', years: 3 } },
  { fact: 'certificate_held', params: { types: ['iso9001'], years: 3 } },
  { fact: 'years_since', params: { fact: 'excellence_model_since', years: 1 } },
  { fact: 'profit_years', params: { years: 2 } },
  { fact: 'no_event', params: { years: 3, events: ACCIDENT_RULES_6 } },
  { fact: 'certificate_level', params: { type: 'safety_standardization', scale: 'safety_standardization_level', at_least: '三级' } },
];

// Art. 10 (organisations), one-to-one with the built-in jian-2023 policy.
// `applies` = 'for_profit' / 'non_profit' (Art. 10(5)): the check is skipped
// (counts as pass) when the subject is of the other sort, unknown when
// for_profit is missing.
const CART10 = [
  { fact: 'region', params: { prefixes: ['3608'] } },                                   // Art. 2, 10(2)
  { fact: 'attestation', params: { id: 'supports_central_policies' } },                  // 10(1)
  { fact: 'flag', params: { fact: 'legal_person' } },                                    // 10(2)
  { fact: 'years_since', params: { fact: 'registration_date', years: 3 } },             // 10(2)
  { fact: 'attestation', params: { id: 'policy_compliance' } },                          // 10(3)
  { fact: 'certificate_held', params: { types: ['iso9001', 'iatf16949', 'iso14001', 'iso45001', 'iso22000', 'iso13485'], years: 3 } }, // 10(4)
  { fact: 'years_since', params: { fact: 'excellence_model_since', years: 1 } },        // 10(4)
  { fact: 'attestation', params: { id: 'notable_quality_benefits' } },                   // 10(4)
  { fact: 'attestation', params: { id: 'industry_leading' }, applies: 'for_profit' },    // 10(5)
  { fact: 'profit_years', params: { years: 2 }, applies: 'for_profit' },                 // 10(5), R4
  { fact: 'attestation', params: { id: 'social_contribution_leading' }, applies: 'non_profit' }, // 10(5)
  { fact: 'attestation', params: { id: 'good_reputation' } },                            // 10(6)
  { fact: 'no_event', params: { years: 3, events: ACCIDENT_RULES_ART10 } },             // 10(6), R18
  { fact: 'certificate_level', params: { type: 'safety_standardization', scale: 'safety_standardization_level', at_least: '三级' } }, // 10(6)
  { fact: 'no_event', params: { years: 3, events: [{ kind: 'quality_complaint', scale: 'complaint', min_grade: '重大' }] } },
  { fact: 'no_event', params: { years: 3, events: [{ kind: 'spot_check_failure' }] } },
  { fact: 'no_event', params: { years: 3, events: [{ kind: 'labour_credit', scale: 'credit', min_grade: '较大' }] } },
  { fact: 'no_event', params: { years: 3, events: [{ kind: 'tax_credit', scale: 'credit', min_grade: '重大' }, { kind: 'financial_credit', scale: 'credit', min_grade: '重大' }] } },
  { fact: 'no_event', params: { years: 3, events: [{ kind: 'violation' }] } },
];

function jreRules(conds) {
  const wrap = (cd, outcome) => {
    const base = { fact: cd.fact, params: cd.params, operator: 'equal', value: outcome };
    if (!cd.applies) return base;
    const other = cd.applies === 'for_profit' ? false : true;
    // pass-side: not applicable, or the check passes; fail-side: applicable and fails
    if (outcome === PASS) return { any: [{ fact: 'for_profit', operator: 'equal', value: other }, base] };
    return { all: [{ fact: 'for_profit', operator: 'equal', value: !other }, base] };
  };
  return [
    { name: 'eligible', priority: 2, conditions: { all: conds.map((cd) => wrap(cd, PASS)) }, event: { type: 'ELIGIBLE' } },
    { name: 'ineligible', priority: 1, conditions: { any: conds.map((cd) => wrap(cd, FAIL)) }, event: { type: 'INELIGIBLE' } },
  ];
}

function referenceArt10(app) {
  const s = app.subject, c = context(app.as_of);
  const fp = s.for_profit;
  const applies = (a, f) => (a == null ? f() : fp == null ? UNKNOWN : (a === 'for_profit') === fp ? f() : PASS);
  const att = (id) => { const v = s.attestations == null ? undefined : s.attestations[id]; return v == null ? UNKNOWN : v ? PASS : FAIL; };
  return combine(CART10.map((cd) => applies(cd.applies, () => {
    const p = cd.params;
    switch (cd.fact) {
      case 'region': return s.region_code == null ? UNKNOWN : p.prefixes.some((x) => s.region_code.startsWith(x)) ? PASS : FAIL;
      case 'attestation': return att(p.id);
      case 'flag': return s[p.fact] == null ? UNKNOWN : s[p.fact] ? PASS : FAIL;
      case 'years_since': return yearsSince(s[p.fact], c, p.years);
      case 'certificate_held': return certHeld(s.certificates, c, p.types, p.years);
      case 'certificate_level': { const sc = SCALES[p.scale]; return certLevel(s.certificates, c, p.type, sc.slice(sc.indexOf(p.at_least))); }
      case 'profit_years': return profitYears(s.net_profit_fen, c, p.years);
      case 'no_event': return noEvent(s.events, c, p.events, p.years);
    }
    throw new Error('unknown condition ' + cd.fact);
  })));
}

module.exports = { context, reference6, referenceArt10, zenJdm6, ZEN_EXPR6, jreFacts, jreRules, C6, CART10 };
