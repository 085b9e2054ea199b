import {
  assess,
  AWARD_KINDS,
  AWARD_LABELS,
  formatDate,
  honourTitle,
  AWARD_REVIEW_STATUS_LABELS,
  shanghaiDate,
  type AwardCandidate,
  type AwardCertificate,
  type AwardKind,
  type AwardObjection,
  type AwardPublicity,
  type AwardReview,
  type AwardRules,
  type Honour,
} from '@zhijian/shared';
import type { AwardCandidateRow, AwardReviewRow, CandidateRows, ObjectionRows, ReviewRows } from '../queries/awards';

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

export function presentCandidate({ candidate, recommender }: CandidateRows, rules: AwardRules): AwardCandidate {
  const { score, eligible, lines } = assess(candidate.figures, rules);
  return {
    id: candidate.id,
    reviewId: candidate.reviewId,
    award: candidate.award,
    awardLabel: AWARD_LABELS[candidate.award],
    memberId: candidate.memberId,
    name: candidate.name,
    unit: { id: candidate.unitId, name: candidate.unitName },
    group: { id: candidate.groupId, name: candidate.groupName },
    score,
    eligible,
    lines,
    recommendation:
      candidate.recommendedAt === null
        ? null
        : { note: candidate.recommendationNote ?? '', by: recommender, at: candidate.recommendedAt.toISOString() },
    decision:
      candidate.decidedAt === null || candidate.selected === null
        ? null
        : { selected: candidate.selected, note: candidate.decisionNote ?? '', at: candidate.decidedAt.toISOString() },
  };
}

/** Eligible first, then by score, then in the order of the snapshot. */
export function rankCandidates(rows: CandidateRows[], rules: AwardRules): AwardCandidate[] {
  return rows
    .map((row) => presentCandidate(row, rules))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || a.id - b.id);
}

export function presentReview({ review, candidates, objections }: ReviewRows): AwardReview {
  const presented = candidates.map((row) => presentCandidate(row, review.rules));
  const of = (award: AwardKind) => presented.filter((candidate) => candidate.award === award);
  return {
    id: review.id,
    year: review.year,
    status: review.status,
    statusLabel: AWARD_REVIEW_STATUS_LABELS[review.status],
    rules: review.rules,
    openedAt: review.openedAt.toISOString(),
    publicityStartsAt: iso(review.publicityStartsAt),
    publicityEndsAt: iso(review.publicityEndsAt),
    publishedAt: iso(review.publishedAt),
    bulletinArticleId: review.bulletinArticleId,
    awards: AWARD_KINDS.map((award) => ({
      award,
      label: AWARD_LABELS[award],
      candidates: of(award).length,
      eligible: of(award).filter((c) => c.eligible).length,
      recommended: of(award).filter((c) => c.recommendation !== null).length,
      selected: of(award).filter((c) => c.decision?.selected).length,
    })),
    objections,
  };
}

export function presentObjection({ objection, candidate, objector }: ObjectionRows): AwardObjection {
  return {
    id: objection.id,
    candidateId: candidate.id,
    candidateName: candidate.name,
    awardLabel: AWARD_LABELS[candidate.award],
    text: objection.text,
    objector: objector ?? '（已注销）',
    createdAt: objection.createdAt.toISOString(),
    answer: objection.answer,
    answeredAt: iso(objection.answeredAt),
  };
}

export function presentPublicity({ review, winners }: { review: AwardReviewRow; winners: AwardCandidateRow[] }, now: Date): AwardPublicity {
  return {
    reviewId: review.id,
    year: review.year,
    status: review.status,
    statusLabel: AWARD_REVIEW_STATUS_LABELS[review.status],
    publicityEndsAt: iso(review.publicityEndsAt),
    objectionsOpen: isInPublicity(review, now),
    winners: winners.map((winner) => ({
      candidateId: winner.id,
      award: winner.award,
      awardLabel: AWARD_LABELS[winner.award],
      name: winner.name,
      unitName: winner.unitName,
    })),
  };
}

/** Objections are taken while the review is in 公示 and its end has not come. */
export function isInPublicity(review: AwardReviewRow, now: Date): boolean {
  return review.status === 'publicity' && review.publicityEndsAt !== null && now < review.publicityEndsAt;
}

export function presentCertificate(candidate: AwardCandidateRow, review: AwardReviewRow): AwardCertificate {
  return {
    candidateId: candidate.id,
    year: review.year,
    awardLabel: AWARD_LABELS[candidate.award],
    title: honourTitle(review.year, candidate.award),
    name: candidate.name,
    unitName: candidate.unitName,
    issuedOn: formatDate(shanghaiDate(review.publishedAt!)),
  };
}

export function presentHonour(row: { year: number; award: AwardKind; title: string; memberName: string | null }, unitName: string): Honour {
  return { year: row.year, award: row.award, title: row.title, name: row.memberName ?? unitName };
}
