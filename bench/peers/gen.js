'use strict';
// Deterministic applicant generator. Every engine reads the same documents:
// each applicant is { as_of, subject } where subject is in libqaward's subject
// JSON format (docs/subject.md): dates "YYYY-MM-DD", money in integer fen.
// The mix: about half eligible under the six conditions, single and multiple
// failures, boundary dates (cut-off day, day after, 29 Feb), and missing facts
// (absent date, absent certificate or event list, a missing profit year),
// which libqaward reports as UNKNOWN (R5).
const D = require('./dates.js');

// mulberry32: small, fast, deterministic 32-bit PRNG
function prng(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// As-of dates: leap days, 28 Feb of non-leap years after a leap year, year ends.
const AS_OF = ['2024-02-29', '2024-06-30', '2025-02-28', '2025-03-01', '2025-09-15',
  '2026-02-28', '2026-12-31', '2027-02-28', '2027-03-01', '2028-02-29'];

const ACCIDENTS = ['quality_accident', 'environmental_accident', 'public_health_accident',
  'food_safety_accident', 'production_safety_accident'];
const ACC_GRADES = ['一般', '较大', '重大', '特别重大'];
const SAFETY_LEVELS = ['三级', '二级', '一级'];
const OTHER_ISO = ['iatf16949', 'iso14001', 'iso45001', 'iso22000', 'iso13485'];
const ATTESTATIONS = ['supports_central_policies', 'policy_compliance', 'notable_quality_benefits',
  'industry_leading', 'social_contribution_leading', 'good_reputation'];

function generate(n, seed) {
  const r = prng(seed);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)); // inclusive
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const asOf = pick(AS_OF);
    const Y = Number(asOf.slice(0, 4));
    const cut1 = D.cutoff(asOf, 1), cut3 = D.cutoff(asOf, 3);
    // a date that passes ("on or before cut") or fails ("after cut"), with boundaries
    const startDate = (cut, pass) => {
      const b = r();
      if (pass) return b < 0.05 ? cut : D.addDays(cut, -int(1, 6000));
      return b < 0.15 ? D.addDays(cut, 1) : D.addDays(cut, int(2, 900));
    };
    const s = { id: 'A' + String(i + 1).padStart(6, '0'), kind: 'organization' };

    // Art. 2 / 10(2) region, legal person (full Art. 10 set only)
    const rg = r();
    if (rg < 0.95) s.region_code = '3608' + String(int(2, 30)).padStart(2, '0');
    else if (rg < 0.98) s.region_code = '3601' + String(int(2, 30)).padStart(2, '0');
    const lp = r();
    if (lp < 0.975) s.legal_person = true; else if (lp < 0.99) s.legal_person = false;
    s.for_profit = r() < 0.92;

    // 1. registered >= 3 years (R3)
    const reg = r();
    if (reg < 0.015) { /* missing -> UNKNOWN */ }
    else if (reg < 0.035 && D.isLeap(Number(cut3.slice(0, 4)) ) && cut3.slice(5) >= '02-28') {
      s.registration_date = cut3.slice(0, 4) + '-02-29'; // 29 Feb start (R1)
    } else s.registration_date = startDate(cut3, r() < 0.9);

    // 4. excellence model >= 1 year
    const ex = r();
    if (ex >= 0.015) s.excellence_model_since = startDate(cut1, r() < 0.92);

    // certificates: ISO 9001 held >= 3 years and valid on as_of; safety standardisation
    if (r() >= 0.012) {
      const certs = [];
      const iso = r();
      if (iso < 0.93) {
        const held = r() < 0.92;
        const c = { type: 'iso9001', valid_from: startDate(cut3, held) };
        const v = r();
        if (v < 0.1) { /* open-ended */ }
        else if (v < 0.14) c.valid_to = D.addDays(asOf, -int(1, 400)); // expired
        else if (v < 0.17) c.valid_to = asOf;                           // last valid day
        else c.valid_to = D.addDays(asOf, int(1, 1500));
        if (c.valid_to !== undefined && c.valid_to < c.valid_from) c.valid_to = c.valid_from; // a certificate ends after it starts
        certs.push(c);
      } else if (iso < 0.97) {
        // another international system only: fails the six conditions, passes Art. 10(4)
        certs.push({ type: pick(OTHER_ISO), valid_from: startDate(cut3, true), valid_to: D.addDays(asOf, int(0, 900)) });
      }
      const sf = r();
      if (sf < 0.95) {
        const c = { type: 'safety_standardization', level: pick(SAFETY_LEVELS), valid_from: D.addDays(asOf, -int(0, 2000)) };
        const v = r();
        if (v < 0.04) { c.valid_to = D.addDays(asOf, -int(1, 300)); c.valid_from = D.addDays(c.valid_to, -int(30, 1500)); }
        else if (v < 0.06) c.valid_to = asOf;
        else if (v < 0.07) { c.valid_from = D.addDays(asOf, int(1, 60)); c.valid_to = D.addDays(asOf, 1000); } // not yet valid
        else c.valid_to = D.addDays(asOf, int(1, 1200));
        certs.push(c);
      }
      s.certificates = certs;
    }

    // 5. profitable in Y-1 and Y-2 (R4); Y-3 and the current year are irrelevant
    const np = {};
    const pr = r();
    for (const y of [Y - 3, Y - 2, Y - 1]) np[String(y)] = int(1, 500000000000);
    if (r() < 0.3) np[String(Y)] = int(-100000000, 100000000);
    if (r() < 0.3) np[String(Y - 3)] = -int(0, 100000000);
    if (pr < 0.02) delete np[String(pick([Y - 1, Y - 2]))];        // missing -> UNKNOWN
    else if (pr < 0.06) np[String(pick([Y - 1, Y - 2]))] = -int(1, 900000000);
    else if (pr < 0.07) np[String(pick([Y - 1, Y - 2]))] = 0;      // break-even is not a profit
    s.net_profit_fen = np;

    // 6. events: accidents (R18) and the other Art. 10(6) records
    if (r() >= 0.012) {
      const ev = [];
      const k = int(0, 3);
      for (let j = 0; j < k; j++) {
        // harmless: a 一般 accident without deaths in the window, or a major one outside it
        const h = r();
        if (h < 0.6) ev.push({ kind: pick(ACCIDENTS), grade: '一般', deaths: 0, date: D.addDays(asOf, -int(0, 1500)) });
        else if (h < 0.9) ev.push({ kind: pick(ACCIDENTS), grade: pick(ACC_GRADES.slice(1)), deaths: int(0, 2), date: r() < 0.2 ? cut3 : D.addDays(cut3, -int(1, 800)) });
        else ev.push({ kind: pick(ACCIDENTS), grade: pick(ACC_GRADES), deaths: int(0, 1), date: D.addDays(asOf, int(1, 200)) }); // after as_of
      }
      const bad = r();
      if (bad < 0.085) {
        const when = r() < 0.1 ? D.addDays(cut3, 1) : (r() < 0.1 ? asOf : D.addDays(asOf, -int(0, D.toDays(asOf) - D.toDays(cut3) - 1)));
        if (r() < 0.6) ev.push({ kind: pick(ACCIDENTS), grade: pick(ACC_GRADES.slice(1)), deaths: int(0, 3), date: when });
        else ev.push({ kind: pick(ACCIDENTS), grade: '一般', deaths: int(1, 2), date: when }); // any death
      }
      // other Art. 10(6) records: only the full Art. 10 set reads them
      if (r() < 0.08) {
        const kinds = [['quality_complaint', ['一般', '重大']], ['spot_check_failure', null],
          ['labour_credit', ['一般', '较大', '重大', '严重']], ['tax_credit', ['一般', '较大', '重大', '严重']],
          ['financial_credit', ['一般', '较大', '重大', '严重']], ['violation', null]];
        const [kind, grades] = pick(kinds);
        const e = { kind, deaths: 0, date: r() < 0.5 ? D.addDays(asOf, -int(0, 1000)) : D.addDays(cut3, -int(0, 500)) };
        if (grades) e.grade = pick(grades);
        ev.push(e);
      }
      // shuffle so a disqualifying event is not always last
      for (let j = ev.length - 1; j > 0; j--) { const t = int(0, j); [ev[j], ev[t]] = [ev[t], ev[j]]; }
      s.events = ev;
    }

    // attestations (R6), full Art. 10 set only
    const at = {};
    for (const a of ATTESTATIONS) {
      const x = r();
      if (x < 0.99) at[a] = true; else if (x < 0.995) at[a] = false; // else missing -> UNKNOWN
    }
    s.attestations = at;
    out[i] = { as_of: asOf, subject: s };
  }
  return out;
}

module.exports = { generate, prng, AS_OF, ACCIDENTS };
