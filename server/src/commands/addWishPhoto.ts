import { MAX_WISH_PHOTOS, uploadRefusals } from '@zhijian/shared';
import { wishPhotos } from '../db/schema';
import { refuse } from '../errors';
import type { ProcessedFile } from '../files/processImage';
import { countClaimPhotos, type WishPhotoRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { lockClaimedWish } from './lockClaimedWish';
import { recordWishEvent } from './recordWishEvent';

/**
 * Records a photo already processed and stored under `storageKey` as the claim's: only the
 * claimer's, once contacted, at most nine — counted under the wish's row lock, so uploads arriving
 * together cannot pass the limit between them.
 */
export async function addWishPhoto(
  ctx: CommandContext,
  { wishId, memberId, storageKey, processed }: { wishId: number; memberId: number; storageKey: string; processed: ProcessedFile },
): Promise<WishPhotoRow> {
  const { claim } = await lockClaimedWish(ctx, { wishId, memberId, states: ['contacted', 'realised'] });
  if ((await countClaimPhotos(ctx.tx, claim.id)) >= MAX_WISH_PHOTOS) {
    throw refuse(uploadRefusals.too_many_files, { limit: MAX_WISH_PHOTOS }, `每个心愿最多上传 ${MAX_WISH_PHOTOS} 张照片`);
  }
  const [photo] = await ctx.tx
    .insert(wishPhotos)
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
  await recordWishEvent(ctx, wishId, 'photo_added');
  await audit(ctx, { action: 'wish.photo_add', entity: 'wish', entityId: wishId, after: { photoId: photo!.id, bytes: photo!.bytes } });
  return photo!;
}
