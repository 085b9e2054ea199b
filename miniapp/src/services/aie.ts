import type { CommitmentInput, ProfileInput, WishInput, WishListQuery } from '@zhijian/shared';
import type { z } from 'zod';
import { api } from '@zhijian/shared';
import { call, client } from './api';
import type { PickedFile } from './files';
import { upload } from './upload';

/**
 * 爱E客栈: 微心愿 (claim, contact, photos, confirm), 亮身份 profiles and 明承诺 commitments, and the
 * unit admin's review of them.
 */

export type WishView = z.input<typeof WishListQuery>['view'];

export function listWishes(page: number, pageSize: number, view: WishView = 'all', status?: 'open') {
  return call(api.wishes.list, { query: { page, pageSize, view, ...(status ? { status } : {}) } });
}

export function getWish(id: number) {
  return call(api.wishes.get, { params: { id } });
}

export function wishRanking() {
  return call(api.wishes.ranking, {});
}

/** The hub: a few wishes to claim, the 圆梦榜, a few people; each part may fail alone. */
export async function loadHub() {
  const [wishes, ranking, people] = await Promise.all([
    listWishes(1, 3, 'all', 'open'),
    wishRanking().catch(() => ({ items: [] })),
    listProfiles(1, 3).catch(() => null),
  ]);
  return { wishes, ranking: ranking.items, people };
}

export const claimWish = (id: number) => call(api.wishes.claim, { params: { id } });
export const giveUpWish = (id: number) => call(api.wishes.giveUp, { params: { id } });
export const markWishContacted = (id: number) => call(api.wishes.markContacted, { params: { id } });
export const markWishRealised = (id: number) => call(api.wishes.markRealised, { params: { id } });
export const confirmWish = (id: number, thankYou: string) =>
  call(api.wishes.confirm, { params: { id }, body: thankYou.trim() ? { thankYou } : {} });
export const reviewWish = (id: number, approve: boolean, note?: string) =>
  call(api.wishes.review, { params: { id }, body: { approve, ...(note ? { note } : {}) } });
export const revokeWishClaim = (id: number, reason: string) => call(api.wishes.revokeClaim, { params: { id }, body: { reason } });
export const takeDownWish = (id: number, reason: string) => call(api.wishes.takeDown, { params: { id }, body: { reason } });
export const publishWish = (input: z.input<typeof WishInput>) => call(api.wishes.publish, { body: input });

/** One photo of the wish realised (multipart, field `file`); the server keeps at most nine. */
export function uploadWishPhoto(wishId: number, photo: PickedFile) {
  return upload(api.wishes.uploadPhoto, { params: { id: wishId } }, photo);
}

export function wishPhotoUrl(photoId: number): string {
  return client.url(api.wishes.photo, { params: { id: photoId } });
}

// ── 亮身份明承诺.

export function listProfiles(page: number, pageSize: number, view: 'all' | 'review' = 'all') {
  return call(api.profiles.list, { query: { page, pageSize, view } });
}

export function myProfile() {
  return call(api.profiles.mine, {});
}

export async function loadMyProfile() {
  const [profile, commitments] = await Promise.all([myProfile(), call(api.commitments.mine, { query: { pageSize: 20 } })]);
  return { profile, commitments: commitments.items };
}

export const saveProfile = (input: ProfileInput) => call(api.profiles.save, { body: input });
export const makeCommitment = (input: CommitmentInput) => call(api.commitments.make, { body: input });
export const reportCommitment = (id: number, note: string) => call(api.commitments.report, { params: { id }, body: { note } });
export const reviewProfile = (memberId: number, approve: boolean) =>
  call(api.profiles.review, { params: { id: memberId }, body: { approve } });
export const reviewCommitment = (id: number, approve: boolean) => call(api.commitments.review, { params: { id }, body: { approve } });
export const decideCommitment = (id: number, kept: boolean, note?: string) =>
  call(api.commitments.decide, { params: { id }, body: { kept, ...(note ? { note } : {}) } });

export function uploadCommitmentPhoto(id: number, photo: PickedFile) {
  return upload(api.commitments.uploadPhoto, { params: { id } }, photo);
}

/** The unit admin's queue: held wishes and thank-yous, held profiles, commitments held or reported. */
export async function loadReviewQueue(unitId: number | null) {
  const [wishes, profiles, commitments] = await Promise.all([
    listWishes(1, 50, 'review'),
    unitId === null ? null : listProfiles(1, 50, 'review'),
    unitId === null ? null : call(api.commitments.listForUnit, { params: { unitId }, query: { view: 'review', pageSize: 50 } }),
  ]);
  return { wishes: wishes.items, profiles: profiles?.items ?? [], commitments: commitments?.items ?? [] };
}
