/** 征集: what the secretariat can open, and the defaults the association's contests use. */
export const CALL_KINDS = ['case', 'research', 'news'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export const CALL_KIND_LABELS: Record<CallKind, string> = {
  case: '案例征集',
  research: '课题调研',
  news: '信息报送',
};

/** The letters in a registration number (2026-AL-017): 案例 AL, 课题 KT, 信息 XX. */
export const CALL_KIND_CODES: Record<CallKind, string> = {
  case: 'AL',
  research: 'KT',
  news: 'XX',
};

/** A call's own code: two capital letters, then up to four letters or digits (AL, AL2, KT2026). */
export const CALL_CODE_PATTERN = /^[A-Z]{2}[A-Z0-9]{0,4}$/;

/** The four themes of 小创意发挥大作用. */
export const DEFAULT_CASE_CATEGORIES = ['融入发展经营', '引领创新创优', '服务员工群众', '促进社会和谐'] as const;

export interface Criterion {
  key: string;
  name: string;
  weight: number;
  max: number;
}

/** 创新性、实效性、长效性、推广性, equal weights, 25 points each: a review's total is out of 100. */
export const DEFAULT_RUBRIC: Criterion[] = [
  { key: 'innovation', name: '创新性', weight: 1, max: 25 },
  { key: 'effectiveness', name: '实效性', weight: 1, max: 25 },
  { key: 'durability', name: '长效性', weight: 1, max: 25 },
  { key: 'replicability', name: '推广性', weight: 1, max: 25 },
];

export interface Tier {
  name: string;
  /** Percent of the ranked entries suggested for this tier; null: every entry left over. */
  share: number | null;
  /** Entries with this tier are published in the 案例库. */
  showcase: boolean;
}

export const DEFAULT_TIERS: Tier[] = [
  { name: '一等奖', share: 10, showcase: true },
  { name: '二等奖', share: 20, showcase: true },
  { name: '三等奖', share: 30, showcase: true },
  { name: '优秀奖', share: 20, showcase: false },
  { name: '未获奖', share: null, showcase: false },
];

export const DEFAULT_ENTRY_LIMIT = 3;
export const DEFAULT_REVIEWERS_PER_ENTRY = 3;

/** Where a call is in time, by the server's clock. */
export type CallPhase = 'upcoming' | 'open' | 'closed';

export const CALL_PHASE_LABELS: Record<CallPhase, string> = {
  upcoming: '未开始',
  open: '征集中',
  closed: '已截止',
};

export function callPhase(call: { opensAt: Date | string; closesAt: Date | string }, now: Date): CallPhase {
  const opens = new Date(call.opensAt).getTime();
  const closes = new Date(call.closesAt).getTime();
  if (now.getTime() < opens) return 'upcoming';
  return now.getTime() < closes ? 'open' : 'closed';
}

/** `2026-AL-017`: the call's year, its code, and the order of registration within the call. */
export function registrationNumber(year: number, code: string, sequence: number): string {
  return `${year}-${code}-${String(sequence).padStart(3, '0')}`;
}
