import { MAX_UNSENT_LETTER_PHOTOS, UNSENT_LETTER_PHOTO_HOURS, uploadRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { letterPhotos, members } from '../db/schema';
import { refuse } from '../errors';
import type { ProcessedFile } from '../files/processImage';
import { countUnsentLetterPhotos, type LetterPhotoRow } from '../queries/letters';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Records a stored photo as the member's, for a letter not yet written. At most
 * MAX_UNSENT_LETTER_PHOTOS uploaded in the last day wait unsent, counted under the member's row lock
 * so uploads at once queue.
 * The audit entry names no one: the photo may go with an anonymous letter.
 */
export async function addLetterPhoto(
  ctx: CommandContext,
  { uploaderId, storageKey, processed }: { uploaderId: number; storageKey: string; processed: ProcessedFile },
): Promise<LetterPhotoRow> {
  await ctx.tx.select({ id: members.id }).from(members).where(eq(members.id, uploaderId)).for('update');
  const since = new Date(ctx.now.getTime() - UNSENT_LETTER_PHOTO_HOURS * 3600_000);
  if ((await countUnsentLetterPhotos(ctx.tx, uploaderId, since)) >= MAX_UNSENT_LETTER_PHOTOS) {
    throw refuse(
      uploadRefusals.too_many_files,
      { limit: MAX_UNSENT_LETTER_PHOTOS },
      `未寄出的信件照片最多 ${MAX_UNSENT_LETTER_PHOTOS} 张，请先寄出或重新写信`,
    );
  }
  const [photo] = await ctx.tx
    .insert(letterPhotos)
    .values({
      uploaderId,
      storageKey,
      mime: processed.mimeType,
      width: processed.width,
      height: processed.height,
      bytes: processed.data.length,
      createdAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'letter.photo_upload', entity: 'letter_photo', entityId: photo!.id, hideActor: true });
  return photo!;
}
