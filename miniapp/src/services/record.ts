import type { BonusClaimInput } from '@zhijian/shared';
import { api } from '@zhijian/shared';
import { call, client } from './api';
import type { PickedFile } from './files';
import { upload } from './upload';

/**
 * The member's side of 党员卡 and 先锋指数: the card (live for the member, a yearly record for the
 * unit's files), the identity code, and the member's own 正向加分 claims and 反向扣分 records.
 */

// ── The card.

/** My card of a year (this year when none is given): live, not the published figures. */
export function myCard(year?: number) {
  return call(api.cards.mine, { query: year === undefined ? {} : { year } });
}

/** A member's yearly record for the unit admin or the secretariat (the print layout). */
export function memberCard(memberId: number, year: number) {
  return call(api.cards.forMember, { params: { id: memberId }, query: { year } });
}

/** The card's identity QR; `refreshInMs` says when the next one is due. */
export function identityCode() {
  return call(api.cards.identityCode, {});
}

/** The association's rules in force: the bonus kinds and their ranges, the caps, the index's parts. */
export async function recordRules() {
  return (await call(api.recordSettings.get, {})).settings;
}

/**
 * The card page: the card and the rules its breakdown explains. The rules only add the factors
 * beside the figures ("50 × 出勤率"): without them the card still shows, its parts unexplained.
 */
export async function loadMyCard(year: number) {
  const [card, rules] = await Promise.all([myCard(year), recordRules().catch(() => null)]);
  return { card, rules };
}

// ── 正向加分.

export function myBonuses(page: number, pageSize: number) {
  return call(api.bonuses.mine, { query: { page, pageSize } });
}

export function getBonus(id: number) {
  return call(api.bonuses.get, { params: { id } });
}

export function declareBonus(input: BonusClaimInput) {
  return call(api.bonuses.declare, { body: input });
}

/** One photo of a pending claim of mine (multipart, field `file`); the server keeps at most nine. */
export function uploadBonusPhoto(claimId: number, photo: PickedFile) {
  return upload(api.bonuses.uploadPhoto, { params: { id: claimId } }, photo);
}

/** Where a claim's photo is read (fetched with the token: `AuthedImage`). */
export function bonusPhotoUrl(photoId: number): string {
  return client.url(api.bonuses.photo, { params: { id: photoId } });
}

// ── 反向扣分.

export function myDeductions(page: number, pageSize: number) {
  return call(api.deductions.mine, { query: { page, pageSize } });
}

export function getDeduction(id: number) {
  return call(api.deductions.get, { params: { id } });
}

/** The one appeal a deduction allows, before its deadline. */
export function appealDeduction(id: number, text: string) {
  return call(api.deductions.appeal, { params: { id }, body: { text } });
}
