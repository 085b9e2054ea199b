import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { api, uploadRefusals, wishRefusals } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { addWishPhoto } from '../../commands/addWishPhoto';
import { claimWish } from '../../commands/claimWish';
import { confirmWish } from '../../commands/confirmWish';
import { createWish } from '../../commands/createWish';
import { giveUpWish } from '../../commands/giveUpWish';
import { markWishContacted } from '../../commands/markWishContacted';
import { markWishRealised } from '../../commands/markWishRealised';
import { reviewWish } from '../../commands/reviewWish';
import { revokeWishClaim } from '../../commands/revokeWishClaim';
import { takeDownWish } from '../../commands/takeDownWish';
import { checkAll } from '../../contentCheck/contentChecker';
import { forbidden, notFound, refuse } from '../../errors';
import { processImage } from '../../files/processImage';
import { storeThenRecord } from '../../files/storeThenRecord';
import { authorizeWishManager, authorizeWishView, canManageWish, wishFacts } from '../../policies/wishes';
import { presentWish, presentWishPhoto } from '../../presenters/wishes';
import { findMember } from '../../queries/members';
import { presentPage } from '../../queries/paginate';
import { findWishPhoto, findWishWithClaim, listWishes, loadWish, rankWishClaimers } from '../../queries/wishes';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 微心愿: published or asked, reviewed, claimed by one member at a time, realised, confirmed. */
export function wishRoutes(services: AppServices, router: Router): void {
  const { db, storage, contentChecker, clock } = services;

  /** The wish as the reader sees it now; a wish they may not see is a 404. */
  async function visibleWish(user: CurrentUser, id: number) {
    const rows = await loadWish(db, id);
    authorizeWishView(user, wishFacts(rows.wish, rows.claim));
    return presentWish(rows, user, clock.now());
  }

  /** Loads the wish for a step and checks the reader may see it (so others' wishes stay 404s). */
  async function seenWish(user: CurrentUser, id: number) {
    const found = await findWishWithClaim(db, id);
    authorizeWishView(user, wishFacts(found.wish, found.claim));
    return found;
  }

  async function openidOf(user: CurrentUser): Promise<string | null> {
    return (await findMember(db, user.id)).openid;
  }

  mount(router, services, api.wishes.list, async ({ query, user }) => {
    const now = clock.now();
    return presentPage(await listWishes(db, user, query, now), (rows) => presentWish(rows, user, now));
  });

  mount(router, services, api.wishes.get, async ({ params, user }) => visibleWish(user, params.id));

  mount(router, services, api.wishes.ask, async ({ body, user, run }) => {
    if (user.unitId === null) throw forbidden('只有单位名册中的党员可以提出心愿');
    const verdict = await checkAll(contentChecker, [body.title, body.reason], 'forum', await openidOf(user));
    const wish = await run(createWish, { input: body, wisher: { id: user.id, unitId: user.unitId }, scope: 'unit', asked: true, verdict });
    return visibleWish(user, wish.id);
  });

  mount(router, services, api.wishes.publish, async ({ body, user, run }) => {
    const wisher = await findMember(db, body.wisherId).catch(() => undefined);
    if (!wisher || wisher.unitId === null) throw refuse(wishRefusals.wisher_not_found);
    if (!canManageWish(user, { scope: body.scope, unitId: wisher.unitId })) {
      if (body.scope === 'association') throw forbidden('全协会的心愿由秘书处发布');
      if (user.roles.includes('unit_admin')) throw refuse(wishRefusals.wisher_not_found);
      throw forbidden('本单位的心愿由本单位的党务工作者发布');
    }
    const verdict = await checkAll(contentChecker, [body.title, body.reason], 'forum', await openidOf(user));
    const { wisherId: _wisherId, scope, ...input } = body;
    const wish = await run(createWish, { input, wisher: { id: wisher.id, unitId: wisher.unitId }, scope, asked: false, verdict });
    return visibleWish(user, wish.id);
  });

  mount(router, services, api.wishes.review, async ({ params, body, user, run }) => {
    const { wish, claim } = await seenWish(user, params.id);
    authorizeWishManager(user, wishFacts(wish, claim));
    await run(reviewWish, { wishId: wish.id, review: body });
    return visibleWish(user, wish.id);
  });

  mount(router, services, api.wishes.claim, async ({ params, user, run }) => {
    await run(claimWish, { wishId: params.id, member: user });
    return visibleWish(user, params.id);
  });

  mount(router, services, api.wishes.giveUp, async ({ params, user, run }) => {
    await seenWish(user, params.id);
    await run(giveUpWish, { wishId: params.id, memberId: user.id });
    return visibleWish(user, params.id);
  });

  mount(router, services, api.wishes.markContacted, async ({ params, user, run }) => {
    await seenWish(user, params.id);
    await run(markWishContacted, { wishId: params.id, memberId: user.id });
    return visibleWish(user, params.id);
  });

  /** Processes the image outside any transaction, stores it, then records it: the command checks again under the lock. */
  mount(router, services, api.wishes.uploadPhoto, async ({ params, file, user, run }) => {
    const { claim } = await seenWish(user, params.id);
    if (!claim || claim.memberId !== user.id || claim.status !== 'active') throw refuse(wishRefusals.not_claimer);
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要上传的照片（字段名 file）');
    const processed = await processImage(file.buffer);
    const storageKey = `wishes/${params.id}/${randomUUID()}.${processed.extension}`;
    const photo = await storeThenRecord(storage, storageKey, processed.data, () =>
      run(addWishPhoto, { wishId: params.id, memberId: user.id, storageKey, processed }),
    );
    return presentWishPhoto(photo);
  });

  mount(router, services, api.wishes.photo, async ({ params, user, koa }) => {
    const { photo, wish } = await findWishPhoto(db, params.id);
    authorizeWishView(user, wishFacts(wish.wish, wish.claim));
    const data = await storage.get(photo.storageKey);
    if (!data) throw notFound('照片');
    koa.set('Cache-Control', 'private, max-age=3600');
    koa.set('Content-Disposition', `inline; filename="wish-photo-${photo.id}"`);
    koa.type = photo.mime;
    koa.body = data;
    return undefined;
  });

  mount(router, services, api.wishes.markRealised, async ({ params, user, run }) => {
    await seenWish(user, params.id);
    await run(markWishRealised, { wishId: params.id, memberId: user.id });
    return visibleWish(user, params.id);
  });

  mount(router, services, api.wishes.confirm, async ({ params, body, user, run }) => {
    const { wish } = await seenWish(user, params.id);
    if (wish.wisherId !== user.id && !canManageWish(user, wish)) throw forbidden('只有心愿人或管理员可以确认心愿完成');
    const thankYou = body.thankYou || null;
    const verdict = await checkAll(contentChecker, [thankYou], 'comment', await openidOf(user));
    await run(confirmWish, { wishId: wish.id, thankYou, verdict });
    return visibleWish(user, wish.id);
  });

  mount(router, services, api.wishes.revokeClaim, async ({ params, body, user, run }) => {
    const { wish, claim } = await seenWish(user, params.id);
    authorizeWishManager(user, wishFacts(wish, claim));
    await run(revokeWishClaim, { wishId: wish.id, reason: body.reason });
    return visibleWish(user, wish.id);
  });

  mount(router, services, api.wishes.takeDown, async ({ params, body, user, run }) => {
    const { wish, claim } = await seenWish(user, params.id);
    authorizeWishManager(user, wishFacts(wish, claim));
    await run(takeDownWish, { wishId: wish.id, reason: body.reason });
    return visibleWish(user, wish.id);
  });

  mount(router, services, api.wishes.ranking, async ({ user }) => ({ items: await rankWishClaimers(db, user) }));
}
