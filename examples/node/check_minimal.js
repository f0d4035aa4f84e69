'use strict';
// The smallest eligibility check from Node (twin of examples/c/check_minimal.c).
const q = require('../../bindings/node');

const org = {
  id: 'ORG-MIN', kind: 'organization', region_code: '360802', legal_person: true, for_profit: true,
  registration_date: '2015-03-01', excellence_model_since: '2021-06-01',
  certificates: [
    { type: 'iso9001', valid_from: '2019-01-01', valid_to: '2027-12-31' },
    { type: 'safety_standardization', level: '二级', valid_from: '2022-01-01', valid_to: '2027-12-31' },
  ],
  net_profit_fen: { 2023: 1200000000, 2024: 900000000 }, events: [],
  attestations: { supports_central_policies: true, policy_compliance: true, notable_quality_benefits: true, industry_leading: true },
};

const v = q.check(new q.Policy('jian-2023'), org, '2025-04-01');
for (const r of v.reasons) console.log(`${r.outcome.padEnd(14)} ${r.citation.en.padEnd(22)} ${r.message.en}`);
console.log('status:', v.status);
// good_reputation is not attested: unknown -> incomplete (R5, R6)
process.exitCode = v.status === 'incomplete' ? 0 : 1;
