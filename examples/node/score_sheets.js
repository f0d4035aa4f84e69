'use strict';
// Scoring sheets (Art. 13) from Node: sheets -> scores -> composites (R14).
//   node score_sheets.js SHEETS.json [REVIEW_RULES_NAME]
const fs = require('fs');
const q = require('../../bindings/node');

function main(argv) {
  if (argv.length < 1) { console.error('usage: score_sheets.js SHEETS.json [RULES]'); return 2; }
  const scheme = new q.Scheme('gbt19580-2012');
  const rules = new q.ReviewRules(argv[1] || 'jian-2025-example');
  const sheets = new q.Sheets(scheme, fs.readFileSync(argv[0], 'utf8'));
  const scores = sheets.compute(rules);
  const comps = new q.Composites(rules, [scores]).toJSON();
  for (const c of comps.applicants || comps.composites || []) {
    console.log(`${c.applicant || c.id}\t${c.kind}\t${c.status}\t${c.composite}`);
  }
  if (!(comps.applicants || comps.composites)) console.log(JSON.stringify(comps, null, 1));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`error ${e.code}: ${e.message}`);
  process.exitCode = 1;
}
