import { api, awardRefusals, newsRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisals, entries } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { at, createActivity } from '../../support/checkinFactories';
import { createGroup, createMember, createUnit, signedInMember } from '../../support/factories';
import { ledgerRow, present, sanctionRow } from '../../support/indexFactories';
import { expectRefused } from '../../support/refusals';
import { days, fromNow, LONG_TOKENS, openCall, secretariat, submittedEntry } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { appraisal, candidatesOf, contestEntry, frozenIndex, secretaryLetter, volunteered } from './support';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
});
afterAll(() => server.close());

const open = (year: number) => secretary.client.call(api.awards.open, { body: { year } });

describe('opening a year: 优秀会员 from the year’s records', () => {
  it('admits index ≥ 90, 诚信 ≥ 80, no sanction and 民主评议 优秀; later edits leave the snapshot alone', async () => {
    const unit = await createUnit(server.db);
    const star = await createMember(server.db, { unitId: unit.id, name: '张优秀' });
    const sanctioned = await createMember(server.db, { unitId: unit.id, name: '李处分' });
    const dishonest = await createMember(server.db, { unitId: unit.id, name: '王诚信' });
    const plain = await createMember(server.db, { unitId: unit.id, name: '赵合格' });
    for (const member of [star, sanctioned, dishonest]) {
      await frozenIndex(server.db, 2025, member, 95);
      await appraisal(server.db, member, 2025, 'excellent');
    }
    await frozenIndex(server.db, 2025, plain, 95);
    await appraisal(server.db, plain, 2025, 'qualified');
    await sanctionRow(server.db, { memberId: sanctioned.id, unitId: unit.id, year: 2025, recordedAt: '2025-06-01 10:00:00' });
    await ledgerRow(server.db, dishonest.id, 'integrity', -30, '2025-05-01 10:00:00');

    const review = await open(2025);
    expect(review).toMatchObject({ year: 2025, status: 'open', statusLabel: '推荐评审中' });
    const mine = async () => (await candidatesOf(secretary.client, review.id, 'member')).filter((c) => c.unit.id === unit.id);
    const before = await mine();
    const failing = (name: string) =>
      before
        .find((c) => c.name === name)!
        .lines.filter((line) => !line.met)
        .map((line) => line.label);
    expect(before.find((c) => c.name === '张优秀')).toMatchObject({ eligible: true, score: 95 });
    expect(before.find((c) => c.name === '张优秀')!.lines[1]).toMatchObject({ label: '诚信积分', value: '100', rule: '不低于 80' });
    expect(failing('李处分')).toEqual(['纪律处分']);
    expect(failing('王诚信')).toEqual(['诚信积分']);
    expect(failing('赵合格')).toEqual(['民主评议']);
    // Eligible candidates come first.
    expect(before[0]!.name).toBe('张优秀');

    await server.db
      .update(appraisals)
      .set({ tier: 'qualified' })
      .where(and(eq(appraisals.memberId, star.id), eq(appraisals.year, 2025)));
    await sanctionRow(server.db, { memberId: star.id, unitId: unit.id, year: 2025, recordedAt: '2025-12-01 10:00:00' });
    await ledgerRow(server.db, star.id, 'integrity', -50, '2025-12-02 10:00:00');
    await appraisal(server.db, await createMember(server.db, { unitId: unit.id, name: '新党员' }), 2025, 'excellent');
    expect(await mine()).toEqual(before);
  });

  it('opens a year once, and not before it has begun', async () => {
    await open(2024);
    await expectRefused(open(2024), awardRefusals.review_exists);
    await expectRefused(open(2027), awardRefusals.year_not_started);
  });

  it('opens a year once when two openings race', async () => {
    const results = await Promise.allSettled([open(2023), open(2023)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409, reason: 'review_exists' });
  });
});

describe('opening a year: 先进集体 and 优秀信息员 from the year’s records', () => {
  it('freezes attendance, contest tiers, news, volunteering and letters per unit, and news per officer', async () => {
    const group = await createGroup(server.db, { name: '第三片组' });
    const unit = await createUnit(server.db, { groupId: group.id, name: '滨江科技园' });
    const officer = await signedInMember(server, ['member', 'info_officer'], { unitId: unit.id, name: '周信息' });
    const alice = await createMember(server.db, { unitId: unit.id });
    const bob = await createMember(server.db, { unitId: unit.id });
    const activity = await createActivity(server.db, { unitId: unit.id, startsAt: at('2026-10-15 14:00:00') });
    await present(server.db, activity.id, alice.id, at('2026-10-15 14:05:00'));
    await present(server.db, activity.id, bob.id, at('2026-10-15 14:06:00'));
    await contestEntry(server.db, unit.id, 2026, '二等奖');
    await secretaryLetter(server.db, alice, '2026-03-02 10:00:00', 'on_time');
    await secretaryLetter(server.db, bob, '2026-04-02 10:00:00', 'overdue');
    await volunteered(server.db, alice, '2026-05-01 09:00:00');

    const call = await openCall(server, secretary.client, {
      kind: 'news',
      title: '2026 年信息报送',
      entryLimit: 100,
      closesAt: fromNow(server, days(40)),
    });
    const items = [];
    for (let i = 1; i <= 7; i += 1)
      items.push(await submittedEntry(officer.client, call.id, { category: null, title: `信息${i}`, summary: '摘要', body: '正文。' }));
    const issue = await createIssue(server.db, { status: 'draft', year: 2026, number: 40, articles: [] });
    for (const item of items.slice(0, 6)) {
      await secretary.client.call(api.news.adopt, { params: { id: item.id }, body: { issueId: issue.issue.id, section: null } });
    }
    const other = await signedInMember(server, ['member', 'info_officer'], {
      unitId: (await createUnit(server.db, { groupId: group.id })).id,
    });
    const fake = await submittedEntry(other.client, call.id, { category: null, title: '不实信息', summary: '摘要', body: '正文。' });
    await submittedEntry(other.client, call.id, { category: null, title: '真实信息', summary: '摘要', body: '正文。' });
    await secretary.client.call(api.news.markFalse, { params: { id: fake.id }, body: { note: '经核实与事实不符' } });

    const review = await open(2026);
    const units = await candidatesOf(secretary.client, review.id, 'unit');
    const ours = units.find((c) => c.unit.id === unit.id)!;
    expect(ours).toMatchObject({ name: '滨江科技园', group: { id: group.id, name: '第三片组' }, memberId: null });
    expect(ours.lines.map((line) => [line.label, line.value, line.points])).toEqual([
      ['组织生活出勤率', '66.7%', 20],
      ['案例评比', '二等奖', 6],
      ['信息采用率', '6/7（85.7%）', 17.1],
      ['志愿服务', '1 人次（活动 1，心愿 0；3 名党员）', 5],
      ['来信按时答复', '1/2', 7.5],
    ]);
    expect(ours.score).toBe(55.6);

    const officers = await candidatesOf(secretary.client, review.id, 'info_officer');
    expect(officers.find((c) => c.memberId === officer.member.id)).toMatchObject({ eligible: true, score: 7 + 5 * 5 + 10 });
    expect(officers.find((c) => c.memberId === other.member.id)).toMatchObject({ eligible: false, score: 1 - 30 });

    await server.db.update(entries).set({ falseMarkedAt: new Date() }).where(eq(entries.id, items[0]!.id));
    await contestEntry(server.db, unit.id, 2026, '一等奖');
    await secretaryLetter(server.db, alice, '2026-06-02 10:00:00', 'overdue');
    await volunteered(server.db, bob, '2026-06-01 09:00:00');
    expect((await candidatesOf(secretary.client, review.id, 'unit')).find((c) => c.unit.id === unit.id)).toEqual(ours);
    expect((await candidatesOf(secretary.client, review.id, 'info_officer')).find((c) => c.memberId === officer.member.id)!.score).toBe(42);
  });

  it('refuses marking an item false twice', async () => {
    const call = await openCall(server, secretary.client, {
      kind: 'news',
      title: '2026 年信息报送二',
      code: 'NB',
      entryLimit: 100,
      closesAt: fromNow(server, days(40)),
    });
    const officer = await signedInMember(server, ['member', 'info_officer']);
    const item = await submittedEntry(officer.client, call.id, { category: null, title: '信息', summary: '摘要', body: '正文。' });
    await secretary.client.call(api.news.markFalse, { params: { id: item.id }, body: { note: '不实' } });
    await expectRefused(
      secretary.client.call(api.news.markFalse, { params: { id: item.id }, body: { note: '不实' } }),
      newsRefusals.already_marked_false,
    );
  });
});
