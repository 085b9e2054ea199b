import { bonusRefusals, MAX_BONUS_PHOTOS, uploadRefusals } from '@zhijian/shared';
import { bonusClaimPhotos } from '../db/schema';
import { refuse } from '../errors';
import type { ProcessedFile } from '../files/processImage';
import { countBonusPhotos, findBonusClaim, type BonusPhotoRow } from '../queries/bonuses';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordEvent } from './recordEvent';

/**
 * Records a photo already processed and stored under `storageKey` as the claim's: only the
 * declaring member's, only while the claim is pending, at most nine — counted under the claim's
 * row lock, so uploads arriving together cannot pass the limit between them.
 */
export async function addBonusPhoto(
  ctx: CommandContext,
  { claimId, memberId, storageKey, processed }: { claimId: number; memberId: number; storageKey: string; processed: ProcessedFile },
): Promise<BonusPhotoRow> {
  const claim = await findBonusClaim(ctx.tx, claimId, { lock: true });
  if (claim.memberId !== memberId) throw refuse(bonusRefusals.bonus_not_own);
  if (claim.status !== 'pending') throw refuse(bonusRefusals.bonus_already_decided, { status: claim.status });
  if ((await countBonusPhotos(ctx.tx, claim.id)) >= MAX_BONUS_PHOTOS) {
    throw refuse(uploadRefusals.too_many_files, { limit: MAX_BONUS_PHOTOS }, `每条加分申报最多上传 ${MAX_BONUS_PHOTOS} 张照片`);
  }
  const [photo] = await ctx.tx
    .insert(bonusClaimPhotos)
    .values({
      claimId: claim.id,
      storageKey,
      mime: processed.mimeType,
      width: processed.width,
      height: processed.height,
      bytes: processed.data.length,
      createdAt: ctx.now,
    })
    .returning();
  await recordEvent(ctx, { subject: 'bonus', subjectId: claim.id, action: 'photo_added' });
  await audit(ctx, {
    action: 'bonus.photo_add',
    entity: 'bonus_claim',
    entityId: claim.id,
    after: { photoId: photo!.id, bytes: photo!.bytes },
  });
  return photo!;
}
