import { MAX_PHOTOS_PER_ACTIVITY, uploadRefusals } from '@zhijian/shared';
import { activityPhotos } from '../db/schema';
import { refuse } from '../errors';
import { countActivityPhotos, findActivity } from '../queries/activities';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Adds a photo (already re-encoded) to an activity's summary, at most nine: the activity's row is
 * locked while they are counted, so simultaneous uploads cannot pass the limit together.
 */
export async function addActivityPhoto(
  ctx: CommandContext,
  { activityId, photo }: { activityId: number; photo: { mime: string; bytes: Buffer } },
): Promise<{ id: number }> {
  const activity = await findActivity(ctx.tx, activityId, { lock: true });
  if ((await countActivityPhotos(ctx.tx, activity.id)) >= MAX_PHOTOS_PER_ACTIVITY) {
    throw refuse(uploadRefusals.too_many_files, { limit: MAX_PHOTOS_PER_ACTIVITY }, `每次活动最多上传 ${MAX_PHOTOS_PER_ACTIVITY} 张照片`);
  }
  const [row] = await ctx.tx
    .insert(activityPhotos)
    .values({ activityId: activity.id, mime: photo.mime, bytes: photo.bytes, uploadedBy: ctx.actor?.id ?? null, createdAt: ctx.now })
    .returning({ id: activityPhotos.id });
  await audit(ctx, {
    action: 'activity.photo_upload',
    entity: 'activity',
    entityId: activity.id,
    after: { photoId: row!.id, bytes: photo.bytes.length },
  });
  return row!;
}
