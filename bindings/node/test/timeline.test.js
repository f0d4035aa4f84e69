'use strict';
// The stateful procedure timeline (R15; Art. 13, 14; R19), Checker with a JS store, Cycle.applyVerdict.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const q = require('..');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ORG = '吉安示例电子科技有限公司';
const SECRET = '高频覆铜板压合工艺参数';

function timeline() {
  const t = new q.Timeline();
  t.addApplicant('O', ORG, 'organization', '2025-08-25',
    { fields: { county: '吉州区', key_process: SECRET }, tradeSecrets: ['key_process'] });
  t.addApplicant('I', '张示例', 'individual', '2025-08-25', { fields: { county: '青原区' } });
  return t;
}
function toMaterialReview(t) {
  t.addNotice('internal', '2025-08-25', '2025-08-29', ['O', 'I']);
  t.advance('O', 'recommended', '2025-09-01').advance('I', 'recommended', '2025-09-01');
  t.addNotice('county', '2025-09-02', '2025-09-08', ['O', 'I']);
  t.advance('O', 'qualification', '2025-09-09').advance('I', 'qualification', '2025-09-09');
  t.setQualification('O', 'passed').setQualification('I', true);
  t.addNotice('acceptance', '2025-09-26', '2025-10-09', ['O', 'I']);
  t.advance('O', 'material_review', '2025-10-10').advance('I', 'material_review', '2025-10-10');
}
const estate = (re) => (e) => e instanceof q.QAwardError && e.codeName === 'ESTATE' && e.code === -9 && re.test(e.message);

test('R15 legal run records each stage with its date', () => {
  const t = timeline();
  toMaterialReview(t);
  assert.strictEqual(t.stage('O'), 'material_review');
  const hist = t.toJSON().applicants.find((a) => a.id === 'I').history;
  assert.deepStrictEqual(hist.map((h) => h.stage), ['declared', 'recommended', 'qualification', 'material_review']);
  assert.strictEqual(hist[3].date, '2025-10-10');
  assert.strictEqual(t.stage('nobody'), null);
  t.close();
});

test('R15 illegal transitions throw ESTATE naming the missing precondition, changing nothing', () => {
  const t = timeline();
  assert.throws(() => t.advance('O', 'recommended', '2025-09-01'), estate(/internal/));
  assert.strictEqual(t.stage('O'), 'declared');
  t.addNotice('internal', '2025-08-25', '2025-08-28', ['O']); // 4 working days
  assert.throws(() => t.advance('O', 'recommended', '2025-09-01'), estate(/4 working days/));
  t.addNotice('internal', '2025-08-25', '2025-08-29', ['O', 'I']);
  t.advance('O', 'recommended', '2025-09-01');
  t.addNotice('county', '2025-09-02', '2025-09-08', ['O']);
  t.advance('O', 'qualification', '2025-09-09');
  t.addNotice('acceptance', '2025-09-26', '2025-10-09', ['O']);
  assert.throws(() => t.advance('O', 'material_review', '2025-10-10'), estate(/qualification/));
});

test('Art. 13(5) defence needs scores and is for organisations only', () => {
  const t = timeline();
  toMaterialReview(t);
  t.addNotice('candidates', '2025-10-20', '2025-10-24', ['O', 'I']);
  assert.throws(() => t.advance('O', 'defence', '2025-10-27'), estate(/score/));
  t.setScore('O', 'material_review', 81235).advance('O', 'defence', '2025-10-27');
  t.setScore('I', 'material_review', 8800);
  assert.throws(() => t.advance('I', 'defence', '2025-10-27'), estate(/./));
  assert.throws(() => t.setScore('I', 'material_review', 88.5), TypeError);
});

test('Art. 14 objections block, then dismissed or upheld', () => {
  const t = timeline();
  t.addNotice('internal', '2025-08-25', '2025-08-29', ['O', 'I']);
  t.openObjection('OB1', 'O', '2025-08-27', 'internal');
  assert.strictEqual(t.openObjections('O'), 1);
  assert.throws(() => t.advance('O', 'recommended', '2025-09-01'), estate(/objection/));
  t.resolveObjection('OB1', '2025-08-29', false, '异议不成立').advance('O', 'recommended', '2025-09-01');
  t.openObjection('OB2', 'I', '2025-08-28').resolveObjection('OB2', '2025-08-29', true, '材料造假');
  assert.strictEqual(t.stage('I'), 'removed');
  assert.throws(() => t.resolveObjection('OB2', '2025-08-30', true, 'again'), estate(/./));
});

test('Art. 13(3) refusal with written reasons and its letter', () => {
  const t = timeline();
  t.addNotice('internal', '2025-08-25', '2025-08-29', ['O']);
  t.advance('O', 'recommended', '2025-09-01');
  t.addNotice('county', '2025-09-02', '2025-09-08', ['O']);
  t.advance('O', 'qualification', '2025-09-09');
  const r = new q.Refusal(ORG).addReason({ ruleId: 'art10.3.iso9001', citationZh: '第十条（三）', citationEn: 'Art. 10(3)',
    messageZh: '认证未满3年。', messageEn: 'Certified for less than 3 years.' });
  t.refuse('O', '2025-09-19', r);
  assert.strictEqual(t.stage('O'), 'refused');
  assert.match(t.refusalLetter('O', 'zh'), /第十条（三）/);
  assert.match(t.refusalLetter('O', 'en'), /2025-09-19/);
  assert.throws(() => t.refusalLetter('I'), estate(/not refused/));
  assert.throws(() => t.refusalLetter('nobody'), (e) => e.codeName === 'ENOTFOUND');
});

test('R19 public lists never contain trade-secret fields', () => {
  const t = timeline();
  toMaterialReview(t);
  const pub = t.publicList('acceptance');
  assert.deepStrictEqual(pub.notices[0].entries.map((e) => e.name), [ORG, '张示例']);
  assert.deepStrictEqual(pub.notices[0].entries[0].fields, { county: '吉州区' });
  for (const form of [JSON.stringify(pub), t.publicList('acceptance', { format: 'text' }),
    t.publicList('acceptance', { format: 'text', lang: 'en' })]) {
    assert.ok(!form.includes('key_process') && !form.includes(SECRET), form);
  }
  assert.ok(JSON.stringify(t.toJSON()).includes(SECRET)); // internal record keeps it
  assert.throws(() => t.publicList('nope'), (e) => e.codeName === 'ENOTFOUND');
});

test('Timeline.load replays a document: report, letters, strict afterwards', () => {
  const t = q.Timeline.load(path.join(ROOT, 'data/examples/timeline-2025.json'));
  assert.strictEqual(t.report.violation_count, 4);
  assert.deepStrictEqual(t.report.refusals.map((r) => r.applicant), ['A2']);
  assert.match(t.refusalLetter('A2'), /第十条（三）/);
  assert.ok(!JSON.stringify(t.publicList('candidates')).includes(SECRET));
  assert.match(t.text('en'), /\[Art\. 13\(6\)\]/);
  assert.throws(() => t.advance('P1', 'vote', '2025-12-01'), estate(/./));
});

// ---- Checker with a JS store object
const subjects = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/data/subjects.json'), 'utf8')).subjects;
const history = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/data/history.json'), 'utf8'));
function jsStore() {
  const calls = [];
  return {
    calls,
    read(sid) {
      calls.push(sid);
      const out = [];
      for (const a of history.awards) if (a.subject_id === sid) out.push({ type: 'award', subjectId: sid, level: a.level, kind: a.kind, cycleId: a.cycle_id, awardDate: a.award_date, prizeFen: a.prize_fen });
      for (const s of history.sanctions) if (s.subject_id === sid) out.push({ type: 'sanction', subjectId: sid, kind: s.kind, decidedOn: s.decided_on, citation: s.citation });
      return out;
    },
  };
}

test('Checker accepts a JS store: same results as the MemStore', () => {
  const policy = new q.Policy();
  const st = jsStore();
  const viaJs = new q.Checker(policy, st);
  const viaMem = new q.Checker(policy, new q.MemStore(history));
  const list = new q.SubjectList(subjects);
  assert.deepStrictEqual(Array.from(viaJs.statuses(list, '2025-04-01')), Array.from(viaMem.statuses(list, '2025-04-01')));
  assert.ok(st.calls.length >= subjects.length);
  for (const s of subjects) {
    assert.deepStrictEqual(viaJs.check(s, '2025-04-01'), q.check(policy, s, '2025-04-01', new q.MemStore(history)));
  }
  viaJs.close();
  viaJs.close(); // idempotent
});

test('Checker: a thrown JS error is re-thrown after the call, and the checker stays usable', () => {
  class Boom extends Error {}
  let fail = true;
  const store = { read(sid) { if (fail) throw new Boom(sid); return []; } };
  const c = new q.Checker(new q.Policy(), store);
  assert.throws(() => c.statuses(new q.SubjectList(subjects), '2025-04-01'), (e) => e instanceof Boom && e.message === subjects[0].id);
  assert.throws(() => c.check(subjects[1], '2025-04-01'), Boom);
  fail = false;
  assert.strictEqual(c.check(subjects[0], '2025-04-01').subjectId, subjects[0].id);
  c.close();
});

// ---- Cycle.applyVerdict and candidate reasons
test('Cycle.applyVerdict sets the verdict and written reasons (Art. 13(3); R5)', () => {
  const policy = new q.Policy();
  const c = new q.Cycle(policy, new q.ReviewRules('jian-2025-example'), '2025', '2025-12-18');
  const checker = new q.Checker(policy, jsStore());
  c.addCandidate(subjects[0].id, subjects[0].kind, null, { composite: 80000 });
  assert.throws(() => c.applyVerdict(0, subjects[0]), (e) => e.codeName === 'ESTATE');
  subjects.forEach((s, k) => {
    const i = k === 0 ? 0 : c.addCandidate(s.id, s.kind, null, { composite: 80000 });
    const v = c.applyVerdict(i, s, '2025-04-01', k % 2 ? { checker } : { store: jsStore() });
    assert.strictEqual(c.candidate(i).verdict, v.status);
    const want = v.reasons.filter((r) => r.outcome === 'fail' || r.outcome === 'unknown').map((r) => r.rule);
    const got = c.reasons(i);
    assert.deepStrictEqual(got.map((r) => r.ruleId), want);
    for (const r of got) assert.ok(r.message.zh && r.message.en);
  });
  assert.ok(subjects.some((_, i) => c.reasons(i).length > 0));
  assert.throws(() => c.applyVerdict(0, { ...subjects[1], id: 'SOMEONE-ELSE' }, '2025-04-01'), (e) => e.codeName === 'EINVAL');
  class Boom extends Error {}
  assert.throws(() => c.applyVerdict(0, subjects[0], '2025-04-01', { store: { read() { throw new Boom('x'); } } }), Boom);
});
