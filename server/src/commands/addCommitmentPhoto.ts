import { commitmentRefusals, MAX_COMMITMENT_PHOTOS, uploadRefusals } from '@zhijian/shared';
import { commitmentPhotos } from '../db/schema';
import { refuse } from '../errors';
import type { ProcessedFile } from '../files/processImage';
import { countCommitmentPhotos, findCommitment, type CommitmentPhotoRow } from '../queries/profiles';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Records a stored photo as the commitment's: the member's own, before the admin decides, at most nine (counted under its lock). */
export async function addCommitmentPhoto(
  ctx: CommandContext,
  {
    commitmentId,
    memberId,
    storageKey,
    processed,
  }: { commitmentId: number; memberId: number; storageKey: string; processed: ProcessedFile },
): Promise<CommitmentPhotoRow> {
  const commitment = await findCommitment(ctx.tx, commitmentId, { lock: true });
  if (commitment.memberId !== memberId) throw refuse(commitmentRefusals.commitment_not_own);
  if (commitment.status !== 'in_progress' && commitment.status !== 'reported') {
    throw refuse(commitmentRefusals.commitment_wrong_state, { status: commitment.status });
  }
  if ((await countCommitmentPhotos(ctx.tx, commitmentId)) >= MAX_COMMITMENT_PHOTOS) {
    throw refuse(uploadRefusals.too_many_files, { limit: MAX_COMMITMENT_PHOTOS }, `每项承诺最多上传 ${MAX_COMMITMENT_PHOTOS} 张照片`);
  }
  const [photo] = await ctx.tx
    .insert(commitmentPhotos)
    .values({
      commitmentId,
      storageKey,
      mime: processed.mimeType,
      width: processed.width,
      height: processed.height,
      bytes: processed.data.length,
      createdAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'commitment.photo_add', entity: 'commitment', entityId: commitmentId, after: { photoId: photo!.id } });
  return photo!;
}
