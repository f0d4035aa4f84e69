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
