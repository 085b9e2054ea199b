import type Router from '@koa/router';
import { api, shanghaiYear } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../commands/recordAudit';
import { transitionEntry } from '../../commands/transitionEntry';
import { calls, units } from '../../db/schema';
import { conflict } from '../../legacyErrors';
import { addSheet, sendWorkbook } from '../../exports/sendWorkbook';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { newsCounts } from '../../submissions/newsCounts';
import { placeEntryInBulletin } from '../../submissions/placeInBulletin';
import { findEntry } from '../entries';

/** 信息报送: the secretariat adopts items into the 简报; counts per unit and officer by year. */
export function newsRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.news.adopt, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const entry = await findEntry(tx, params.id, true);
      const [call] = await tx.select({ kind: calls.kind }).from(calls).where(eq(calls.id, entry.callId));
      if (call!.kind !== 'news') throw conflict('只有信息报送可以采用进简报');
      const now = clock.now();
      await transitionEntry(tx, entry, 'adopt', { actor: user, at: now, bySecretariat: true });
      const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, entry.unitId));
      return placeEntryInBulletin(tx, {
        entry,
        unitName: unit!.name,
        issueId: body.issueId,
        section: body.section,
        kind: 'adopted',
        actor: user,
        at: now,
      });
    }),
  );

  mount(router, services, api.news.counts, async ({ query }) => newsCounts(db, query.year ?? shanghaiYear(clock.now())));

  mount(router, services, api.news.exportCounts, async ({ query, user, koa }) => {
    const counts = await newsCounts(db, query.year ?? shanghaiYear(clock.now()));
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
    await recordAudit(db, {
      actor: user,
      action: 'news.export',
      entity: 'news',
      entityId: counts.year,
      after: { units: counts.units.length },
      at: clock.now(),
    });
    await sendWorkbook(koa, workbook, `${counts.year}年信息报送统计.xlsx`, `news-${counts.year}.xlsx`);
    return undefined;
  });

  return router;
}
