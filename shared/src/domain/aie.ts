import { z } from 'zod';

/**
 * 爱E客栈: 微心愿 (small wishes of members in need, claimed by other members) and 亮身份明承诺
 * (profiles and yearly commitments). Anchors: a volunteer association's wish service (one live claim
 * per wish, the wisher masked for everyone but the claimer), 敖山 (contact within 7 days, unclaimed
 * wishes go first in the next round), 瑶海 (wishes verified before publishing).
 */

export const WISH_STATUSES = ['pending_review', 'open', 'claimed', 'contacted', 'realised', 'completed', 'withdrawn'] as const;
export const WishStatus = z.enum(WISH_STATUSES);
export type WishStatus = (typeof WISH_STATUSES)[number];
export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  open: '待认领',
  claimed: '已认领',
  contacted: '已联系',
  realised: '已实现',
  completed: '已完成',
  withdrawn: '已下架',
};

/** States in which a wish has a live claim (the claimer is working on it). */
export const CLAIMED_WISH_STATUSES = ['claimed', 'contacted', 'realised'] as const satisfies readonly WishStatus[];

/** Unit-only wishes are claimed within the unit; association-wide ones (the secretariat's) by any member. */
export const WISH_SCOPES = ['unit', 'association'] as const;
export const WishScope = z.enum(WISH_SCOPES);
export type WishScope = (typeof WISH_SCOPES)[number];
export const WISH_SCOPE_LABELS: Record<WishScope, string> = { unit: '本单位', association: '全协会' };

/** A claim not marked 已联系 within this many days is released and the wish goes back, first in the list. */
export const WISH_CONTACT_DAYS = 7;
export const WISH_CONTACT_MS = WISH_CONTACT_DAYS * 24 * 3600_000;
/** A member holds at most this many live claims at once. */
export const MAX_ACTIVE_WISH_CLAIMS = 2;
export const MAX_WISH_PHOTOS = 9;

/** Whether a claim made at `claimedAt` and not marked contacted has run out at `now`. */
export function claimOverdue(claimedAt: Date, now: Date): boolean {
  return now.getTime() - claimedAt.getTime() >= WISH_CONTACT_MS;
}

/** The wisher as others see them: the surname (first character) and 某, e.g. 王某. */
export function maskedName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}某` : '某';
}

// ── 亮身份明承诺 ────────────────────────────────────────────────────────────────────────────────

export const COMMITMENT_STATUSES = ['in_progress', 'reported', 'kept', 'not_kept'] as const;
export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  in_progress: '进行中',
  reported: '待确认',
  kept: '已完成',
  not_kept: '未完成',
};
/** A member makes at most this many commitments a year. */
export const MAX_COMMITMENTS_PER_YEAR = 3;
export const MAX_COMMITMENT_PHOTOS = 9;

/**
 * 承诺践诺: kept ÷ made × the part's points, to one decimal; full when none were made (nothing was
 * promised, so nothing was broken).
 */
export function commitmentScore(made: number, kept: number, full: number): number {
  if (made <= 0) return full;
  return Math.round(((full * Math.min(kept, made)) / made) * 10) / 10;
}
