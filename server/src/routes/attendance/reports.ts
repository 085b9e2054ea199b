import type Router from '@koa/router';
import { api, monthSpan, monthsBetween } from '@zhijian/shared';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { selectActivities } from '../../checkin/activityQuery';
import { ledgerWorkbook, XLSX_TYPE } from '../../checkin/ledgerWorkbook';
import { attendanceCounts, figures, sumFigures } from '../../checkin/stats';
import { recordAudit } from '../../commands/recordAudit';
import { activities, groups, units } from '../../db/schema';
import { notFound } from '../../errors';
import { authorizeUnitActivities } from '../../policies/checkin';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

const ZERO = { activities: 0, expected: 0, present: 0, late: 0, leave: 0 };

/** Figures, ledgers and the association's dashboard. */
export function reportRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  async function unitNamed(unitId: number) {
    const [unit] = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, unitId));
    if (!unit) throw notFound('单位');
    return unit;
  }

  mount(router, services, api.attendance.unitStats, async ({ params, query, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const unit = await unitNamed(params.unitId);
    const span = monthSpan(query.from, query.to);
    const rows = await attendanceCounts(db, { ...span, now: clock.now(), unitId: unit.id, by: 'month' });
    const byMonth = new Map(rows.map((row) => [row.key, row]));
    const months = monthsBetween(query.from, query.to).map((month) => ({ month, ...figures(byMonth.get(month) ?? ZERO) }));
    return { unit, months, total: sumFigures(rows) };
  });

  mount(router, services, api.attendance.exportLedger, async ({ params, query, user, koa }) => {
    authorizeUnitActivities(user, params.unitId);
    const unit = await unitNamed(params.unitId);
    const span = monthSpan(query.from, query.to);
    const now = clock.now();
    const rows = await selectActivities(db)
      .where(
        and(
          eq(activities.unitId, unit.id),
          gte(activities.startsAt, span.start),
          lt(activities.startsAt, span.end),
          lt(activities.startsAt, now),
        ),
      )
      .orderBy(asc(activities.startsAt), asc(activities.id));
    const { workbook, lines } = await ledgerWorkbook(db, unit.name, rows, now);
    await recordAudit(db, {
      actor: user,
      action: 'attendance.export',
      entity: 'unit',
      entityId: unit.id,
      after: { from: query.from, to: query.to, lines },
      at: now,
    });
    const filename = `${unit.name}-活动台账-${query.from}至${query.to}.xlsx`;
    koa.set('Content-Disposition', `attachment; filename="attendance.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    koa.set('Cache-Control', 'no-store');
    koa.type = XLSX_TYPE;
    koa.body = Buffer.from(await workbook.xlsx.writeBuffer());
    return undefined;
  });

  mount(router, services, api.attendance.dashboard, async ({ query }) => {
    const span = monthSpan(query.from, query.to);
    const counts = new Map((await attendanceCounts(db, { ...span, now: clock.now(), by: 'unit' })).map((row) => [Number(row.key), row]));
    const unitRows = await db
      .select({ unitId: units.id, unitName: units.name, groupId: groups.id, groupName: groups.name, sortOrder: groups.sortOrder })
      .from(units)
      .innerJoin(groups, eq(groups.id, units.groupId))
      .orderBy(asc(groups.sortOrder), asc(units.id));
    const unitFigures = unitRows.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      groupId: u.groupId,
      groupName: u.groupName,
      ...figures(counts.get(u.unitId) ?? ZERO),
    }));
    const groupIds = [...new Set(unitRows.map((u) => u.groupId))];
    const groupFigures = groupIds.map((groupId) => {
      const members = unitFigures.filter((u) => u.groupId === groupId);
      return { groupId, groupName: members[0]!.groupName, units: members.length, ...sumFigures(members) };
    });
    return { from: query.from, to: query.to, groups: groupFigures, units: unitFigures, total: sumFigures(unitFigures) };
  });
}
