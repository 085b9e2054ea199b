import type { Criterion, Tier } from './calls';

/**
 * When reviewers disagree strongly: the spread (highest minus lowest weighted score of one entry)
 * is more than 20 points on the 100-point scale. With the default rubric that is, for instance,
 * one reviewer giving 85 and another 60 — a gap worth a second look before tiers are decided.
 */
export const DISAGREEMENT_THRESHOLD = 20;

export type Scores = Record<string, number>;

/** Why a set of scores does not fit the rubric, per criterion; empty when it fits. */
export function scoreProblems(rubric: readonly Criterion[], scores: Scores, complete: boolean): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  const known = new Set(rubric.map((criterion) => criterion.key));
  for (const key of Object.keys(scores)) {
    if (!known.has(key)) problems.push({ key, message: '评分标准中没有这一项' });
  }
  for (const criterion of rubric) {
    const value = scores[criterion.key];
    if (value === undefined) {
      if (complete) problems.push({ key: criterion.key, message: `请为“${criterion.name}”打分` });
      continue;
    }
    if (!Number.isFinite(value) || value < 0 || value > criterion.max) {
      problems.push({ key: criterion.key, message: `“${criterion.name}”的分数应在 0 到 ${criterion.max} 之间` });
    } else if (Math.round(value * 10) !== value * 10) {
      problems.push({ key: criterion.key, message: `“${criterion.name}”的分数最多保留一位小数` });
    }
  }
  return problems;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A review's total on a 100-point scale: each criterion's share of its maximum, weighted. */
export function weightedScore(rubric: readonly Criterion[], scores: Scores): number {
  const totalWeight = rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (totalWeight <= 0) return 0;
  const weighted = rubric.reduce((sum, criterion) => sum + criterion.weight * ((scores[criterion.key] ?? 0) / criterion.max), 0);
  return round1((weighted / totalWeight) * 100);
}

export interface Agreement {
  mean: number | null;
  spread: number | null;
  disagreement: boolean;
}

/** The entry's mean of its reviews' weighted scores, their spread, and whether the spread is too wide. */
export function agreement(weightedScores: readonly number[]): Agreement {
  if (weightedScores.length === 0) return { mean: null, spread: null, disagreement: false };
  const mean = round1(weightedScores.reduce((sum, value) => sum + value, 0) / weightedScores.length);
  const spread = round1(Math.max(...weightedScores) - Math.min(...weightedScores));
  return { mean, spread, disagreement: spread > DISAGREEMENT_THRESHOLD };
}

/** Competition ranking (1, 2, 2, 4) by mean, highest first; entries without a mean come last, unranked. */
export function rankByMean<T extends { mean: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const scored = rows.filter((row) => row.mean !== null).sort((a, b) => b.mean! - a.mean!);
  const ranked = scored.map((row, index) => ({ ...row, rank: index + 1 }));
  for (let i = 1; i < ranked.length; i += 1) {
    if (ranked[i]!.mean === ranked[i - 1]!.mean) ranked[i]!.rank = ranked[i - 1]!.rank;
  }
  return [...ranked, ...rows.filter((row) => row.mean === null).map((row) => ({ ...row, rank: null }))];
}

/**
 * The tier a rank suggests: tiers fill in order, each taking its share of the ranked entries
 * (cumulative, rounded up), the tier without a share takes the rest. Ties share the better tier
 * because they share a rank. Unranked entries (no review) get no suggestion.
 */
export function suggestTier(tiers: readonly Tier[], rank: number | null, rankedCount: number): string | null {
  if (rank === null || tiers.length === 0) return null;
  let cumulative = 0;
  for (const tier of tiers) {
    if (tier.share === null) return tier.name;
    cumulative += tier.share;
    if (rank <= Math.ceil((cumulative * rankedCount) / 100)) return tier.name;
  }
  return tiers.at(-1)!.name;
}
