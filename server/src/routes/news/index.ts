import type Router from '@koa/router';
import { api, shanghaiYear } from '@zhijian/shared';
import ExcelJS from 'exceljs';
import { adoptNews } from '../../commands/adoptNews';
import { markNewsFalse } from '../../commands/markNewsFalse';
import { recordExport } from '../../commands/recordExport';
import { addSheet, sendWorkbook } from '../../exports/sendWorkbook';
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
    const workbook = new ExcelJS.Workbook();
    const byUnit = addSheet(workbook, '按单位', [
      { header: '单位', key: 'unitName', width: 28 },
      { header: '片组', key: 'groupName', width: 10 },
      { header: '报送', key: 'reported', width: 8 },
      { header: '采用', key: 'adopted', width: 8 },
    ]);
    counts.units.forEach((row) => byUnit.addRow(row));
    const byOfficer = addSheet(workbook, '按信息员', [
      { header: '信息员', key: 'name', width: 12 },
      { header: '单位', key: 'unitName', width: 28 },
      { header: '报送', key: 'reported', width: 8 },
      { header: '采用', key: 'adopted', width: 8 },
    ]);
    counts.officers.forEach((row) => byOfficer.addRow(row));
    await run(recordExport, { action: 'news.export', entity: 'news', entityId: counts.year, after: { units: counts.units.length } });
    await sendWorkbook(koa, workbook, `${counts.year}年信息报送统计.xlsx`, `news-${counts.year}.xlsx`);
    return undefined;
  });

  return router;
}
