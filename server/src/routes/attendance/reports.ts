import type Router from '@koa/router';
import { api, monthSpan } from '@zhijian/shared';
import { recordLedgerExport } from '../../commands/recordLedgerExport';
import { renderLedger } from '../../exports/renderWorkbook';
import { sendXlsx } from '../../exports/sendWorkbook';
import { authorizeUnitActivities } from '../../policies/activities';
import { presentDashboard, presentUnitStats } from '../../presenters/attendance';
import { attendanceCounts, listUnitsWithGroups, loadLedger } from '../../queries/attendance';
import { findUnit } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** Figures, ledgers and the association's dashboard. */
export function reportRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.attendance.unitStats, async ({ params, query, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const unit = await findUnit(db, params.unitId);
    const rows = await attendanceCounts(db, { ...monthSpan(query.from, query.to), now: clock.now(), unitId: unit.id, by: 'month' });
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

  mount(router, services, api.attendance.dashboard, async ({ query }) => {
    const counts = await attendanceCounts(db, { ...monthSpan(query.from, query.to), now: clock.now(), by: 'unit' });
    const units = await listUnitsWithGroups(db);
    return presentDashboard(query, units, new Map(counts.map((row) => [Number(row.key), row])));
  });
}
