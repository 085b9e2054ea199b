import type Router from '@koa/router';
import { api, uploadRefusals } from '@zhijian/shared';
import { addActivityPhoto } from '../../commands/addActivityPhoto';
import { refuse } from '../../errors';
import { processActivityPhoto } from '../../files/processActivityPhoto';
import { sendFile } from '../../files/sendStoredFile';
import { authorizeActivityView, authorizeUnitActivities } from '../../policies/activities';
import { photoUrl } from '../../presenters/activities';
import { findActivity, findActivityPhoto } from '../../queries/activities';
import { relationOf } from '../../queries/activityRosters';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { bufferReader } from '../../storage/fileStorage';

/** Photos with an activity's summary: the organiser uploads, whoever may see the activity views. */
export function activityPhotoRoutes(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.activities.uploadPhoto, async ({ params, file, user, run }) => {
    const activity = await findActivity(db, params.id);
    authorizeUnitActivities(user, activity.unitId);
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要上传的照片（字段名 file）');
    const photo = await processActivityPhoto(file.buffer);
    const row = await run(addActivityPhoto, { activityId: activity.id, photo });
    return { id: row.id, url: photoUrl(row.id) };
  });

  mount(router, services, api.activities.photo, async ({ params, user, koa }) => {
    const photo = await findActivityPhoto(db, params.id);
    const activity = await findActivity(db, photo.activityId);
    authorizeActivityView(user, activity, await relationOf(db, activity, user));
    koa.set('Cache-Control', 'private, max-age=86400');
    await sendFile(koa, bufferReader(photo.bytes), photo.mime);
    return undefined;
  });
}
