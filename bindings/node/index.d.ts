// TypeScript declarations for the Node binding of libqaward.
// Dates are civil dates "YYYY-MM-DD" (R1); money is integer fen; scores are integer hundredths.

/** A civil date: "YYYY-MM-DD", a packed YYYYMMDD number, or a Date (its UTC fields). */
export type DateLike = string | number | Date;

export declare const CODES: {
  OK: 0; ENOMEM: -1; EINVAL: -2; EPARSE: -3; ESCHEMA: -4; ERANGE: -5; ENOPOLICY: -6; ENOTFOUND: -7;
  EEXISTS: -8; ESTATE: -9; ENORULE: -10; ECALENDAR: -11; EVERSION: -12; EUSER: -13; EBUFSIZE: -14; EINTERNAL: -15;
};

/** A failed library call. */
export declare class QAwardError extends Error {
  /** negative status code (QAWARD_E*) */
  readonly code: number;
  /** "EPARSE", "ESCHEMA", ... */
  readonly codeName: string;
}

export declare const libraryPath: string;
export declare function version(): string;

export declare const dates: {
  parse(s: string): string;
  addYears(d: DateLike, years: number): string;
  addDays(d: DateLike, days: number): string;
  diffDays(a: DateLike, b: DateLike): number;
  /** 1 = Monday .. 7 = Sunday */
  weekday(d: DateLike): number;
  /** start <= x < start + years (R2) */
  inWindow(x: DateLike, start: DateLike, years: number): boolean;
};

/** Owns one library handle; freed by close(), `using`, or the garbage collector. */
export declare class Handle {
  readonly closed: boolean;
  close(): void;
}

export interface Quota { max: number; group: number; pooled: boolean }

export declare class Policy extends Handle {
  /** A built-in name ("jian-2023") or a policy document (JSON text or object). */
  constructor(source?: string | object);
  static fromFile(file: string): Policy;
  readonly id: string;
  name(lang?: 'en' | 'zh'): string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  inForce(d: DateLike): boolean;
  readonly cycleYears: number;
  readonly kinds: string[];
  readonly levels: string[];
  quota(level: string, kind: string): Quota;
  prizeFen(level: string, kind: string): number;
  reapplyDate(level: string, awardDate: DateLike): string | null;
  banWindow(kind: string, decidedOn: DateLike): { from: string | null; until: string | null };
}

export declare class ReviewRules extends Handle {
  constructor(source: string | object);
  readonly id: string;
  composite(kind: string, stageTotals: Record<string, number>): { score: number; gatesPassed: boolean };
}

export declare class Subject extends Handle {
  constructor(doc: object | string);
  readonly id: string;
  readonly kind: string;
  isSecret(field: string): boolean;
  toJSON(publicOnly?: boolean): Record<string, unknown>;
}

export interface AwardRecord {
  type?: 'award';
  subjectId: string; level: string; kind: string; cycleId?: string | null;
  awardDate: string; revokedOn?: string | null; prizeFen?: number; reWin?: boolean;
}
export interface SanctionRecord {
  type: 'sanction';
  subjectId: string; kind: string; decidedOn: string;
  banFrom?: string | null; banUntil?: string | null; revokesAwardDate?: string | null; citation?: string | null;
}

/** The store protocol: every method optional; a thrown exception aborts the call and is re-thrown. */
export interface Store {
  read?(subjectId: string): Iterable<AwardRecord | SanctionRecord>;
  begin?(): void;
  writeAward?(rec: AwardRecord): void;
  writeSanction?(rec: SanctionRecord): void;
  revokeAward?(subjectId: string, awardDate: string, revokedOn: string): void;
  cycleFinalised?(cycleId: string): boolean;
  commit?(): void;
  rollback?(): void;
}

export declare class MemStore extends Handle {
  constructor(history?: object | string);
  add(rec: AwardRecord | SanctionRecord): void;
  loadJson(doc: object | string): void;
  toJson(): { awards: unknown[]; sanctions: unknown[] };
  readonly awardCount: number;
  readonly sanctionCount: number;
}

export declare class Scheme extends Handle {
  constructor(source?: string | object);
  readonly id: string;
  readonly totalPoints: number;
}
export declare class Sheets extends Handle {
  constructor(scheme: Scheme, doc: object | string);
  readonly length: number;
  compute(rules?: ReviewRules): Scores;
}
export declare class Scores extends Handle {
  toJSON(): Record<string, unknown>;
}
export declare class Composites extends Handle {
  constructor(rules: ReviewRules, scores: Scores[]);
  toJSON(): Record<string, unknown>;
}

export interface Reason {
  rule: string; code: number; type: string;
  outcome: 'pass' | 'fail' | 'unknown' | 'not_applicable';
  citation: { zh: string; en: string };
  message: { zh: string; en: string };
  facts: unknown; threshold: unknown;
  /** when only time blocks the check */
  earliest: string | null;
}
export interface Verdict {
  subjectId: string; kind: string; asOf: string;
  status: 'eligible' | 'ineligible' | 'incomplete';
  earliest: string | null;
  reasons: Reason[];
}
export declare function check(policy: Policy, subject: Subject | object, asOf: DateLike, store?: Store | MemStore | null): Verdict;
export declare function checkBatch(policy: Policy, subjects: object[] | object | string, asOf: DateLike,
  store?: Store | MemStore | null, opts?: { brief?: boolean; raw?: boolean }): any;

// ---------------------------------------------------------------- cycle (cycle.h)
export type CycleVerdict = 'eligible' | 'ineligible' | 'incomplete';
export type CycleOutcome = 'none' | 'awarded' | 'rewin' | 'tie' | 'vote_failed' | 'quota_full' | 'below_min'
  | 'gate_failed' | 'refused' | 'incomplete' | 'not_scored';
export type VoteState = 'none' | 'passed' | 'failed' | 'no_quorum';
/** A candidate: its index in the cycle or its subject id. */
export type CandidateRef = number | string;

export interface CandidateResult {
  index: number; subjectId: string; name: string; kind: string;
  outcome: CycleOutcome;
  /** level placed at, tied at or voted down at */
  level: string | null;
  /** hundredths of a point */
  composite: number | null;
  /** rank within its quota's ranking, 0 = unranked */
  rank: number;
  prizeFen: number;
  vote: VoteState;
  /** eligibility outcome given or computed from facts (R5) */
  verdict: 'unset' | CycleVerdict;
}
export interface Bucket {
  level: string; kinds: string[]; pooled: boolean; max: number;
  /** re-winners not counted (R8) */
  placed: number; vacant: number;
  /** places left for the leading group to decide (R12) */
  tied: number;
  prizeTotalFen: number;
}
export interface Vote { for: number; against: number; abstain: number; present: number; members: number }
export interface ReportOptions { format?: 'json' | 'text'; lang?: 'zh' | 'en'; public?: boolean }

export declare class Cycle extends Handle {
  constructor(policy: Policy, rules: ReviewRules | null, cycleId: string, decisionDate: DateLike);
  /** A `qaward-cycle/1` document: JSON text, an object, or a file path. */
  static load(doc: string | object): Cycle;
  readonly id: string;
  readonly decisionDate: string;
  readonly policy: Policy;
  readonly length: number;
  readonly subjectIds: string[];
  index(ref: CandidateRef): number;
  addCandidate(subjectId: string, kind: string, name?: string | null,
    opts?: { verdict?: CycleVerdict; composite?: number; stages?: Record<string, number> }): number;
  setVerdict(ref: CandidateRef, verdict: CycleVerdict): this;
  /** the date eligibility is decided on for candidates given as facts (R1) */
  asOf: string | null;
  setSubject(ref: CandidateRef, subject: Subject | object): this;
  checkCandidates(store?: Store | MemStore | null): this;
  addReason(ref: CandidateRef, ruleId: string, citation?: string | null, messageZh?: string | null, messageEn?: string | null): this;
  /** Check a subject (cycle's policy, or opts.checker) and set the verdict and written reasons from it (Art. 13(3); R5). */
  applyVerdict(ref: CandidateRef, subject: Subject | object, asOf?: DateLike | null,
    opts?: { store?: Store | MemStore | null; checker?: Checker | null }): Verdict;
  /** A candidate's written reasons. */
  reasons(ref: CandidateRef): { ruleId: string; message: { zh: string | null; en: string | null } }[];
  setComposite(ref: CandidateRef, hundredths: number): this;
  setStageTotal(ref: CandidateRef, stage: string, hundredths: number): this;
  setDefence(ref: CandidateRef, passed: boolean): this;
  setVote(ref: CandidateRef, vote: Vote): this;
  decideTie(ref: CandidateRef, placed: boolean): this;
  addNote(ref: CandidateRef, key: string, value: string, tradeSecret?: boolean): this;
  setScoresSecret(ref: CandidateRef, secret?: boolean): this;
  run(store?: Store | MemStore | null): this;
  readonly isRun: boolean;
  candidate(ref: CandidateRef): CandidateResult;
  results(): CandidateResult[];
  ties(): CandidateResult[];
  buckets(): Bucket[];
  readonly prizeTotalFen: number;
  report(opts?: ReportOptions & { format?: 'json' }): Record<string, any>;
  report(opts: ReportOptions & { format: 'text' }): string;
  publicReport(opts?: Omit<ReportOptions, 'public'>): Record<string, any> | string;
  toJSON(): Record<string, any>;
  finalise(store?: Store | MemStore | null): void;
  ownStore(): { awards: unknown[]; sanctions: unknown[] } | null;
}

// ---------------------------------------------------------------- sanctions (sanctions.h)
export interface Finding {
  subjectId: string; kind: string; decidedOn: DateLike;
  /** R11: the incident (default: decidedOn) */
  eventDate?: DateLike | null;
  /** the award concerned (default: the library picks it) */
  awardDate?: DateLike | null;
}
export interface SanctionOutcome {
  revokes: boolean; revokedAwardDate: string | null; revokedLevel: string | null; revokedOn: string | null;
  publicNotice: boolean; banFrom: string | null; banUntil: string | null;
  citation: { zh: string | null; en: string | null };
}
export declare function computeSanction(policy: Policy, finding: Finding, store?: Store | MemStore | null): SanctionOutcome;
export declare function applySanction(policy: Policy, finding: Finding, store: Store | MemStore): SanctionOutcome;

// ---------------------------------------------------------------- calendar, procedure
/** A working-day calendar (R16); a date outside its years throws QAwardError ECALENDAR. */
export declare class Calendar extends Handle {
  constructor(source?: string | object);
  merge(doc: string | object): void;
  readonly years: number[];
  isWorkingDay(d: DateLike): boolean;
  workingDays(first: DateLike, last: DateLike): number;
  noticeEnd(first: DateLike, workingDays: number): string;
  toJSON(): Record<string, unknown>;
}
export interface NoticeCheck { kind: string; first: string; last: string; workingDays: number; satisfied: boolean }
export declare class Procedure extends Handle {
  constructor(source?: string | object);
  readonly id: string;
  readonly calendarName: string | null;
  calendar(): Calendar;
  readonly notices: Record<string, number>;
  readonly stages: string[];
  stageName(stage: string, lang?: 'zh' | 'en'): string;
  noticeCheck(calendar: Calendar, kind: string, first: DateLike, last: DateLike): NoticeCheck;
  noticeCheckJSON(calendar: Calendar, kind: string, first: DateLike, last: DateLike): Record<string, unknown>;
}
export interface RefusalReason {
  ruleId: string; citationZh: string; citationEn: string; messageZh: string; messageEn: string;
  /** the check could not be decided for lack of facts (R5) */
  unknown?: boolean;
}
export declare class Refusal extends Handle {
  constructor(applicantName: string);
  addReason(r: RefusalReason): this;
  readonly length: number;
  letter(procedure: Procedure, date: DateLike, lang?: 'zh' | 'en'): string;
  toJSON(procedure: Procedure, date: DateLike): Record<string, unknown>;
}
export declare function validateTimeline(doc: string | object, procedure?: Procedure | null,
  calendar?: Calendar | null): { ok: boolean; violations: any[]; [k: string]: unknown };

export type Qualification = 'passed' | 'failed' | 'unknown';
/** One cycle's procedural record (R15; Art. 13, 14). Illegal transitions throw QAwardError codeName 'ESTATE'. */
export declare class Timeline extends Handle {
  constructor(procedure?: Procedure | null, calendar?: Calendar | null);
  /** Replay a `qaward-timeline` document (text, object or file path). */
  static load(doc: string | object, procedure?: Procedure | null, calendar?: Calendar | null): Timeline;
  /** The validation report of load() ({ok, violation_count, violations, refusals, ...}); null otherwise. */
  readonly report: { ok: boolean; violations: any[]; [k: string]: unknown } | null;
  addApplicant(id: string, name: string, kind: string, declared: DateLike,
    opts?: { fields?: Record<string, string>; tradeSecrets?: string[] }): this;
  addField(id: string, key: string, value: string, tradeSecret?: boolean): this;
  addNotice(kind: string, first: DateLike, last: DateLike, ids: string[]): this;
  setQualification(id: string, q: Qualification | boolean): this;
  setScore(id: string, stage: string, hundredths: number): this;
  setSiteReview(id: string, first: DateLike, last: DateLike): this;
  advance(id: string, to: string, date: DateLike): this;
  refuse(id: string, date: DateLike, reasons: Refusal): this;
  drop(id: string, date: DateLike, reason: string): this;
  openObjection(objectionId: string, applicantId: string, date: DateLike, noticeKind?: string | null): this;
  resolveObjection(objectionId: string, date: DateLike, upheld: boolean, reason: string): this;
  stage(id: string): string | null;
  openObjections(id: string): number;
  /** Internal record: includes trade-secret fields. */
  toJSON(): Record<string, unknown>;
  /** Public name list of a notice kind; never trade secrets (R19). */
  publicList(kind: string, opts?: { format?: 'json'; lang?: 'zh' | 'en' }): Record<string, unknown>;
  publicList(kind: string, opts: { format: 'text'; lang?: 'zh' | 'en' }): string;
  refusalLetter(id: string, lang?: 'zh' | 'en'): string;
  text(lang?: 'zh' | 'en'): string;
}
export declare const QUALIFICATIONS: { unknown: 0; passed: 1; failed: 2 };

// ---------------------------------------------------------------- batch fast checks
export declare const STATUS: ['eligible', 'ineligible', 'incomplete'];
/** Many subjects loaded from one document (one JSON conversion per batch). */
export declare class SubjectList extends Handle {
  constructor(doc: object[] | object | string);
  readonly length: number;
  /**
   * Bind every subject to a policy once (qaward_subject_list_bind): Checker.statuses() with that
   * policy then takes the bound fast path (same results, faster). Keep the policy open while the
   * list is bound to it. Throws QAwardError (EINVAL, naming the subject's index and id) when the
   * policy cannot bind a subject; no subject stays bound then. Returns the list.
   */
  bind(policy: Policy): this;
  /** The policy the list is bound to, or null. */
  readonly boundPolicy: Policy | null;
}
export declare class Checker extends Handle {
  /** A JS store's callbacks stay registered until close(); its thrown error is re-thrown after the call. */
  constructor(policy: Policy, store?: Store | MemStore | null);
  /** The full verdict of one subject. */
  check(subject: Subject | object, asOf: DateLike): Verdict;
  /**
   * Status codes (index into STATUS) of every subject: one foreign call per batch. A list bound
   * (SubjectList.bind) to this checker's policy takes the bound fast path; throws Error when the
   * list is bound to a policy that has been closed.
   */
  statuses(list: SubjectList, asOf: DateLike): Int32Array;
  statuses(list: SubjectList, asOf: DateLike, opts: { earliest: true }): { statuses: Int32Array; earliest: (string | null)[] };
}
