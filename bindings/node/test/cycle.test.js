'use strict';
// The cycle (Art. 4, 5, 13, 15; R8, R12, R13, R19) and sanctions (Art. 20, 22; R9-R11) from Node.
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const q = require('..');

const DOC = path.resolve(__dirname, '..', '..', '..', 'data', 'examples', 'cycle-2025.json');
class Boom extends Error {}

/** A JS store: history, a transaction buffer, rollback observed. */
function listStore({ history = [], failOnWrite = 0, failOn = '' } = {}) {
  const s = {
    history, committed: [], pending: [], log: [], finalised: new Set(), failOnWrite,
    step(w) { this.log.push(w); if (w === failOn) throw new Boom(w); },
    read(id) { this.step('read'); return this.history.concat(this.committed).filter((r) => r.subjectId === id); },
    cycleFinalised(id) { this.step('cycleFinalised'); return this.finalised.has(id); },
    begin() { this.step('begin'); this.pending = []; },
    writeAward(r) {
      this.step('writeAward'); this.pending.push(r);
      if (this.failOnWrite && this.pending.length === this.failOnWrite) throw new Boom(`write ${this.failOnWrite} refused`);
    },
    writeSanction(r) { this.step('writeSanction'); this.pending.push(r); },
    revokeAward(id, ad, ro) { this.step('revokeAward'); this.pending.push({ type: 'revoke', id, ad, ro }); },
    commit() {
      this.step('commit'); this.committed.push(...this.pending); this.pending = [];
      for (const r of this.committed) if (r.cycleId) this.finalised.add(r.cycleId);
    },
    rollback() { this.log.push('rollback'); this.pending = []; },
  };
  return s;
}

function decideSampleTie(c) {
  assert.deepStrictEqual(c.ties().map((t) => t.subjectId), ['ORG-04', 'ORG-05']);
  c.decideTie('ORG-04', true).decideTie('ORG-05', false).run();
}

test('load, run, buckets, outcomes, budget', () => {
  const c = q.Cycle.load(DOC);
  assert.strictEqual(c.id, '2025');
  assert.strictEqual(c.decisionDate, '2025-12-18');
  assert.strictEqual(c.policy.id, 'jian-2023');
  assert.strictEqual(c.length, 18);
  assert.throws(() => c.buckets(), (e) => e.codeName === 'ESTATE');
  c.run();
  const b = c.buckets();
  assert.deepStrictEqual(b.map((x) => [x.level, x.kinds[0], x.max, x.placed, x.tied]),
    [['award', 'organization', 3, 2, 1], ['award', 'individual', 3, 2, 0], ['nomination', 'organization', 3, 2, 0], ['nomination', 'individual', 3, 2, 0]]);
  const r = Object.fromEntries(c.results().map((x) => [x.subjectId, x]));
  assert.strictEqual(r['ORG-01'].outcome, 'awarded');
  assert.strictEqual(r['ORG-01'].composite, 84900);
  assert.strictEqual(r['ORG-01'].prizeFen, 50000000);
  assert.strictEqual(r['ORG-02'].outcome, 'rewin');
  assert.strictEqual(r['ORG-02'].prizeFen, 0);
  assert.strictEqual(r['ORG-10'].outcome, 'refused');
  assert.strictEqual(c.prizeTotalFen, 114000000);
  assert.strictEqual(c.prizeTotalFen, b.reduce((a, x) => a + x.prizeTotalFen, 0));
  assert.throws(() => c.index('NOPE'), (e) => e.codeName === 'ENOTFOUND');
  c.close();
});

test('reports: JSON, text zh/en, public version without trade secrets (R19)', () => {
  const c = q.Cycle.load(DOC).run();
  const secret = '五轴联动';
  assert.strictEqual(c.report().format, 'qaward-cycle-report/1');
  assert.ok(c.report({ format: 'text', lang: 'zh' }).includes(secret));
  assert.ok(c.report({ format: 'text', lang: 'en' }).includes('Tie at the last place (R12)'));
  assert.ok(!JSON.stringify(c.publicReport()).includes(secret));
  assert.ok(!c.publicReport({ format: 'text', lang: 'en' }).includes(secret));
  assert.throws(() => c.report({ format: 'xml' }), TypeError);
});

test('finalise refuses an open tie (R12); after the decision it writes through a JS store', () => {
  const c = q.Cycle.load(DOC).run();
  const st = listStore();
  assert.throws(() => c.finalise(st), (e) => e.codeName === 'ESTATE' && /ORG-04/.test(e.message));
  decideSampleTie(c);
  c.finalise(st);
  assert.deepStrictEqual(st.log.slice(0, 2), ['cycleFinalised', 'begin']);
  assert.strictEqual(st.log[st.log.length - 1], 'commit');
  const org2 = st.committed.find((x) => x.subjectId === 'ORG-02');
  assert.strictEqual(org2.reWin, true);
  assert.strictEqual(org2.awardDate, '2025-12-18');
  assert.strictEqual(st.committed.reduce((a, x) => a + x.prizeFen, 0), c.prizeTotalFen);
  assert.throws(() => c.finalise(st), (e) => e.codeName === 'EEXISTS');
});

for (const k of [1, 3]) {
  test(`a JS exception at write ${k} is re-thrown after the rollback; nothing committed`, () => {
    const c = q.Cycle.load(DOC).run();
    decideSampleTie(c);
    const st = listStore({ failOnWrite: k });
    assert.throws(() => c.finalise(st), (e) => e instanceof Boom && e.message === `write ${k} refused`);
    assert.strictEqual(st.log[st.log.length - 1], 'rollback');
    assert.deepStrictEqual(st.committed, []);
    st.failOnWrite = 0;
    c.finalise(st);
    assert.ok(st.committed.length > 0);
  });
}

test('finalise into the loaded cycle\'s own store and into a MemStore', () => {
  const c = q.Cycle.load(DOC).run();
  decideSampleTie(c);
  const before = c.ownStore().awards.length;
  c.finalise();
  assert.strictEqual(c.ownStore().awards.length - before, 11);
  const c2 = q.Cycle.load(DOC).run();
  decideSampleTie(c2);
  const ms = new q.MemStore();
  c2.finalise(ms);
  assert.strictEqual(ms.awardCount, 11);
});

test('a cycle built by hand: re-winner from JS history (R8), quota of 3 (Art. 4)', () => {
  const c = new q.Cycle(new q.Policy(), new q.ReviewRules('jian-2025-example'), '2025', '2025-12-18');
  [90000, 85000, 80000, 75000, 70000].forEach((comp, i) => c.addCandidate(`O${i}`, 'organization', null, { verdict: 'eligible', composite: comp }));
  c.run(listStore({ history: [{ type: 'award', subjectId: 'O0', level: 'award', kind: 'organization', awardDate: '2019-12-20', cycleId: '2019' }] }));
  assert.strictEqual(c.candidate('O0').outcome, 'rewin');
  assert.deepStrictEqual(['O1', 'O2', 'O3'].map((x) => c.candidate(x).outcome), ['awarded', 'awarded', 'awarded']);
  assert.strictEqual(c.candidate('O4').level, 'nomination');
  assert.throws(() => c.setComposite(0, 850.5), TypeError);
  assert.throws(() => c.setComposite(0, -1), (e) => e.codeName === 'ERANGE');
  assert.throws(() => c.addCandidate('R', 'robot'), (e) => e.codeName === 'ENOTFOUND');
  assert.throws(() => c.run(listStore({ failOn: 'read' })), Boom);
});

test('sanctions: compute (R9), apply through a JS store, exception rolled back', () => {
  const p = new q.Policy();
  const o = q.computeSanction(p, { subjectId: 'B', kind: 'false_materials', decidedOn: '2025-05-01' });
  assert.deepStrictEqual([o.banFrom, o.banUntil], ['2025-05-01', '2030-05-01']);
  const hist = [{ type: 'award', subjectId: 'W', level: 'award', kind: 'organization', awardDate: '2021-12-20', cycleId: '2021' }];
  const st = listStore({ history: hist });
  q.applySanction(p, { subjectId: 'W', kind: 'false_materials', decidedOn: '2025-05-01' }, st);
  assert.strictEqual(st.log[st.log.length - 1], 'commit');
  assert.strictEqual(st.committed.filter((r) => r.type === 'sanction').length, 1);
  const bad = listStore({ history: hist, failOn: 'writeSanction' });
  assert.throws(() => q.applySanction(p, { subjectId: 'W', kind: 'false_materials', decidedOn: '2025-05-01' }, bad), Boom);
  assert.deepStrictEqual(bad.committed, []);
  assert.throws(() => q.computeSanction(p, { subjectId: 'B', kind: 'littering', decidedOn: '2025-05-01' }),
    (e) => e.codeName === 'ENOTFOUND' && /littering/.test(e.message));
});

test('quotas never exceeded and prizes add up over random cycles (seeded)', () => {
  let seed = 12345;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const p = new q.Policy(); const rules = new q.ReviewRules('jian-2025-example');
  const orgScores = [45000, 50000, 60000, 61000, 70000, 70000, 80000, 90000];
  const indScores = [5500, 6000, 7000, 7100, 7500, 8000];
  for (let round = 0; round < 60; round++) {
    const c = new q.Cycle(p, rules, '2025', '2025-12-18');
    const hist = [];
    const n = rnd(20);
    for (let i = 0; i < n; i++) {
      const org = rnd(2) === 0;
      const kind = org ? 'organization' : 'individual';
      c.addCandidate(`S${i}`, kind, null, { verdict: 'eligible', composite: org ? orgScores[rnd(orgScores.length)] : indScores[rnd(indScores.length)] });
      if (rnd(4) === 0) hist.push({ type: 'award', subjectId: `S${i}`, level: 'award', kind, awardDate: '2017-12-20' });
    }
    c.run({ read: (id) => hist.filter((h) => h.subjectId === id) });
    const res = c.results();
    let total = 0;
    for (const b of c.buckets()) {
      const placed = res.filter((r) => r.level === b.level && b.kinds.includes(r.kind) && r.outcome === 'awarded');
      const tied = res.filter((r) => r.level === b.level && b.kinds.includes(r.kind) && r.outcome === 'tie');
      assert.strictEqual(b.placed, placed.length);
      assert.ok(b.placed + b.tied <= b.max);
      if (b.tied) assert.ok(tied.length > b.tied && new Set(tied.map((t) => t.composite)).size === 1);
      total += b.prizeTotalFen;
    }
    assert.ok(res.filter((r) => r.outcome === 'rewin').every((r) => r.prizeFen === 0));
    assert.strictEqual(c.prizeTotalFen, total);
    assert.strictEqual(total, res.reduce((a, r) => a + r.prizeFen, 0));
    c.close();
  }
});

test('candidates given as facts are checked (R5)', () => {
  const subjects = JSON.parse(require('fs').readFileSync(path.resolve(__dirname, '..', '..', '..', 'examples', 'data', 'subjects.json'), 'utf8')).subjects;
  const p = new q.Policy();
  const c = new q.Cycle(p, new q.ReviewRules('jian-2025-example'), '2025', '2025-12-18');
  c.asOf = '2025-04-01';
  assert.strictEqual(c.asOf, '2025-04-01');
  for (const s of subjects) c.setSubject(c.addCandidate(s.id, s.kind, null, { composite: 80000 }), s);
  c.checkCandidates();
  assert.deepStrictEqual(c.results().map((r) => r.verdict), subjects.map((s) => q.check(p, s, '2025-04-01').status));
});
