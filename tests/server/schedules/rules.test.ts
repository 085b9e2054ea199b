import { api, commonRefusals, scheduleRefusals, type EndpointInput } from '@zhijian/shared';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityRules, attendance, auditLog } from '../../../server/src/db/schema';
import { at, expectRefusedSaying } from '../../support/checkinFactories';
import { createBranch, createMember, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  // Tests move the clock by hours; tokens outlive them.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(7 * 24 * 3600) });
});
afterAll(() => server.close());

const place = { placeName: '建华文创园党群服务中心', placeAddress: '杭州市上城区建华路 1 号' };
const agenda = [
  { kind: 'segment' as const, title: '创客公开课' },
  { kind: 'segment' as const, title: '创客沙龙' },
  { kind: 'party_lecture' as const, title: '党课：学习党章' },
];

async function ruleActivities(ruleId: number) {
  return server.db
    .select({
      id: activities.id,
      date: activities.occurrenceDate,
      startsAt: activities.startsAt,
      title: activities.title,
      movedFrom: activities.movedFrom,
    })
    .from(activities)
    .where(eq(activities.ruleId, ruleId))
    .orderBy(asc(activities.startsAt));
}

function setNow(local: string): void {
  server.clock.advance(at(local).getTime() - server.clock.now().getTime());
}

const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('POST /api/units/:unitId/activity-rules', () => {
  it('should require authentication', async () => {
    await expectRefused(
      server.client.call(api.schedules.createRule, { params: { unitId: 1 }, body: { dayOfMonth: 15, startTime: '14:00', ...place } }),
      commonRefusals.unauthorized,
    );
  });

  it('sets a monthly rule on the 15th and generates the next three months, in Shanghai time', async () => {
    const { member, client } = await signedInMember(server, ['member', 'unit_admin']);
    const saved = await client.call(api.schedules.createRule, {
      params: { unitId: member.unitId! },
      body: { dayOfMonth: 15, startTime: '14:00', durationMinutes: 150, title: '党员固定活动日', agenda, ...place },
    });
    expect(saved.rule).toMatchObject({
      scope: 'unit',
      cadence: 'monthly',
      dayOfMonth: 15,
      weekday: null,
      description: '每月 15 日 14:00',
      agenda,
    });
    expect(saved.generation).toEqual({ created: 3, updated: 0, removed: 0, kept: 0 });
    // The clock stands at 2026-11-20 09:00: the 15th of November has passed.
    const rows = await ruleActivities(saved.rule.id);
    expect(rows.map((r) => r.date)).toEqual(['2026-12-15', '2027-01-15', '2027-02-15']);
    expect(rows.map((r) => shanghai(r.startsAt))).toEqual(['2026-12-15 14:00', '2027-01-15 14:00', '2027-02-15 14:00']);
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity_rule.create'), eq(auditLog.entityId, String(saved.rule.id))));
    expect(audit?.actorId).toBe(member.id);
  });

  it.each([1, 10, 20, 28, 31])('refuses the %s th with a Chinese reason', async (day) => {
    const { member, client } = await signedInMember(server, ['member', 'unit_admin']);
    const failure = await expectRefusedSaying(
      client.call(api.schedules.createRule, {
        params: { unitId: member.unitId! },
        body: { dayOfMonth: day, startTime: '14:00', ...place },
      }),
      scheduleRefusals.day_not_allowed,
    );
    expect(failure.details).toEqual({ reason: 'day_not_allowed', dayOfMonth: day, allowed: [5, 15, 25] });
    expect(failure.message).toBe(`固定活动日只能定在每月 5 日、15 日或 25 日，不能定在 ${day} 日`);
    const rules = await server.db.select().from(activityRules).where(eq(activityRules.unitId, member.unitId!));
    expect(rules).toHaveLength(0);
  });

  it('refuses a missing day, a malformed time and half a coordinate', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    const issuesOf = async (body: EndpointInput<typeof api.schedules.createRule>['body']) =>
      (await expectRefused(client.call(api.schedules.createRule, { params: { unitId }, body }), commonRefusals.invalid_fields)).issues;
    expect(await issuesOf({ startTime: '14:00', ...place })).toEqual([
      expect.objectContaining({ path: 'body.dayOfMonth', label: '每月日期', message: '请选择每月 5 日、15 日或 25 日' }),
    ]);
    expect(await issuesOf({ dayOfMonth: 5, startTime: '24:00', ...place })).toEqual([
      expect.objectContaining({ path: 'body.startTime', label: '开始时间', message: '时间格式应为 HH:MM（24 小时制）' }),
    ]);
    expect(await issuesOf({ dayOfMonth: 5, startTime: '14:00', latitude: 30.2, ...place })).toEqual([
      expect.objectContaining({ path: 'body.latitude', label: '纬度', message: '经纬度需同时填写或同时留空' }),
    ]);
  });

  it('is held by a CHECK in the database too', async () => {
    const { member } = await signedInMember(server, ['unit_admin']);
    await expect(
      server.db.insert(activityRules).values({
        unitId: member.unitId!,
        cadence: 'monthly',
        dayOfMonth: 20,
        startTime: '14:00',
        durationMinutes: 60,
        title: 'x',
        placeName: 'x',
      }),
    ).rejects.toMatchObject({ cause: { code: '23514' } });
  });

  it('keeps one rule per unit: a second one is refused', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const first = await client.call(api.schedules.createRule, {
      params: { unitId: member.unitId! },
      body: { dayOfMonth: 5, startTime: '09:00', ...place },
    });
    const failure = await expectRefusedSaying(
      client.call(api.schedules.createRule, { params: { unitId: member.unitId! }, body: { dayOfMonth: 25, startTime: '09:00', ...place } }),
      scheduleRefusals.rule_exists,
    );
    expect(failure.details.ruleId).toBe(first.rule.id);
    expect(failure.message).toBe('该范围已设定固定活动日规则，请修改现有规则');
  });

  it('sets a rule for one branch of the unit, not of another unit', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const branch = await createBranch(server.db, member.unitId!, '园区第一党支部');
    const saved = await client.call(api.schedules.createRule, {
      params: { unitId: member.unitId! },
      body: { branchId: branch.id, dayOfMonth: 25, startTime: '19:00', ...place },
    });
    expect(saved.rule).toMatchObject({ scope: 'branch', branch: { id: branch.id, name: '园区第一党支部' } });
    const other = await signedInMember(server, ['unit_admin']);
    const foreignBranch = await createBranch(server.db, other.member.unitId!);
    const failure = await expectRefused(
      client.call(api.schedules.createRule, {
        params: { unitId: member.unitId! },
        body: { branchId: foreignBranch.id, dayOfMonth: 5, startTime: '19:00', ...place },
      }),
      commonRefusals.not_found,
    );
    expect(failure.resource).toBe('本单位的支部');
  });

  it('refuses a unit admin of another unit and a plain member', async () => {
    const { member } = await signedInMember(server, ['unit_admin']);
    const stranger = await signedInMember(server, ['unit_admin']);
    const failure = await expectRefusedSaying(
      stranger.client.call(api.schedules.createRule, {
        params: { unitId: member.unitId! },
        body: { dayOfMonth: 5, startTime: '09:00', ...place },
      }),
      commonRefusals.forbidden,
    );
    expect(failure.message).toBe('只能查看和管理本单位的活动');
    const plain = await signedInMember(server, ['member'], { unitId: member.unitId });
    await expectRefused(plain.client.call(api.schedules.listRules, { params: { unitId: member.unitId! } }), commonRefusals.forbidden);
  });
});

describe('weekly rules of host sites', () => {
  it('meets on Wednesdays by default and attaches only mobile members of the unit', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    const site = await client.call(api.schedules.createHostSite, { params: { unitId }, body: { name: '四季青流动党员服务站' } });
    const mobile = await createMember(server.db, { unitId, kind: 'mobile' });
    const fixed = await createMember(server.db, { unitId });
    const withMember = await client.call(api.schedules.attachMember, { params: { id: site.id }, body: { memberId: mobile.id } });
    expect(withMember.members.map((m) => m.id)).toEqual([mobile.id]);
    expect(withMember.members[0]!.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const notMobile = await expectRefusedSaying(
      client.call(api.schedules.attachMember, { params: { id: site.id }, body: { memberId: fixed.id } }),
      scheduleRefusals.member_not_mobile,
    );
    expect(notMobile).toEqual({ details: { reason: 'member_not_mobile', memberId: fixed.id }, message: '只有流动党员可以编入服务点' });

    const saved = await client.call(api.schedules.createRule, {
      params: { unitId },
      body: { hostSiteId: site.id, startTime: '19:00', durationMinutes: 90, ...place },
    });
    expect(saved.rule).toMatchObject({ scope: 'host_site', cadence: 'weekly', weekday: 3, dayOfMonth: null, description: '每周三 19:00' });
    const rows = await ruleActivities(saved.rule.id);
    // 2026-11-20 is a Friday: Wednesdays from Nov 25 up to Feb 17 (Feb 20 exclusive).
    expect(rows[0]!.date).toBe('2026-11-25');
    expect(rows.at(-1)!.date).toBe('2027-02-17');
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => new Date(`${r.date}T00:00:00Z`).getUTCDay() === 3)).toBe(true);

    const monthly = await expectRefused(
      client.call(api.schedules.createRule, {
        params: { unitId },
        body: { hostSiteId: site.id, dayOfMonth: 15, startTime: '19:00', ...place },
      }),
      commonRefusals.invalid_fields,
    );
    expect(monthly.issues).toEqual([
      expect.objectContaining({ path: 'body.dayOfMonth', message: '流动党员服务点按周安排活动，不设每月日期' }),
    ]);
    const weeklyAsMonthly = await expectRefusedSaying(
      client.call(api.schedules.updateRule, {
        params: { id: saved.rule.id },
        body: { dayOfMonth: 15, startTime: '19:00', ...place },
      }),
      scheduleRefusals.cadence_mismatch,
    );
    expect(weeklyAsMonthly).toEqual({
      details: { reason: 'cadence_mismatch', cadence: 'weekly' },
      message: '流动党员服务点按周安排活动，不设每月日期',
    });

    const detached = await client.call(api.schedules.detachMember, { params: { id: site.id }, body: { memberId: mobile.id } });
    expect(detached.members).toEqual([]);
  });
});

describe('another unit’s admin', () => {
  it('is refused at the unit’s host sites, rules and check-in settings, changing nothing', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    const site = await client.call(api.schedules.createHostSite, { params: { unitId }, body: { name: '流动党员服务站' } });
    const mobile = await createMember(server.db, { unitId, kind: 'mobile' });
    await client.call(api.schedules.attachMember, { params: { id: site.id }, body: { memberId: mobile.id } });
    const { rule } = await client.call(api.schedules.createRule, {
      params: { unitId },
      body: { dayOfMonth: 15, startTime: '14:00', ...place },
    });
    const stranger = (await signedInMember(server, ['unit_admin'])).client;
    const attempts = [
      () => stranger.call(api.schedules.listHostSites, { params: { unitId } }),
      () => stranger.call(api.schedules.createHostSite, { params: { unitId }, body: { name: '另一个服务站' } }),
      () => stranger.call(api.schedules.attachMember, { params: { id: site.id }, body: { memberId: mobile.id } }),
      () => stranger.call(api.schedules.detachMember, { params: { id: site.id }, body: { memberId: mobile.id } }),
      () => stranger.call(api.schedules.updateRule, { params: { id: rule.id }, body: { dayOfMonth: 25, startTime: '09:00', ...place } }),
      () => stranger.call(api.schedules.deleteRule, { params: { id: rule.id } }),
      () =>
        stranger.call(api.schedules.updateSettings, {
          params: { unitId },
          body: { windowBeforeMinutes: 30, windowAfterMinutes: 30, lateAfterMinutes: 10, geofence: true },
        }),
    ];
    for (const attempt of attempts) {
      expect((await expectRefusedSaying(attempt(), commonRefusals.forbidden)).message).toBe('只能查看和管理本单位的活动');
    }
    expect((await client.call(api.schedules.listHostSites, { params: { unitId } })).items).toMatchObject([
      { id: site.id, members: [{ id: mobile.id }] },
    ]);
    expect((await client.call(api.schedules.listRules, { params: { unitId } })).items).toMatchObject([{ id: rule.id, dayOfMonth: 15 }]);
    expect((await client.call(api.schedules.getSettings, { params: { unitId } })).geofence).toBe(false);
  });
});

describe('PUT /api/activity-rules/:id — keeping generated activities up to date', () => {
  it('moves untouched future occurrences to the new day and leaves past, opened and moved ones alone', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    // Start from 2026-10-01 so that one occurrence is already in the past when the rule changes.
    setNow('2026-10-01 09:00:00');
    const { rule } = await client.call(api.schedules.createRule, {
      params: { unitId },
      body: { dayOfMonth: 15, startTime: '14:00', ...place },
    });
    expect((await ruleActivities(rule.id)).map((r) => r.date)).toEqual(['2026-10-15', '2026-11-15', '2026-12-15']);

    // Oct 15 is held; the Dec 15 occurrence is moved because it clashes with something.
    setNow('2026-11-01 09:00:00');
    const dec = (await ruleActivities(rule.id)).find((r) => r.date === '2026-12-15')!;
    await client.call(api.activities.move, {
      params: { id: dec.id },
      body: { date: '2026-12-14', startTime: '14:00', reason: '15 日园区停电检修' },
    });
    const nov = (await ruleActivities(rule.id)).find((r) => r.date === '2026-11-15')!;

    const changed = await client.call(api.schedules.updateRule, {
      params: { id: rule.id },
      body: { dayOfMonth: 25, startTime: '09:30', title: '主题党日', agenda, ...place },
    });
    // Nov 15 removed; Dec 15 kept (moved); Oct 15 past is not in the horizon; Nov 25, Dec 25, Jan 25 created.
    expect(changed.generation).toEqual({ created: 3, updated: 0, removed: 1, kept: 1 });
    const rows = await ruleActivities(rule.id);
    expect(rows.map((r) => r.date)).toEqual(['2026-10-15', '2026-11-25', '2026-12-15', '2026-12-25', '2027-01-25']);
    expect(rows.find((r) => r.date === '2026-10-15')).toMatchObject({ title: '党员固定活动日' });
    expect(rows.find((r) => r.date === '2026-12-15')).toMatchObject({ title: '党员固定活动日' });
    expect(shanghai(rows.find((r) => r.date === '2026-12-15')!.startsAt)).toBe('2026-12-14 14:00');
    expect(rows.find((r) => r.date === '2026-11-25')).toMatchObject({ title: '主题党日' });
    expect(shanghai(rows.find((r) => r.date === '2026-11-25')!.startsAt)).toBe('2026-11-25 09:30');
    expect(rows.some((r) => r.id === nov.id)).toBe(false);

    // Changing only the time updates the untouched ones in place (same ids).
    const before = await ruleActivities(rule.id);
    const again = await client.call(api.schedules.updateRule, {
      params: { id: rule.id },
      body: { dayOfMonth: 25, startTime: '15:00', title: '主题党日', ...place },
    });
    expect(again.generation).toEqual({ created: 0, updated: 3, removed: 0, kept: 1 });
    const after = await ruleActivities(rule.id);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after.filter((r) => r.date?.endsWith('-25')).map((r) => shanghai(r.startsAt).slice(11))).toEqual(['15:00', '15:00', '15:00']);

    const sixteenth = await expectRefusedSaying(
      client.call(api.schedules.updateRule, { params: { id: rule.id }, body: { dayOfMonth: 16, startTime: '15:00', ...place } }),
      scheduleRefusals.day_not_allowed,
    );
    expect(sixteenth.message).toContain('不能定在 16 日');
    const monthlyOnWeekday = await expectRefusedSaying(
      client.call(api.schedules.updateRule, { params: { id: rule.id }, body: { weekday: 3, startTime: '15:00', ...place } }),
      scheduleRefusals.cadence_mismatch,
    );
    expect(monthlyOnWeekday.message).toBe('单位和支部的固定活动日按月安排，不设星期');
    expect((await ruleActivities(rule.id)).map((r) => r.id)).toEqual(after.map((r) => r.id));
  });

  it('crosses the year end and keeps an opened occurrence when the rule changes', async () => {
    setNow('2026-12-20 10:00:00');
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const { rule } = await client.call(api.schedules.createRule, {
      params: { unitId: member.unitId! },
      body: { dayOfMonth: 5, startTime: '14:00', ...place },
    });
    const rows = await ruleActivities(rule.id);
    expect(rows.map((r) => r.date)).toEqual(['2027-01-05', '2027-02-05', '2027-03-05']);
    await server.db.update(activities).set({ checkinOpenedAt: server.clock.now() }).where(eq(activities.id, rows[0]!.id));
    const changed = await client.call(api.schedules.updateRule, {
      params: { id: rule.id },
      body: { dayOfMonth: 25, startTime: '14:00', ...place },
    });
    expect(changed.generation).toEqual({ created: 3, updated: 0, removed: 2, kept: 1 });
    expect((await ruleActivities(rule.id)).map((r) => r.date)).toEqual(['2026-12-25', '2027-01-05', '2027-01-25', '2027-02-25']);
  });

  it('keeps an occurrence somebody was checked in to by hand before its start, with the record', async () => {
    setNow('2027-03-01 09:00:00');
    const { member, client } = await signedInMember(server, ['member', 'unit_admin']);
    const unitId = member.unitId!;
    const { rule } = await client.call(api.schedules.createRule, {
      params: { unitId },
      body: { dayOfMonth: 5, startTime: '14:00', ...place },
    });
    const first = (await ruleActivities(rule.id))[0]!;
    expect(first.date).toBe('2027-03-05');
    // 20 minutes before the start: the window is open, check-in was never opened with a code.
    setNow('2027-03-05 13:40:00');
    const attendee = await createMember(server.db, { unitId });
    const record = await client.call(api.checkins.manual, { params: { id: first.id }, body: { memberId: attendee.id } });

    // The rule drops the 5th: the attended occurrence is kept, not removed.
    const changed = await client.call(api.schedules.updateRule, {
      params: { id: rule.id },
      body: { dayOfMonth: 25, startTime: '14:00', ...place },
    });
    expect(changed.generation).toMatchObject({ removed: 2, kept: 1 });
    const rows = await ruleActivities(rule.id);
    expect(rows.find((r) => r.id === first.id)).toMatchObject({ date: '2027-03-05', title: first.title });
    expect(shanghai(rows.find((r) => r.id === first.id)!.startsAt)).toBe('2027-03-05 14:00');
    const [kept] = await server.db
      .select({ id: attendance.id, activityId: attendance.activityId })
      .from(attendance)
      .where(eq(attendance.id, record.id));
    expect(kept).toEqual({ id: record.id, activityId: first.id });

    // Back to the 5th at another time: the attended occurrence keeps its time too.
    const again = await client.call(api.schedules.updateRule, {
      params: { id: rule.id },
      body: { dayOfMonth: 5, startTime: '09:00', ...place },
    });
    expect(again.generation.kept).toBeGreaterThanOrEqual(1);
    expect(shanghai((await ruleActivities(rule.id)).find((r) => r.id === first.id)!.startsAt)).toBe('2027-03-05 14:00');
  });

  it('deletes a rule with its untouched occurrences and keeps held ones', async () => {
    setNow('2027-01-02 10:00:00');
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const { rule } = await client.call(api.schedules.createRule, {
      params: { unitId: member.unitId! },
      body: { dayOfMonth: 5, startTime: '14:00', ...place },
    });
    setNow('2027-01-06 10:00:00');
    const colleague = await signedInMember(server, ['unit_admin'], { unitId: member.unitId });
    const removed = await colleague.client.call(api.schedules.deleteRule, { params: { id: rule.id } });
    expect(removed).toEqual({ created: 0, updated: 0, removed: 2, kept: 0 });
    const left = await server.db
      .select({ date: activities.occurrenceDate, ruleId: activities.ruleId })
      .from(activities)
      .where(eq(activities.unitId, member.unitId!));
    expect(left).toEqual([{ date: '2027-01-05', ruleId: null }]);
  });
});
