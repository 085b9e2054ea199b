import { api } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, attendance, attendanceRequests } from '../../../server/src/db/schema';
import { loadLiveList, selectActivities } from '../../../server/src/queries/activities';
import { loadLedger } from '../../../server/src/queries/attendance';
import { at, createActivity, createHostSite } from '../../support/checkinFactories';
import { createBranch, createMember, createUnit, signedInMember } from '../../support/factories';
import { countQueries } from '../../support/queryCounter';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
const OCTOBER = { from: '2026-10', to: '2026-10' };
const span = { start: at('2026-10-01 00:00:00'), end: at('2026-11-01 00:00:00') };

/**
 * A unit with `count` activities in October 2026 — whole unit, one branch, its host site's weekly
 * meeting in turn — 4 roster members, 2 mobile members at the host site; in each activity the
 * first member is present, the second late, the third on approved leave.
 */
async function unitWithActivities(count: number) {
  const unit = await createUnit(server.db);
  const branch = await createBranch(server.db, unit.id, '第一支部');
  const roster = [];
  for (let i = 0; i < 4; i += 1) roster.push(await createMember(server.db, { unitId: unit.id, branchId: i < 2 ? branch.id : null }));
  const mobile = [
    await createMember(server.db, { unitId: unit.id, kind: 'mobile' }),
    await createMember(server.db, { unitId: unit.id, kind: 'mobile' }),
  ];
  const hostSite = await createHostSite(
    server.db,
    unit.id,
    mobile.map((member) => member.id),
  );
  const admin = await signedInMember(server, ['unit_admin'], { unitId: unit.id });
  for (let i = 0; i < count; i += 1) {
    const kind = i % 3;
    const activity = await createActivity(server.db, {
      unitId: unit.id,
      startsAt: at(`2026-10-${String(1 + i).padStart(2, '0')} 09:00:00`),
      title: `活动${i + 1}`,
      branchId: kind === 1 ? branch.id : null,
      hostSiteId: kind === 2 ? hostSite.id : null,
    });
    const people = kind === 2 ? mobile : roster;
    await server.db.insert(attendance).values([
      { activityId: activity.id, memberId: people[0]!.id, status: 'present', method: 'scan', checkedInAt: activity.startsAt },
      { activityId: activity.id, memberId: people[1]!.id, status: 'late', method: 'manual', checkedInAt: activity.startsAt },
    ]);
    if (kind !== 2) {
      await server.db.insert(attendanceRequests).values({
        activityId: activity.id,
        memberId: roster[2]!.id,
        kind: 'leave',
        reason: '出差',
        status: 'approved',
        decidedAt: activity.startsAt,
      });
    }
  }
  return { unit, admin };
}

async function exportLedger(admin: Awaited<ReturnType<typeof signedInMember>>, unitId: number) {
  const counter = countQueries(server.db);
  try {
    const url = admin.client.url(api.attendance.exportLedger, { params: { unitId }, query: OCTOBER });
    const response = await fetch(url, { headers: admin.client.headers() });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('活动台账')!.getSheetValues().slice(2);
    return { queries: counter.count, rows };
  } finally {
    counter.stop();
  }
}

let one: Awaited<ReturnType<typeof unitWithActivities>>;
let thirty: Awaited<ReturnType<typeof unitWithActivities>>;

beforeAll(async () => {
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
  server.clock.advance(at('2026-11-02 09:00:00').getTime() - server.clock.now().getTime());
  one = await unitWithActivities(1);
  thirty = await unitWithActivities(30);
});
afterAll(() => server.close());

describe('GET /api/units/:unitId/attendance-export', () => {
  it('loads a ledger of 30 activities in as many queries as a ledger of one', async () => {
    const small = await exportLedger(one.admin, one.unit.id);
    const large = await exportLedger(thirty.admin, thirty.unit.id);
    // One activity of the whole unit: 4 roster members. Of 30: 10 × 4, 10 × 2 (branch), 10 × 2 (host site).
    expect(small.rows).toHaveLength(4);
    expect(large.rows).toHaveLength(80);
    expect(small.queries).toBeGreaterThan(0);
    expect(large.queries).toBe(small.queries);
  });

  it('answers each activity the live list would, whatever it is scoped to', async () => {
    const now = server.clock.now();
    const ledger = await loadLedger(server.db, thirty.unit.id, span, now);
    expect(ledger).toHaveLength(30);
    for (const rows of ledger) {
      const [activity] = await selectActivities(server.db).where(eq(activities.id, rows.activity.id));
      const single = await loadLiveList(server.db, activity!);
      expect({ ...rows, records: rows.records.map(withoutActivityId) }).toEqual({
        ...single,
        records: single.records.map(withoutActivityId),
      });
    }
    expect(ledger.map((rows) => rows.roster.length)).toEqual(Array.from({ length: 30 }, (_, i) => [4, 2, 2][i % 3]));
    expect(ledger.flatMap((rows) => rows.onLeave)).toHaveLength(20);
  });
});

function withoutActivityId<T extends object>(record: T): Omit<T, 'activityId'> {
  const { activityId: _, ...rest } = record as T & { activityId?: number };
  return rest;
}
