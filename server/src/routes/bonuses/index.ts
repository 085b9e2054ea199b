import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { api, bonusRefusals, uploadRefusals } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { addBonusPhoto } from '../../commands/addBonusPhoto';
import { declareBonus } from '../../commands/declareBonus';
import { decideBonus } from '../../commands/decideBonus';
import { forbidden, notFound, refuse } from '../../errors';
import { processImage } from '../../files/processImage';
import { sendStoredFile } from '../../files/sendStoredFile';
import { storeThenRecord } from '../../files/storeThenRecord';
import { authorizeDecisionOnOther, authorizeMemberRecordView, authorizeRecordKeeper, authorizeUnitRecords } from '../../policies/records';
import { presentBonusClaim, presentBonusPhoto } from '../../presenters/bonuses';
import { findBonusClaim, findBonusPhoto, listMemberBonusClaims, listUnitBonusClaims, loadBonusClaim } from '../../queries/bonuses';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** A member's claim (and its photos) is theirs to see; a unit's claims are its admin's and the secretariat's. */
function authorizeClaimView(user: CurrentUser, claim: { memberId: number; unitId: number }): void {
  authorizeMemberRecordView(user, claim, bonusRefusals.bonus_not_own, '只能查看本单位的加分申报');
}

/** 正向加分: members declare with photos, the unit admin approves with points or refuses with a reason. */
export function bonusRoutes(services: AppServices, router: Router): void {
  const { db, storage } = services;

  mount(router, services, api.bonuses.mine, async ({ query, user }) =>
    presentPage(await listMemberBonusClaims(db, user.id, query), presentBonusClaim),
  );

  mount(router, services, api.bonuses.declare, async ({ body, user, run }) => {
    if (user.unitId === null) throw forbidden('只有单位名册中的党员可以申报加分');
    const claim = await run(declareBonus, { member: { id: user.id, unitId: user.unitId }, input: body });
    return presentBonusClaim(await loadBonusClaim(db, claim.id));
  });

  mount(router, services, api.bonuses.get, async ({ params, user }) => {
    const claim = await loadBonusClaim(db, params.id);
    authorizeClaimView(user, claim.claim);
    return presentBonusClaim(claim);
  });

  /**
   * Checks what can be checked cheaply (whose claim, still pending) before the image is decoded,
   * processes it outside any transaction, stores it under a key of the server's making, then
   * records it — the command checks again, and counts, under the claim's lock.
   */
  mount(router, services, api.bonuses.uploadPhoto, async ({ params, file, user, run }) => {
    const claim = await findBonusClaim(db, params.id);
    if (claim.memberId !== user.id) throw refuse(bonusRefusals.bonus_not_own);
    if (claim.status !== 'pending') throw refuse(bonusRefusals.bonus_already_decided, { status: claim.status });
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要上传的照片（字段名 file）');
    const processed = await processImage(file.buffer);
    const storageKey = `bonuses/${claim.id}/${randomUUID()}.${processed.extension}`;
    const photo = await storeThenRecord(storage, storageKey, processed.data, () =>
      run(addBonusPhoto, { claimId: claim.id, memberId: user.id, storageKey, processed }),
    );
    return presentBonusPhoto(photo);
  });

  mount(router, services, api.bonuses.photo, async ({ params, user, koa }) => {
    const { photo, claim } = await findBonusPhoto(db, params.id);
    authorizeClaimView(user, claim);
    koa.set('Cache-Control', 'private, max-age=3600');
    koa.set('Content-Disposition', `inline; filename="bonus-photo-${photo.id}"`);
    if (!(await sendStoredFile(koa, storage, photo.storageKey, photo.mime))) throw notFound('照片');
    return undefined;
  });

  mount(router, services, api.bonuses.listForUnit, async ({ params, query, user }) => {
    authorizeUnitRecords(user, params.unitId);
    return presentPage(await listUnitBonusClaims(db, params.unitId, query), presentBonusClaim);
  });

  mount(router, services, api.bonuses.decide, async ({ params, body, user, run }) => {
    const claim = await findBonusClaim(db, params.id);
    authorizeRecordKeeper(user, claim.unitId);
    authorizeDecisionOnOther(user, claim, '不能审核自己的加分申报');
    await run(decideBonus, { claimId: claim.id, decision: body });
    return presentBonusClaim(await loadBonusClaim(db, claim.id));
  });
}
