import type Router from '@koa/router';
import { api, monthSpan } from '@zhijian/shared';
import { recordLedgerExport } from '../../commands/recordLedgerExport';
import { renderLedger } from '../../exports/renderWorkbook';
import { sendXlsx } from '../../exports/sendWorkbook';
import { authorizeUnitActivities } from '../../policies/activities';
import { presentDashboard, presentDashboardUnits, presentUnitStats } from '../../presenters/attendance';
import { advanceAttendanceFigures } from '../../attendanceFigures/keptFigures';
import { loadLedger, pageUnitsWithGroups } from '../../queries/attendance';
import { keptCountsByGroup, keptCountsByMonth, keptCountsByUnit, keptDataMonths } from '../../queries/attendanceFigures';
import { findUnit } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** Figures, ledgers and the association's dashboard. */
export function reportRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.attendance.unitStats, async ({ params, query, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const unit = await findUnit(db, params.unitId);
    await advanceAttendanceFigures(db, clock);
    const rows = await keptCountsByMonth(db, unit.id, query);
    return presentUnitStats(unit, query, rows);
  });

  mount(router, services, api.attendance.exportLedger, async ({ params, query, user, koa, run }) => {
    authorizeUnitActivities(user, params.unitId);
    const unit = await findUnit(db, params.unitId);
    const now = clock.now();
    const ledger = await loadLedger(db, unit.id, monthSpan(query.from, query.to), now);
    const { body, lines } = await renderLedger(unit.name, ledger, now);
    await run(recordLedgerExport, { unit, from: query.from, to: query.to, lines });
    sendXlsx(koa, body, `${unit.name}-活动台账-${query.from}至${query.to}.xlsx`, 'attendance.xlsx');
    return undefined;
  });

  mount(router, services, api.attendance.unitMonths, async ({ params, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const unit = await findUnit(db, params.unitId);
    await advanceAttendanceFigures(db, clock);
    return { months: await keptDataMonths(db, { unitId: unit.id }) };
  });

  mount(router, services, api.attendance.dashboardMonths, async () => {
    await advanceAttendanceFigures(db, clock);
    return { months: await keptDataMonths(db) };
  });

  mount(router, services, api.attendance.dashboard, async ({ query }) => {
    // Kept rows (at most units × months), moved to now first, summed per 片组 in the database.
    await advanceAttendanceFigures(db, clock);
    return presentDashboard(query, await keptCountsByGroup(db, query));
  });

  mount(router, services, api.attendance.dashboardUnits, async ({ query }) => {
    // A page of units, then only their kept rows: page size × months rows, whatever the association's size.
    await advanceAttendanceFigures(db, clock);
    const page = await pageUnitsWithGroups(db, query);
    const counts = await keptCountsByUnit(
      db,
      query,
      page.items.map((unit) => unit.unitId),
    );
    return presentDashboardUnits(page, counts);
  });
}
