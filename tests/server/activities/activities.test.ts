import { activityRefusals, api, checkinRefusals, commonRefusals } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, auditLog } from '../../../server/src/db/schema';
import { at, codeFor, createActivity, createHostSite, expectRefusedSaying } from '../../support/checkinFactories';
import { createBranch, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  // Tests move the clock by hours; tokens outlive them.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(7 * 24 * 3600) });
});
afterAll(() => server.close());

function setNow(local: string): void {
  server.clock.advance(at(local).getTime() - server.clock.now().getTime());
}

const place = { placeName: '建华文创园党群服务中心', placeAddress: '杭州市上城区建华路 1 号' };

describe('GET /api/units/:unitId/activities', () => {
  it('lists the unit’s activities in a date range with their windows and phases', async () => {
    setNow('2026-11-25 13:40:00');
    const organiser = await signedInMember(server, ['unit_admin']);
    const unitId = organiser.member.unitId!;
    const open = await createActivity(server.db, { unitId, startsAt: at('2026-11-25 14:00:00'), title: '签到中的活动' });
    await createActivity(server.db, { unitId, startsAt: at('2026-12-25 14:00:00'), title: '下个月的活动' });
    await createActivity(server.db, { unitId, startsAt: at('2026-10-25 14:00:00'), title: '上个月的活动' });
    const list = await organiser.client.call(api.activities.listForUnit, { params: { unitId }, query: {} });
    expect(list.items.map((a) => [a.title, a.phase])).toEqual([
      ['签到中的活动', 'checkin_ready'],
      ['下个月的活动', 'upcoming'],
    ]);
    // 签到中 once the organiser opens it (the code page), not merely because the window is open.
    await organiser.client.call(api.activities.code, { params: { id: open.id } });
    const opened = await organiser.client.call(api.activities.listForUnit, { params: { unitId }, query: {} });
    expect(opened.items[0]).toMatchObject({ title: '签到中的活动', phase: 'checkin_open' });
    expect(list.items[0]!.window).toEqual({
      opensAt: at('2026-11-25 13:30:00').toISOString(),
      closesAt: at('2026-11-25 14:30:00').toISOString(),
      lateAfter: at('2026-11-25 14:10:00').toISOString(),
    });
    expect(list.items[0]!.id).toBe(open.id);
    const october = await organiser.client.call(api.activities.listForUnit, {
      params: { unitId },
      query: { from: '2026-10-01', to: '2026-10-31' },
    });
    expect(october.items.map((a) => [a.title, a.phase])).toEqual([['上个月的活动', 'ended']]);
    const backwards = await expectRefused(
      organiser.client.call(api.activities.listForUnit, { params: { unitId }, query: { from: '2026-10-31', to: '2026-10-01' } }),
      commonRefusals.invalid_fields,
    );
    expect(backwards.issues).toEqual([expect.objectContaining({ path: 'query.to', message: '结束日期不能早于开始日期' })]);
    const impossible = await expectRefused(
      organiser.client.call(api.activities.listForUnit, { params: { unitId }, query: { from: '2026-02-30' } }),
      commonRefusals.invalid_fields,
    );
    expect(impossible.issues).toEqual([
      expect.objectContaining({ path: 'query.from', label: '开始日期', message: '日期格式应为 YYYY-MM-DD' }),
    ]);
  });
});

describe('GET /api/me/activities and GET /api/activities/:id', () => {
  it('lists my upcoming activities with my standing, and shows an activity only to those who take part or organise', async () => {
    setNow('2026-11-01 09:00:00');
    const organiser = await signedInMember(server, ['unit_admin']);
    const unitId = organiser.member.unitId!;
    const member = await signedInMember(server, ['member'], { unitId });
    const nov5 = await createActivity(server.db, { unitId, startsAt: at('2026-11-05 14:00:00'), title: '党员大讨论' });
    const mine = await member.client.call(api.activities.mine, {});
    expect(mine.items.find((a) => a.id === nov5.id)).toMatchObject({
      title: '党员大讨论',
      relation: 'roster',
      myStatus: 'waiting',
      canRequestLeave: true,
      phase: 'upcoming',
    });
    const detail = await member.client.call(api.activities.get, { params: { id: nov5.id } });
    expect(detail).toMatchObject({ id: nov5.id, canOrganise: false, mine: { relation: 'roster', myStatus: 'waiting' }, photos: [] });
    expect((await organiser.client.call(api.activities.get, { params: { id: nov5.id } })).canOrganise).toBe(true);

    const outsider = await signedInMember(server, ['member']);
    expect((await outsider.client.call(api.activities.mine, {})).items).toEqual([]);
    const refused = await expectRefusedSaying(
      outsider.client.call(api.activities.get, { params: { id: nov5.id } }),
      commonRefusals.forbidden,
    );
    expect(refused.message).toBe('只有本单位党员、受邀嘉宾和组织者可以查看该活动');
    const missing = await expectRefused(member.client.call(api.activities.get, { params: { id: 987_654 } }), commonRefusals.not_found);
    expect(missing.resource).toBe('活动');
  });
});

describe('POST /api/activities/:id/move', () => {
  it('moves an occurrence with a recorded reason, and refuses to move a held one', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const now = server.clock.now();
    const activity = await createActivity(server.db, { unitId: member.unitId!, startsAt: new Date(now.getTime() + 5 * 86400_000) });
    const moved = await client.call(api.activities.move, {
      params: { id: activity.id },
      body: { date: '2027-03-26', startTime: '14:00', reason: '25 日是星期日' },
    });
    expect(moved.moved).toEqual({ from: activity.startsAt.toISOString(), reason: '25 日是星期日' });
    expect(moved.startsAt).toBe(at('2027-03-26 14:00:00').toISOString());
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.move'), eq(auditLog.entityId, String(activity.id))));
    expect(audit?.after).toMatchObject({ reason: '25 日是星期日' });
    const { issues } = await expectRefused(
      client.call(api.activities.move, { params: { id: activity.id }, body: { date: '2027-03-27', startTime: '14:00', reason: '' } }),
      commonRefusals.invalid_fields,
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'body.reason', label: '调整原因', message: '请写明调整原因' })]);

    const held = await createActivity(server.db, { unitId: member.unitId!, startsAt: new Date(now.getTime() - 3600_000) });
    const failure = await expectRefusedSaying(
      client.call(api.activities.move, { params: { id: held.id }, body: { date: '2027-03-27', startTime: '14:00', reason: '补开' } }),
      checkinRefusals.activity_held,
    );
    expect(failure.message).toBe('活动已开始、已开启签到或已有人签到，不能再调整时间');
  });

  it('refuses to move an activity someone already checked in to, or into the past', async () => {
    setNow('2026-11-25 13:40:00');
    const organiser = await signedInMember(server, ['member', 'unit_admin']);
    const unitId = organiser.member.unitId!;
    const opened = await createActivity(server.db, { unitId, startsAt: at('2026-11-25 14:00:00') });
    await organiser.client.call(api.checkins.checkIn, { body: { token: codeFor(opened.id, server.clock.now()) } });
    await expectRefused(
      organiser.client.call(api.activities.move, {
        params: { id: opened.id },
        body: { date: '2026-11-26', startTime: '14:00', reason: '改期' },
      }),
      checkinRefusals.activity_held,
    );
    const later = await createActivity(server.db, { unitId, startsAt: at('2026-12-05 14:00:00') });
    const past = await expectRefusedSaying(
      organiser.client.call(api.activities.move, {
        params: { id: later.id },
        body: { date: '2026-11-25', startTime: '09:00', reason: '改期' },
      }),
      activityRefusals.moved_into_past,
    );
    expect(past).toEqual({
      details: { reason: 'moved_into_past', startsAt: at('2026-11-25 09:00:00').toISOString() },
      message: '调整后的时间须在当前时间之后',
    });
    const [row] = await server.db.select().from(activities).where(eq(activities.id, later.id));
    expect(row).toMatchObject({ movedFrom: null, startsAt: at('2026-12-05 14:00:00') });
  });
});

describe('POST /api/units/:unitId/activities and PATCH /api/activities/:id', () => {
  it('adds an extra activity on any day and edits its agenda, materials and summary', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const created = await client.call(api.activities.createExtra, {
      params: { unitId: member.unitId! },
      body: {
        title: '七一主题党日',
        date: '2027-07-01',
        startTime: '09:00',
        agenda: [{ kind: 'branch_general_meeting', title: '支部党员大会' }],
        ...place,
      },
    });
    expect(created).toMatchObject({
      origin: 'extra',
      title: '七一主题党日',
      startsAt: at('2027-07-01 09:00:00').toISOString(),
      canOrganise: true,
    });
    const edited = await client.call(api.activities.update, {
      params: { id: created.id },
      body: { materials: '《党章》第一章', summary: '到会 12 人，学习党章并开展讨论。' },
    });
    expect(edited).toMatchObject({
      title: '七一主题党日',
      agenda: [{ kind: 'branch_general_meeting', title: '支部党员大会' }],
      materials: '《党章》第一章',
      summary: '到会 12 人，学习党章并开展讨论。',
    });
    const [update] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.update'), eq(auditLog.entityId, String(created.id))));
    expect(update).toMatchObject({
      before: { materials: '', summary: '' },
      after: { materials: '《党章》第一章', summary: '到会 12 人，学习党章并开展讨论。' },
    });
    const count = await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(created.id)));
    expect(count[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('refuses an extra activity of another unit, for another unit’s branch or host site, or for a branch and a host site at once', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    const body = { title: '七一主题党日', date: '2027-07-01', startTime: '09:00', ...place };
    const stranger = await signedInMember(server, ['unit_admin']);
    const foreign = await expectRefusedSaying(
      stranger.client.call(api.activities.createExtra, { params: { unitId }, body }),
      commonRefusals.forbidden,
    );
    expect(foreign.message).toBe('只能查看和管理本单位的活动');
    const foreignBranch = await createBranch(server.db, stranger.member.unitId!);
    const branch404 = await expectRefused(
      client.call(api.activities.createExtra, { params: { unitId }, body: { ...body, branchId: foreignBranch.id } }),
      commonRefusals.not_found,
    );
    expect(branch404.resource).toBe('本单位的支部');
    const foreignSite = await createHostSite(server.db, stranger.member.unitId!);
    const site404 = await expectRefused(
      client.call(api.activities.createExtra, { params: { unitId }, body: { ...body, hostSiteId: foreignSite.id } }),
      commonRefusals.not_found,
    );
    expect(site404.resource).toBe('本单位的流动党员服务点');
    const branch = await createBranch(server.db, unitId);
    const site = await createHostSite(server.db, unitId);
    const both = await expectRefused(
      client.call(api.activities.createExtra, { params: { unitId }, body: { ...body, branchId: branch.id, hostSiteId: site.id } }),
      commonRefusals.invalid_fields,
    );
    expect(both.issues).toEqual([
      expect.objectContaining({ path: 'body.hostSiteId', message: '活动只能属于单位、某个支部或某个服务点之一' }),
    ]);
    const halfPlace = await expectRefused(
      client.call(api.activities.createExtra, { params: { unitId }, body: { ...body, latitude: 30.27 } }),
      commonRefusals.invalid_fields,
    );
    expect(halfPlace.issues).toEqual([expect.objectContaining({ path: 'body.latitude', message: '经纬度需同时填写或同时留空' })]);
    const count = await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(activities)
      .where(eq(activities.unitId, unitId));
    expect(count[0]!.n).toBe(0);
  });

  it('refuses editing or moving an activity to another unit’s admin', async () => {
    const { member } = await signedInMember(server, ['unit_admin']);
    const activity = await createActivity(server.db, {
      unitId: member.unitId!,
      startsAt: new Date(server.clock.now().getTime() + 5 * 86400_000),
    });
    const stranger = await signedInMember(server, ['unit_admin']);
    await expectRefused(
      stranger.client.call(api.activities.update, { params: { id: activity.id }, body: { title: '改名' } }),
      commonRefusals.forbidden,
    );
    await expectRefused(
      stranger.client.call(api.activities.move, {
        params: { id: activity.id },
        body: { date: '2027-03-26', startTime: '14:00', reason: '调整时间' },
      }),
      commonRefusals.forbidden,
    );
  });

  it('refuses an empty change, an empty name or place and a too-short activity, naming the field, changing nothing', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const created = await client.call(api.activities.createExtra, {
      params: { unitId: member.unitId! },
      body: { title: '党课', date: '2027-07-01', startTime: '09:00', ...place },
    });
    const nothing = await expectRefused(
      client.call(api.activities.update, { params: { id: created.id }, body: {} }),
      commonRefusals.invalid_fields,
    );
    expect(nothing.issues).toEqual([expect.objectContaining({ message: '请填写要修改的内容' })]);
    const noName = await expectRefused(
      client.call(api.activities.update, { params: { id: created.id }, body: { title: '  ' } }),
      commonRefusals.invalid_fields,
    );
    expect(noName.issues).toEqual([expect.objectContaining({ path: 'body.title', label: '活动名称', message: '请填写活动名称' })]);
    const noPlace = await expectRefused(
      client.call(api.activities.update, { params: { id: created.id }, body: { placeName: '' } }),
      commonRefusals.invalid_fields,
    );
    expect(noPlace.issues).toEqual([expect.objectContaining({ path: 'body.placeName', label: '活动地点', message: '请填写活动地点' })]);
    const tooShort = await expectRefused(
      client.call(api.activities.createExtra, {
        params: { unitId: member.unitId! },
        body: { title: '党课', date: '2027-07-02', startTime: '09:00', durationMinutes: 5, ...place },
      }),
      commonRefusals.invalid_fields,
    );
    expect(tooShort.issues).toEqual([
      expect.objectContaining({ path: 'body.durationMinutes', label: '活动时长', message: '活动时长至少 15 分钟' }),
    ]);
    expect(await client.call(api.activities.get, { params: { id: created.id } })).toMatchObject({
      title: '党课',
      placeName: place.placeName,
    });
  });
});
