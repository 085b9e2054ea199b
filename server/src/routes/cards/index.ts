import type Router from '@koa/router';
import { api, publishedAsOf, shanghaiYear } from '@zhijian/shared';
import QRCode from 'qrcode';
import { IDENTITY_CODE_TTL_SECONDS, signIdentityCode } from '../../cards/identityCode';
import { forbidden } from '../../errors';
import { canManageUnit } from '../../policies/organisation';
import { presentCard } from '../../presenters/cards';
import { loadCard } from '../../queries/cards';
import { findMember } from '../../queries/members';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/**
 * 党员卡: the member's own card is live (as of now); the card another reads — the unit admin of
 * the member's unit or the secretariat, for printing — is as of the end of last month.
 */
export function cardRoutes(services: AppServices, router: Router): void {
  const { db, clock, config } = services;

  mount(router, services, api.cards.mine, async ({ query, user }) => {
    const now = clock.now();
    const member = await findMember(db, user.id);
    return presentCard(await loadCard(db, member, query.year ?? shanghaiYear(now), now), now);
  });

  mount(router, services, api.cards.forMember, async ({ params, query, user }) => {
    const now = clock.now();
    const member = await findMember(db, params.id);
    const manages = member.unitId === null ? user.roles.includes('secretariat') : canManageUnit(user, member.unitId);
    if (!manages) throw forbidden('只能查看本单位党员的党员卡');
    return presentCard(await loadCard(db, member, query.year ?? shanghaiYear(now), publishedAsOf(now)), now);
  });

  mount(router, services, api.cards.identityCode, async ({ user }) => {
    const now = clock.now();
    const { code, expiresAt } = signIdentityCode(config.jwtSecret, user.id, now);
    const qrDataUrl = await QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
    // Refresh a few seconds before it lapses, so the code on screen is always one that scans.
    const refreshInMs = Math.max(1000, expiresAt.getTime() - now.getTime() - 5000);
    return { code, qrDataUrl, expiresAt: expiresAt.toISOString(), refreshInMs: Math.min(refreshInMs, IDENTITY_CODE_TTL_SECONDS * 1000) };
  });
}
