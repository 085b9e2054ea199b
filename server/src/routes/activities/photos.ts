import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { count, eq } from 'drizzle-orm';
import { loadActivity } from '../../checkin/activityQuery';
import { MAX_PHOTOS_PER_ACTIVITY, preparePhoto } from '../../checkin/photos';
import { relationOf } from '../../checkin/roster';
import { recordAudit } from '../../commands/recordAudit';
import { activityPhotos } from '../../db/schema';
import { forbidden, notFound } from '../../errors';
import { conflict, legacyError } from '../../legacyErrors';
import { authorizeUnitActivities } from '../../policies/checkin';
import { canManageUnit } from '../../policies/organisation';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

export const photoUrl = (id: number) => `/api/activity-photos/${id}`;

/** Photos with an activity's summary: the organiser uploads, whoever may see the activity views. */
export function activityPhotoRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.activities.uploadPhoto, async ({ params, file, user }) => {
    const activity = await loadActivity(db, params.id);
    authorizeUnitActivities(user, activity.unitId);
    if (!file) throw legacyError('invalid_input', '请选择要上传的照片（字段名 file）');
    const photo = await preparePhoto(file.buffer);
    return db.transaction(async (tx) => {
      const [existing] = await tx.select({ n: count() }).from(activityPhotos).where(eq(activityPhotos.activityId, activity.id));
      if ((existing?.n ?? 0) >= MAX_PHOTOS_PER_ACTIVITY) throw conflict(`每次活动最多上传 ${MAX_PHOTOS_PER_ACTIVITY} 张照片`);
      const [row] = await tx
        .insert(activityPhotos)
        .values({ activityId: activity.id, mime: photo.mime, bytes: photo.bytes, uploadedBy: user.id, createdAt: clock.now() })
        .returning({ id: activityPhotos.id });
      await recordAudit(tx, {
        actor: user,
        action: 'activity.photo_upload',
        entity: 'activity',
        entityId: activity.id,
        after: { photoId: row!.id, bytes: photo.bytes.length },
        at: clock.now(),
      });
      return { id: row!.id, url: photoUrl(row!.id) };
    });
  });

  mount(router, services, api.activities.photo, async ({ params, user, koa }) => {
    const [photo] = await db.select().from(activityPhotos).where(eq(activityPhotos.id, params.id));
    if (!photo) throw notFound('照片');
    const activity = await loadActivity(db, photo.activityId);
    if (!canManageUnit(user, activity.unitId) && !(await relationOf(db, activity, user)))
      throw forbidden('只有本单位党员、受邀嘉宾和组织者可以查看该活动');
    koa.set('Cache-Control', 'private, max-age=86400');
    koa.type = photo.mime;
    koa.body = photo.bytes;
    return undefined;
  });
}
