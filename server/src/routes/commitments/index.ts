import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { api, commitmentRefusals, uploadRefusals } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { addCommitmentPhoto } from '../../commands/addCommitmentPhoto';
import { decideCommitment } from '../../commands/decideCommitment';
import { makeCommitment } from '../../commands/makeCommitment';
import { reportCommitment } from '../../commands/reportCommitment';
import { reviewCommitment } from '../../commands/reviewCommitment';
import { checkAll } from '../../contentCheck/contentChecker';
import { forbidden, notFound, refuse } from '../../errors';
import { processImage } from '../../files/processImage';
import { storeThenRecord } from '../../files/storeThenRecord';
import { authorizeProfileKeeper, authorizeProfileView } from '../../policies/profiles';
import { authorizeUnitRecords } from '../../policies/records';
import { presentCommitment, presentCommitmentPhoto } from '../../presenters/profiles';
import { findMember } from '../../queries/members';
import { presentPage } from '../../queries/paginate';
import {
  findCommitment,
  findCommitmentPhoto,
  listMemberCommitments,
  listUnitCommitments,
  loadCommitment,
  profileIsPublic,
  type CommitmentRow,
} from '../../queries/profiles';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 明承诺: up to three a year, reported with a note and photos, confirmed kept (or not) by the unit admin. */
export function commitmentRoutes(services: AppServices, router: Router): void {
  const { db, storage, contentChecker } = services;

  async function authorizeView(user: CurrentUser, commitment: CommitmentRow): Promise<void> {
    authorizeProfileView(user, {
      memberId: commitment.memberId,
      unitId: commitment.unitId,
      public: await profileIsPublic(db, commitment.memberId),
      held: commitment.heldReason !== null,
    });
  }

  async function openidOf(user: CurrentUser): Promise<string | null> {
    return (await findMember(db, user.id)).openid;
  }

  mount(router, services, api.commitments.mine, async ({ query, user }) =>
    presentPage(await listMemberCommitments(db, user.id, query), presentCommitment),
  );

  mount(router, services, api.commitments.make, async ({ body, user, run }) => {
    if (user.unitId === null) throw forbidden('只有单位名册中的党员可以作出承诺');
    const verdict = await checkAll(contentChecker, [body.title, body.content], 'profile', await openidOf(user));
    const row = await run(makeCommitment, { member: { id: user.id, unitId: user.unitId }, input: body, verdict });
    return presentCommitment(await loadCommitment(db, row.id));
  });

  mount(router, services, api.commitments.get, async ({ params, user }) => {
    const rows = await loadCommitment(db, params.id);
    await authorizeView(user, rows.commitment);
    return presentCommitment(rows);
  });

  mount(router, services, api.commitments.report, async ({ params, body, user, run }) => {
    const commitment = await findCommitment(db, params.id);
    if (commitment.memberId !== user.id) throw refuse(commitmentRefusals.commitment_not_own);
    const verdict = await checkAll(contentChecker, [body.note], 'profile', await openidOf(user));
    await run(reportCommitment, { commitmentId: commitment.id, memberId: user.id, note: body.note, verdict });
    return presentCommitment(await loadCommitment(db, commitment.id));
  });

  mount(router, services, api.commitments.uploadPhoto, async ({ params, file, user, run }) => {
    const commitment = await findCommitment(db, params.id);
    if (commitment.memberId !== user.id) throw refuse(commitmentRefusals.commitment_not_own);
    if (commitment.status !== 'in_progress' && commitment.status !== 'reported') {
      throw refuse(commitmentRefusals.commitment_wrong_state, { status: commitment.status });
    }
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要上传的照片（字段名 file）');
    const processed = await processImage(file.buffer);
    const storageKey = `commitments/${commitment.id}/${randomUUID()}.${processed.extension}`;
    const photo = await storeThenRecord(storage, storageKey, processed.data, () =>
      run(addCommitmentPhoto, { commitmentId: commitment.id, memberId: user.id, storageKey, processed }),
    );
    return presentCommitmentPhoto(photo);
  });

  mount(router, services, api.commitments.photo, async ({ params, user, koa }) => {
    const { photo, commitment } = await findCommitmentPhoto(db, params.id);
    await authorizeView(user, commitment);
    const data = await storage.get(photo.storageKey);
    if (!data) throw notFound('照片');
    koa.set('Cache-Control', 'private, max-age=3600');
    koa.set('Content-Disposition', `inline; filename="commitment-photo-${photo.id}"`);
    koa.type = photo.mime;
    koa.body = data;
    return undefined;
  });

  mount(router, services, api.commitments.listForUnit, async ({ params, query, user }) => {
    authorizeUnitRecords(user, params.unitId);
    return presentPage(await listUnitCommitments(db, params.unitId, query), presentCommitment);
  });

  mount(router, services, api.commitments.decide, async ({ params, body, user, run }) => {
    const commitment = await findCommitment(db, params.id);
    await authorizeView(user, commitment);
    authorizeProfileKeeper(user, commitment);
    await run(decideCommitment, { commitmentId: commitment.id, decision: body });
    return presentCommitment(await loadCommitment(db, commitment.id));
  });

  mount(router, services, api.commitments.review, async ({ params, body, user, run }) => {
    const commitment = await findCommitment(db, params.id);
    await authorizeView(user, commitment);
    authorizeProfileKeeper(user, commitment);
    await run(reviewCommitment, { commitmentId: commitment.id, approve: body.approve });
    return { ok: true as const };
  });
}
