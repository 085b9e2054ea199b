import { letterRefusals } from '@zhijian/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { letterPhotos } from '../db/schema';
import { refuse } from '../errors';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Deletes a photo its uploader took out of a letter not yet sent; its bytes go once that has
 * committed. One already sent with a letter, or someone else's, is refused alike. The audit entry
 * names no one: the photo might have gone with an anonymous letter.
 */
export async function removeLetterPhoto(
  ctx: CommandContext,
  { uploaderId, photoId }: { uploaderId: number; photoId: number },
): Promise<void> {
  const [removed] = await ctx.tx
    .delete(letterPhotos)
    .where(and(eq(letterPhotos.id, photoId), eq(letterPhotos.uploaderId, uploaderId), isNull(letterPhotos.letterId)))
    .returning({ storageKey: letterPhotos.storageKey });
  if (!removed) throw refuse(letterRefusals.photo_not_removable);
  await audit(ctx, { action: 'letter.photo_remove', entity: 'letter_photo', entityId: photoId, hideActor: true });
  ctx.afterCommit(() => ctx.services.storage.delete(removed.storageKey));
}
