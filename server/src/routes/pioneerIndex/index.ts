import type Router from '@koa/router';
import { api, publishedAsOf } from '@zhijian/shared';
import { closeIndexYear } from '../../commands/closeIndexYear';
import { recordIndexExport } from '../../commands/recordIndexExport';
import { distributionWorkbook, unitIndexWorkbook } from '../../exports/indexWorkbooks';
import { sendWorkbook } from '../../exports/sendWorkbook';
import { authorizeUnitRecords } from '../../policies/records';
import { presentClosedYear, presentDistribution, presentUnitIndexes } from '../../presenters/pioneerIndex';
import { listIndexYears, loadDistribution, loadUnitIndexes } from '../../queries/pioneerIndex';
import { findUnit } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/**
 * 先锋指数 as others see it: a unit's list and the association's distribution, always as of the
 * end of last month (`publishedAsOf`), never live; a closed year answers its snapshot.
 */
export function pioneerIndexRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  async function unitIndexes(user: Parameters<typeof authorizeUnitRecords>[0], unitId: number, year: number) {
    authorizeUnitRecords(user, unitId);
    const unit = await findUnit(db, unitId);
    return { unit, indexes: presentUnitIndexes(await loadUnitIndexes(db, unitId, year, publishedAsOf(clock.now()))) };
  }

  mount(router, services, api.pioneerIndex.forUnit, async ({ params, query, user }) => {
    return (await unitIndexes(user, params.unitId, query.year)).indexes;
  });

  mount(router, services, api.pioneerIndex.exportForUnit, async ({ params, query, user, koa, run }) => {
    const { unit, indexes } = await unitIndexes(user, params.unitId, query.year);
    await run(recordIndexExport, { unit, year: query.year, lines: indexes.rows.length });
    await sendWorkbook(koa, unitIndexWorkbook(unit.name, indexes), `${unit.name}-${query.year}年度先锋指数.xlsx`, 'pioneer-index.xlsx');
    return undefined;
  });

  mount(router, services, api.pioneerIndex.distribution, async ({ query }) => {
    return presentDistribution(await loadDistribution(db, query.year, publishedAsOf(clock.now())));
  });

  mount(router, services, api.pioneerIndex.exportDistribution, async ({ query, koa }) => {
    const distribution = presentDistribution(await loadDistribution(db, query.year, publishedAsOf(clock.now())));
    await sendWorkbook(koa, distributionWorkbook(distribution), `${query.year}年度先锋指数分布.xlsx`, 'pioneer-index-distribution.xlsx');
    return undefined;
  });

  mount(router, services, api.pioneerIndex.years, async () => {
    return { items: (await listIndexYears(db)).map(presentClosedYear) };
  });

  mount(router, services, api.pioneerIndex.closeYear, async ({ params, user, run }) => {
    const { row, members } = await run(closeIndexYear, { year: params.year });
    return presentClosedYear({ ...row, closedBy: user.name, members });
  });
}
