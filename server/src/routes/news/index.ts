import type Router from '@koa/router';
import { api, shanghaiYear } from '@zhijian/shared';
import { adoptNews } from '../../commands/adoptNews';
import { markNewsFalse } from '../../commands/markNewsFalse';
import { recordExport } from '../../commands/recordExport';
import { sendWorkbook } from '../../exports/sendWorkbook';
import { sheetSpec } from '../../exports/workbookSpec';
import { presentNewsCounts } from '../../presenters/news';
import { loadNewsCounts } from '../../queries/news';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 信息报送: the secretariat adopts items into the 简报; counts per unit and officer by year. */
export function newsRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.news.adopt, async ({ params, body, run }) => run(adoptNews, { entryId: params.id, input: body }));

  mount(router, services, api.news.markFalse, async ({ params, body, run }) => run(markNewsFalse, { entryId: params.id, note: body.note }));

  mount(router, services, api.news.counts, async ({ query }) =>
    presentNewsCounts(await loadNewsCounts(db, query.year ?? shanghaiYear(clock.now()))),
  );

  mount(router, services, api.news.exportCounts, async ({ query, koa, run }) => {
    const counts = presentNewsCounts(await loadNewsCounts(db, query.year ?? shanghaiYear(clock.now())));
    const byUnit = sheetSpec(
      '按单位',
      [
        { header: '单位', width: 28 },
        { header: '片组', width: 10 },
        { header: '报送', width: 8 },
        { header: '采用', width: 8 },
      ],
      counts.units.map((row) => [row.unitName, row.groupName, row.reported, row.adopted]),
    );
    const byOfficer = sheetSpec(
      '按信息员',
      [
        { header: '信息员', width: 12 },
        { header: '单位', width: 28 },
        { header: '报送', width: 8 },
        { header: '采用', width: 8 },
      ],
      counts.officers.map((row) => [row.name, row.unitName, row.reported, row.adopted]),
    );
    await run(recordExport, { action: 'news.export', entity: 'news', entityId: counts.year, after: { units: counts.units.length } });
    await sendWorkbook(koa, { sheets: [byUnit, byOfficer] }, `${counts.year}年信息报送统计.xlsx`, `news-${counts.year}.xlsx`);
    return undefined;
  });

  return router;
}
