import { api, commonRefusals, DEFAULT_RECORD_SETTINGS, type RecordSettings } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyIdentityCode } from '../../../server/src/cards/identityCode';
import { articleReads, benefits, recordSettings } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { at, createActivity } from '../../support/checkinFactories';
import { createBranch, createMember, signedInMember } from '../../support/factories';
import { approvedLeave, declareAndApprove, ledgerRow, present } from '../../support/indexFactories';
import { outsider, setClock, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../support/testServer';

/** The clock stands at 2026-11-20 09:00 (Shanghai): others see the card as of 2026-11-01 00:00. */
let server: TestServer;
let secretary: Awaited<ReturnType<typeof signedInMember>>;
beforeAll(async () => {
  server = await startTestServer();
  secretary = await signedInMember(server, ['secretariat'], { unitId: null });
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

/** A unit whose member alice has a year of records: the card's every part has something to show. */
async function memberWithRecords() {
  const { unitId, admin, bob } = await unitWithPeople(server);
  const branch = await createBranch(server.db, unitId, '第一支部');
  const alice = await signedInMember(server, ['member'], { unitId, branchId: branch.id, joinedPartyOn: '2010-07-01' });
  const id = alice.member.id;
  await ledgerRow(server.db, id, 'activity', 4, '2026-10-15 14:05:00');
  await ledgerRow(server.db, id, 'activity', 2, '2026-11-20 08:00:00');
  await ledgerRow(server.db, id, 'study', 3, '2026-10-02 10:00:00');
  await ledgerRow(server.db, id, 'study', 2, '2026-11-20 08:30:00');
  await ledgerRow(server.db, id, 'integrity', -3, '2026-10-20 10:00:00');
  const october = await createActivity(server.db, { unitId, startsAt: at('2026-10-15 14:00:00') });
  await present(server.db, october.id, id, at('2026-10-15 14:01:00'));
  const november = await createActivity(server.db, { unitId, startsAt: at('2026-11-10 14:00:00') });
  await approvedLeave(server.db, november.id, id, at('2026-11-09 10:00:00'));
  const { articles } = await createIssue(server.db, {
    articles: [
      { title: '学习贯彻全会精神', paragraphs: ['正文一。'] },
      { title: '两新组织党建动态', paragraphs: ['正文二。'] },
      { title: '往年文章', paragraphs: ['正文三。'] },
    ],
  });
  await server.db.insert(articleReads).values([
    { memberId: id, articleId: articles[0]!.id, readAt: at('2026-10-03 10:00:00') },
    { memberId: id, articleId: articles[1]!.id, readAt: at('2026-11-19 10:00:00') },
    { memberId: id, articleId: articles[2]!.id, readAt: at('2025-12-03 10:00:00') },
  ]);
  for (const month of ['2026-09', '2026-10']) {
    await admin.client.call(api.dues.record, {
      params: { unitId },
      body: { memberId: id, month, amountCents: 5000, paidOn: `${month}-20` },
    });
  }
  await admin.client.call(api.appraisals.record, {
    params: { unitId },
    body: { year: 2025, meetingOn: '2026-01-12', items: [{ memberId: id, tier: 'excellent' }] },
  });
  await declareAndApprove(alice.client, admin.client, 3, '2026-11-18');
  await alice.client.call(api.bonuses.declare, {
    body: { kindKey: 'volunteer', occurredOn: '2026-11-19', description: '社区志愿服务半天' },
  });
  await admin.client.call(api.deductions.record, {
    params: { unitId },
    body: { memberId: id, kindKey: 'conduct', points: 2, reason: '会议期间言行不当', occurredOn: '2026-11-19' },
  });
  const rows = await server.db
    .insert(benefits)
    .values([
      { unitId, name: '优先推荐评优', description: '', measure: 'index', threshold: 90, createdAt: at('2026-10-01 10:00:00') },
      { unitId, name: '学习之星', description: '学习积分满 5 分', measure: 'study', threshold: 5, createdAt: at('2026-10-01 10:00:00') },
      { unitId, name: '诚信党员', description: '', measure: 'integrity', threshold: 90, createdAt: at('2026-10-01 10:00:00') },
    ])
    .returning();
  return { unitId, admin, alice, bob, branch, benefits: rows };
}

describe('GET /api/me/card (mine)', () => {
  it('is the member’s own year, live: points against caps, index, attendance, reads, dues, records, benefits', async () => {
    const { unitId, alice, branch, benefits: offered } = await memberWithRecords();
    const card = await alice.client.call(api.cards.mine, {});
    expect(card.year).toBe(2026);
    expect(card.member).toEqual({
      id: alice.member.id,
      name: alice.member.name,
      kind: 'fixed',
      kindLabel: '固定党员',
      joinedPartyOn: '2010-07-01',
      unit: { id: unitId, name: expect.any(String) },
      branch: { id: branch.id, name: '第一支部' },
    });
    expect(card.points).toEqual([
      { category: 'activity', label: '活动积分', points: 6, today: 2, dailyCap: null, yearlyCap: null },
      { category: 'study', label: '学习积分', points: 5, today: 2, dailyCap: 2, yearlyCap: 20 },
      { category: 'public_service', label: '公益积分', points: 0, today: 0, dailyCap: null, yearlyCap: null },
      { category: 'integrity', label: '诚信积分', points: 97, today: 0, dailyCap: null, yearlyCap: null },
    ]);
    expect(card.integrityFlagged).toBe(false);
    // 组织生活 50 (attended the one activity expected; on leave for the other) + 30 + bonus 3 + 学习 5 × 0.5.
    expect(card.index).toMatchObject({
      attendanceRate: 1,
      approvedBonus: 3,
      study: 2.5,
      bonus: 5.5,
      deductions: 0,
      value: 85.5,
      tier: 'qualified',
    });
    expect(card.indexFrozen).toBe(false);
    expect(card.attendance).toEqual({ expected: 1, attended: 1, leave: 1 });
    expect(card.reads).toEqual({ articles: 2, studyPoints: 5 });
    expect(card.dues).toEqual({
      months: [
        { month: '2026-09', amountCents: 5000, paidOn: '2026-09-20' },
        { month: '2026-10', amountCents: 5000, paidOn: '2026-10-20' },
      ],
      monthsBehind: 0,
    });
    expect(card.bonuses).toEqual({ approved: 1, pending: 1, points: 3 });
    expect(card.deductions).toEqual({ effective: 0, inAppeal: 1, points: 0 });
    expect(card.honours).toEqual([]);
    expect(card.appraisals).toEqual([{ year: 2025, tier: 'excellent', tierLabel: '优秀', meetingOn: '2026-01-12' }]);
    const [index, study, integrity] = offered;
    expect(card.benefits).toEqual([
      {
        id: index!.id,
        unitId,
        name: '优先推荐评优',
        description: '',
        measure: 'index',
        measureLabel: '先锋指数',
        threshold: 90,
        unlocked: false,
        current: 85.5,
      },
      {
        id: study!.id,
        unitId,
        name: '学习之星',
        description: '学习积分满 5 分',
        measure: 'study',
        measureLabel: '学习积分',
        threshold: 5,
        unlocked: true,
        current: 5,
      },
      {
        id: integrity!.id,
        unitId,
        name: '诚信党员',
        description: '',
        measure: 'integrity',
        measureLabel: '诚信积分',
        threshold: 90,
        unlocked: true,
        current: 97,
      },
    ]);
  });

  it('flags 诚信积分 below the line (60), and shows another year when asked', async () => {
    const { bob } = await unitWithPeople(server);
    await ledgerRow(server.db, bob.member.id, 'integrity', -45, '2026-06-01 10:00:00');
    await ledgerRow(server.db, bob.member.id, 'study', 4, '2025-06-01 10:00:00');
    const card = await bob.client.call(api.cards.mine, {});
    expect(card.points.find((line) => line.category === 'integrity')?.points).toBe(55);
    expect(card.integrityFlagged).toBe(true);
    const last = await bob.client.call(api.cards.mine, { query: { year: 2025 } });
    expect(last).toMatchObject({ year: 2025, integrityFlagged: false, reads: { articles: 0, studyPoints: 4 } });
    expect(last.points.find((line) => line.category === 'integrity')?.points).toBe(100);
  });

  it('reads the settings in force: a version saved this month applies to the live card, not to the published one', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const settings: RecordSettings = {
      ...DEFAULT_RECORD_SETTINGS,
      points: { ...DEFAULT_RECORD_SETTINGS.points, study: { perRead: 1, dailyCap: 3, yearlyCap: 30 } },
      index: { ...DEFAULT_RECORD_SETTINGS.index, commitment: 20 },
    };
    const [version] = await server.db
      .insert(recordSettings)
      .values({ effectiveFrom: at('2026-11-10 00:00:00'), settings, createdAt: at('2026-11-10 00:00:00') })
      .returning();
    try {
      const mine = await alice.client.call(api.cards.mine, {});
      expect(mine.index).toMatchObject({ commitment: 20, value: 70 });
      expect(mine.points.find((line) => line.category === 'study')).toMatchObject({ dailyCap: 3, yearlyCap: 30 });
      const published = await admin.client.call(api.cards.forMember, { params: { id: alice.member.id } });
      expect(published.index).toMatchObject({ commitment: 30, value: 80 });
      expect(published.points.find((line) => line.category === 'study')).toMatchObject({ dailyCap: 2, yearlyCap: 20 });
    } finally {
      await server.db.delete(recordSettings).where(eq(recordSettings.id, version!.id));
    }
  });
});

describe('GET /api/members/:id/card (forMember)', () => {
  it('shows the unit admin the member’s card as of the end of last month', async () => {
    const { admin, alice } = await memberWithRecords();
    const card = await admin.client.call(api.cards.forMember, { params: { id: alice.member.id } });
    expect(card.member.id).toBe(alice.member.id);
    // Nothing written in November: not this month's points, claims or deduction.
    expect(card.points.slice(0, 2)).toEqual([
      { category: 'activity', label: '活动积分', points: 4, today: 0, dailyCap: null, yearlyCap: null },
      { category: 'study', label: '学习积分', points: 3, today: 0, dailyCap: 2, yearlyCap: 20 },
    ]);
    expect(card.index).toMatchObject({ attendanceRate: 1, approvedBonus: 0, study: 1.5, value: 81.5 });
    expect(card.attendance).toEqual({ expected: 1, attended: 1, leave: 0 });
    expect(card.reads).toEqual({ articles: 1, studyPoints: 3 });
    expect(card.bonuses).toEqual({ approved: 0, pending: 0, points: 0 });
    expect(card.deductions).toEqual({ effective: 0, inAppeal: 0, points: 0 });
  });

  it('is for the unit admin of the member’s unit and the secretariat; another unit’s admin and members are refused', async () => {
    const { alice, bob } = await unitWithPeople(server);
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(otherAdmin.client.call(api.cards.forMember, { params: { id: alice.member.id } }), commonRefusals.forbidden);
    await expectRefused(bob.client.call(api.cards.forMember, { params: { id: alice.member.id } }), commonRefusals.forbidden);
    expect((await secretary.client.call(api.cards.forMember, { params: { id: alice.member.id } })).member.id).toBe(alice.member.id);
    await expectRefused(secretary.client.call(api.cards.forMember, { params: { id: 999_999 } }), commonRefusals.not_found);
    // Someone on no roster: only the secretariat may read their card.
    const unattached = await createMember(server.db, { unitId: null });
    await expectRefused(otherAdmin.client.call(api.cards.forMember, { params: { id: unattached.id } }), commonRefusals.forbidden);
    expect((await secretary.client.call(api.cards.forMember, { params: { id: unattached.id } })).member.unit).toBeNull();
  });

  it('gives the member only their own card: mine names the caller', async () => {
    const { alice, bob } = await unitWithPeople(server);
    expect((await alice.client.call(api.cards.mine, {})).member.id).toBe(alice.member.id);
    expect((await bob.client.call(api.cards.mine, {})).member.id).toBe(bob.member.id);
    await expectRefused(secretary.client.call(api.cards.mine, {}), commonRefusals.forbidden);
  });
});

describe('POST /api/me/card/code (identityCode)', () => {
  it('answers a signed code naming the member, good for 60 seconds, with its QR', async () => {
    const { alice } = await unitWithPeople(server);
    const now = server.clock.now();
    const identity = await alice.client.call(api.cards.identityCode, {});
    expect(identity.expiresAt).toBe(new Date(now.getTime() + 60_000).toISOString());
    expect(identity.refreshInMs).toBe(55_000);
    expect(identity.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(verifyIdentityCode(TEST_JWT_SECRET, identity.code, now)).toBe(alice.member.id);
    expect(verifyIdentityCode(TEST_JWT_SECRET, identity.code, new Date(now.getTime() + 59_000))).toBe(alice.member.id);
    expect(verifyIdentityCode(TEST_JWT_SECRET, identity.code, new Date(now.getTime() + 60_000))).toBeNull();
    expect(verifyIdentityCode('another-secret-that-is-long-enough-for-hs256', identity.code, now)).toBeNull();
  });

  it('is neither an access token nor accepted from one', async () => {
    const { alice } = await unitWithPeople(server);
    const identity = await alice.client.call(api.cards.identityCode, {});
    await expectRefused(server.clientWith(identity.code).call(api.cards.mine, {}), commonRefusals.unauthorized);
    expect(verifyIdentityCode(TEST_JWT_SECRET, alice.token, server.clock.now())).toBeNull();
  });
});
