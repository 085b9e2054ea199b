import { api } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceAttendanceFigures, rebuildAttendanceFigures } from '../../../server/src/attendanceFigures/keptFigures';
import { activities, attendance, attendanceRequests, hostSiteMembers, members } from '../../../server/src/db/schema';
import { attendanceCountsFromRecords } from '../../../server/src/queries/attendance';
import { listKeptFigures } from '../../../server/src/queries/attendanceFigures';
import { at, createActivity, createHostSite, setSettings } from '../../support/checkinFactories';
import { createBranch, createGroup, createMember, createUnit, signIn } from '../../support/factories';
import { seeded } from '../../support/seeded';
import { startTestServer, type TestServer } from '../../support/testServer';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let server: TestServer;
let admins: Map<number, typeof members.$inferSelect>;
let unitIds: number[];
let branchIds: Map<number, number[]>;
let siteIds: Map<number, number>;

beforeAll(async () => {
  server = await startTestServer();
  server.clock.advance(at('2026-01-03 09:00:00').getTime() - server.clock.now().getTime());
  const groupId = (await createGroup(server.db, { name: '随机片组', sortOrder: 50 })).id;
  unitIds = [];
  admins = new Map();
  branchIds = new Map();
  siteIds = new Map();
  for (let u = 0; u < 3; u += 1) {
    const unitId = (await createUnit(server.db, { groupId, name: `随机单位${u + 1}` })).id;
    unitIds.push(unitId);
    admins.set(unitId, await createMember(server.db, { unitId, roles: ['unit_admin'] }));
    branchIds.set(unitId, [(await createBranch(server.db, unitId)).id, (await createBranch(server.db, unitId)).id]);
    for (let i = 0; i < 6; i += 1) {
      await createMember(server.db, {
        unitId,
        branchId: i % 3 === 0 ? null : branchIds.get(unitId)![i % 2],
        kind: i === 5 ? 'mobile' : 'fixed',
      });
    }
  }
  siteIds.set(unitIds[0]!, (await createHostSite(server.db, unitIds[0]!)).id);
});
afterAll(() => server.close());

/** Kept rows, moved to now, against the figures computed from the records at the same moment. */
async function expectKeptEqualsRecords() {
  await advanceAttendanceFigures(server.db, server.clock);
  const kept = await listKeptFigures(server.db);
  const fromRecords = await attendanceCountsFromRecords(server.db, { now: server.clock.now() });
  expect(kept).toEqual(fromRecords);
  return kept;
}

async function randomMember(rng: ReturnType<typeof seeded>, unitId?: number) {
  const rows = await server.db
    .select({ id: members.id, unitId: members.unitId })
    .from(members)
    .where(unitId === undefined ? sql`${members.unitId} is not null` : eq(members.unitId, unitId));
  // The unit admins stay where they are: they save the rules.
  const admin = new Set([...admins.values()].map((row) => row.id));
  const candidates = rows.filter((row) => !admin.has(row.id));
  return candidates.length ? rng.pick(candidates) : undefined;
}

async function randomActivity(rng: ReturnType<typeof seeded>) {
  const rows = await server.db.select({ id: activities.id, unitId: activities.unitId, startsAt: activities.startsAt }).from(activities);
  return rows.length ? rng.pick(rows) : undefined;
}

/** One random change of the kinds that move figures, made as the product makes it (API) or as the table sees it. */
async function randomStep(rng: ReturnType<typeof seeded>, step: number): Promise<string> {
  const db = server.db;
  const now = server.clock.now();
  const kind = rng.int(14);
  const unitId = rng.pick(unitIds);
  switch (kind) {
    case 0:
    case 1: {
      // Time passes: windows close by the clock.
      server.clock.advance(rng.int(5 * DAY) + rng.int(4) * HOUR);
      return 'clock';
    }
    case 2: {
      // An activity added by hand, in the past (a make-up of a missed day) or ahead; unit, branch or host site.
      const scope = rng.int(3);
      const branchId = scope === 1 ? rng.pick(branchIds.get(unitId)!) : null;
      const hostSiteId = scope === 2 && siteIds.has(unitId) ? siteIds.get(unitId)! : null;
      await createActivity(db, {
        unitId,
        branchId,
        hostSiteId,
        startsAt: new Date(now.getTime() + (rng.int(40) - 30) * DAY + rng.int(24) * HOUR),
      });
      return 'activity';
    }
    case 3: {
      // A rule saved, changed or removed (generation touches days ahead only).
      // Signed in afresh: the clock has moved past earlier tokens.
      const { client } = await signIn(server, admins.get(unitId)!);
      const { items: rules } = await client.call(api.schedules.listRules, { params: { unitId } });
      const rule = rules.find((r) => r.scope === 'unit');
      const body = { dayOfMonth: rng.pick([5, 15, 25]), startTime: rng.pick(['09:00', '14:00']), placeName: '党群服务中心' };
      if (!rule) await client.call(api.schedules.createRule, { params: { unitId }, body });
      else if (rng.int(3) === 0) await client.call(api.schedules.deleteRule, { params: { id: rule.id } });
      else await client.call(api.schedules.updateRule, { params: { id: rule.id }, body });
      return 'rule';
    }
    case 4:
    case 5: {
      // A check-in (scan, manual or make-up), possibly after the window closed.
      const activity = await randomActivity(rng);
      const member = await randomMember(rng, rng.int(4) === 0 ? undefined : activity?.unitId);
      if (!activity || !member) return 'none';
      await db
        .insert(attendance)
        .values({
          activityId: activity.id,
          memberId: member.id,
          status: rng.pick(['present', 'late'] as const),
          method: rng.pick(['scan', 'manual', 'makeup'] as const),
          checkedInAt: now,
        })
        .onConflictDoNothing();
      return 'check-in';
    }
    case 6: {
      // A check-in revoked.
      const rows = await db.select({ id: attendance.id }).from(attendance);
      if (!rows.length) return 'none';
      await db.delete(attendance).where(eq(attendance.id, rng.pick(rows).id));
      return 'revoke';
    }
    case 7: {
      // A leave asked, approved, refused or cancelled.
      const activity = await randomActivity(rng);
      const member = activity && (await randomMember(rng, activity.unitId));
      if (!activity || !member) return 'none';
      const where = and(
        eq(attendanceRequests.activityId, activity.id),
        eq(attendanceRequests.memberId, member.id),
        eq(attendanceRequests.kind, 'leave'),
      );
      const [existing] = await db.select().from(attendanceRequests).where(where);
      if (!existing) {
        const approved = rng.int(2) === 0;
        await db.insert(attendanceRequests).values({
          activityId: activity.id,
          memberId: member.id,
          kind: 'leave',
          reason: '出差',
          status: approved ? 'approved' : 'pending',
          decidedAt: approved ? now : null,
        });
      } else if (rng.int(2) === 0) await db.delete(attendanceRequests).where(where);
      else
        await db
          .update(attendanceRequests)
          .set({ status: rng.pick(['approved', 'refused'] as const), decidedAt: now })
          .where(where);
      return 'leave';
    }
    case 8: {
      // A make-up approved: the request and the record, together.
      const activity = await randomActivity(rng);
      const member = activity && (await randomMember(rng, activity.unitId));
      if (!activity || !member) return 'none';
      await db.transaction(async (tx) => {
        await tx
          .insert(attendanceRequests)
          .values({ activityId: activity.id, memberId: member.id, kind: 'makeup', reason: '忘记扫码', status: 'approved', decidedAt: now })
          .onConflictDoNothing();
        await tx
          .insert(attendance)
          .values({ activityId: activity.id, memberId: member.id, status: 'present', method: 'makeup', checkedInAt: now })
          .onConflictDoNothing();
      });
      return 'make-up';
    }
    case 9: {
      // Roster: someone joins (perhaps without the member role), or leaves the association.
      if (rng.int(2) === 0) {
        await createMember(db, {
          unitId,
          branchId: rng.int(2) ? rng.pick(branchIds.get(unitId)!) : null,
          roles: rng.int(5) ? ['member'] : ['info_officer'],
        });
        return 'roster add';
      }
      const member = await randomMember(rng, unitId);
      if (!member) return 'none';
      await db.delete(members).where(eq(members.id, member.id));
      return 'roster remove';
    }
    case 10: {
      // Roster: moved to another branch or unit, or the member role given or taken.
      const member = await randomMember(rng);
      if (!member) return 'none';
      const change = rng.int(3);
      if (change === 0)
        await db
          .update(members)
          .set({ branchId: rng.int(3) ? rng.pick(branchIds.get(member.unitId!)!) : null })
          .where(eq(members.id, member.id));
      else if (change === 1) await db.update(members).set({ unitId, branchId: null }).where(eq(members.id, member.id));
      else
        await db
          .update(members)
          .set({ roles: rng.int(2) ? ['member'] : ['member', 'info_officer'] })
          .where(eq(members.id, member.id));
      // A name change decides nothing and marks nothing, but is made too.
      await db
        .update(members)
        .set({ name: `改名${step}` })
        .where(eq(members.id, member.id));
      return 'roster change';
    }
    case 11: {
      // A mobile member attached to or detached from the host site.
      const siteId = siteIds.get(unitIds[0]!)!;
      const member = await randomMember(rng);
      if (!member) return 'none';
      const [attached] = await db.select().from(hostSiteMembers).where(eq(hostSiteMembers.memberId, member.id));
      if (attached) await db.delete(hostSiteMembers).where(eq(hostSiteMembers.memberId, member.id));
      else await db.insert(hostSiteMembers).values({ memberId: member.id, hostSiteId: siteId });
      return 'host site';
    }
    case 12: {
      // The unit's check-in window changed: activities near now close earlier or later.
      const after = rng.pick([5, 30, 120, 240]);
      await setSettings(db, unitId, { windowAfterMinutes: after, lateAfterMinutes: Math.min(10, after) });
      return 'settings';
    }
    default: {
      // An activity moved (perhaps into another month) or removed.
      const activity = await randomActivity(rng);
      if (!activity) return 'none';
      if (rng.int(4) === 0) await db.delete(activities).where(eq(activities.id, activity.id));
      else {
        const startsAt = new Date(activity.startsAt.getTime() + (rng.int(21) - 10) * DAY + rng.int(5) * HOUR);
        await db
          .update(activities)
          .set({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) })
          .where(eq(activities.id, activity.id));
      }
      return 'move';
    }
  }
}

describe('kept attendance figures', () => {
  it('equal the figures computed from the records, and a rebuild, after a seeded random sequence of changes', async () => {
    const rng = seeded(20261202);
    const seen = new Map<string, number>();
    for (let step = 0; step < 260; step += 1) {
      const kind = await randomStep(rng, step);
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      // Sometimes the job moves the figures before the next change, sometimes changes pile up first.
      if (step % 20 === 19) await expectKeptEqualsRecords();
      else if (rng.int(4) === 0) await advanceAttendanceFigures(server.db, server.clock);
    }
    const kept = await expectKeptEqualsRecords();
    // The sequence exercised what it claims to, and the figures are not trivially empty.
    for (const kind of [
      'clock',
      'activity',
      'rule',
      'check-in',
      'revoke',
      'leave',
      'make-up',
      'roster add',
      'roster remove',
      'roster change',
      'host site',
      'settings',
      'move',
    ]) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.some((row) => row.present + row.late > 0 && row.leave > 0)).toBe(true);

    const { rows } = await rebuildAttendanceFigures(server.db, server.clock.now());
    expect(rows).toBe(kept.length);
    expect(await listKeptFigures(server.db)).toEqual(kept);
  });

  it('moves back with a clock set back, and forward again', async () => {
    const before = await expectKeptEqualsRecords();
    server.clock.advance(-20 * DAY);
    await expectKeptEqualsRecords();
    server.clock.advance(20 * DAY);
    expect(await expectKeptEqualsRecords()).toEqual(before);
  });

  it('stay equal when many writers touch the same closed month at once', async () => {
    const unitId = unitIds[1]!;
    const startsAt = new Date(server.clock.now().getTime() - 3 * DAY);
    const activity = await createActivity(server.db, { unitId, startsAt });
    const roster = await Promise.all(Array.from({ length: 24 }, () => createMember(server.db, { unitId })));
    await expectKeptEqualsRecords();
    // Each record, leave and roster change its own transaction, all at once: each waits on the
    // month's pending row and recomputes after the one before it has committed.
    await Promise.all(
      roster.map((member, i) =>
        server.db.transaction(async (tx) => {
          if (i % 3 === 0) {
            await tx.insert(attendanceRequests).values({
              activityId: activity.id,
              memberId: member.id,
              kind: 'leave',
              reason: '出差',
              status: 'approved',
              decidedAt: startsAt,
            });
          } else {
            await tx
              .insert(attendance)
              .values({ activityId: activity.id, memberId: member.id, status: 'present', method: 'manual', checkedInAt: startsAt });
          }
          if (i % 5 === 0) await createMember(tx, { unitId });
        }),
      ),
    );
    const kept = await expectKeptEqualsRecords();
    const month = kept.find((row) => row.unitId === unitId && row.present >= 16);
    expect(month).toBeDefined();
  });
});
