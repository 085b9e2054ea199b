import { api, commonRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleReads, letters } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { at, codeFor, createActivity } from '../../support/checkinFactories';
import { createGroup, createUnit, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import {
  completeDraft,
  entryInReview,
  LONG_TOKENS,
  openCall,
  reviewer,
  secretariat,
  submittedEntry,
  unitAdmin,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
function setNow(local: string): void {
  server.clock.advance(at(local).getTime() - server.clock.now().getTime());
}

let secretary: Awaited<ReturnType<typeof secretariat>>;
let admin: Awaited<ReturnType<typeof unitAdmin>>;
let member: Awaited<ReturnType<typeof signedInMember>>;
let groupId: number;
let issueIds: number[];

/**
 * 第一片组's one unit (two members): October, both present; November, one present and one absent.
 * Four published issues, the newest read by one member. A case call with one entry waiting to be
 * registered, one in review past its deadline and a draft; a research topic with a pending claim;
 * one letter to the secretariat held by the content check and one past its acceptance deadline.
 */
beforeAll(async () => {
  // The clock runs from 25 October to 20 November; tokens outlive that.
  server = await startTestServer(LONG_TOKENS);
  setNow('2026-10-25 09:00:00');
  secretary = await secretariat(server);
  groupId = (await createGroup(server.db, { name: '第一片组', sortOrder: -1 })).id;
  const unitId = (await createUnit(server.db, { groupId, name: '甲单位' })).id;
  member = await signedInMember(server, ['member'], { unitId });
  const other = await signedInMember(server, ['member'], { unitId });
  const oct = (await createActivity(server.db, { unitId, startsAt: at('2026-10-25 14:00:00') })).id;
  const nov = (await createActivity(server.db, { unitId, startsAt: at('2026-11-05 14:00:00') })).id;
  const scan = (client: typeof member.client, id: number) =>
    client.call(api.checkins.checkIn, { body: { token: codeFor(id, server.clock.now()) } });
  setNow('2026-10-25 13:55:00');
  await scan(member.client, oct);
  await scan(other.client, oct);
  setNow('2026-11-05 13:55:00');
  await scan(member.client, nov);

  issueIds = [];
  for (let number = 1; number <= 4; number += 1) issueIds.push((await createIssue(server.db, { year: 2026, number })).issue.id);
  const newest = await createIssue(server.db, { year: 2026, number: 5, articles: [{ title: '协会动态', paragraphs: ['正文'] }] });
  issueIds.push(newest.issue.id);
  await server.db
    .insert(articleReads)
    .values({ memberId: member.member.id, articleId: newest.articles[0]!.id, readAt: server.clock.now() });
  await createIssue(server.db, { year: 2026, number: 6, status: 'draft' });

  admin = await unitAdmin(server);
  const call = await openCall(server, secretary.client);
  await submittedEntry(admin.client, call.id, { title: '待登记' });
  await completeDraft(admin.client, call.id, { title: '草稿' });
  const expert = await reviewer(server);
  await entryInReview(server, secretary.client, admin, call.id, [expert.member.id], { title: '评审中' });
  const research = await openCall(server, secretary.client, { kind: 'research', title: '两新党建课题调研' });
  const topic = await secretary.client.call(api.topics.create, { params: { id: research.id }, body: { title: '流动党员管理' } });
  await admin.client.call(api.topics.claim, { params: { id: topic.id }, body: {} });
  await member.client.call(api.letters.write, {
    body: { recipient: 'secretariat', kind: 'suggestion', body: '建议协会活动通知提前一周发出', anonymous: false },
  });
  const now = server.clock.now();
  await server.db.insert(letters).values({
    writerId: other.member.id,
    unitId,
    recipient: 'secretariat',
    kind: 'problem',
    body: '内容待审核的一封信',
    anonymous: false,
    status: 'held',
    writtenOn: '2026-11-05',
    acceptDueOn: '2026-11-10',
    createdAt: now,
    updatedAt: now,
  });
  // Past the review deadline (3 days) and the letter's acceptance deadline.
  setNow('2026-11-20 10:00:00');
});
afterAll(() => server.close());

describe('GET /api/console/overview', () => {
  it('refuses anyone signed out, and every role but the secretariat', async () => {
    await expectRefused(server.client.call(api.overview.get, {}), commonRefusals.unauthorized);
    await expectRefused(member.client.call(api.overview.get, {}), commonRefusals.forbidden);
    await expectRefused(admin.client.call(api.overview.get, {}), commonRefusals.forbidden);
    const [secretaryOfUnit, expert] = [await signedInMember(server, ['member', 'party_secretary']), await reviewer(server)];
    await expectRefused(secretaryOfUnit.client.call(api.overview.get, {}), commonRefusals.forbidden);
    await expectRefused(expert.client.call(api.overview.get, {}), commonRefusals.forbidden);
  });

  it('gives this month by 片组, the last 12 months, the last three issues read, the pipeline and what waits', async () => {
    const overview = await secretary.client.call(api.overview.get, {});
    expect(overview.month).toBe('2026-11');
    expect(overview.groups.find((g) => g.groupId === groupId)).toEqual({ groupId, groupName: '第一片组', expected: 2, rate: 0.5 });

    expect(overview.months.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(overview.months.at(-2)).toEqual({ month: '2026-10', expected: 2, rate: 1 });
    expect(overview.months.at(-1)).toEqual({ month: '2026-11', expected: 2, rate: 0.5 });
    expect(overview.months[0]).toEqual({ month: '2025-12', expected: 0, rate: null });

    expect(overview.reading.map((r) => r.issueId)).toEqual([issueIds[4], issueIds[3], issueIds[2]]);
    const newest = overview.reading[0]!;
    expect(newest.label).toMatch(/^2026 年第 5 期（总第 \d+ 期）$/);
    expect(newest.readers).toBe(1);
    expect(newest.members).toBeGreaterThanOrEqual(3);
    expect(newest.rate).toBeCloseTo(newest.readers / newest.members);
    expect(overview.reading[1]!.readers).toBe(0);

    const pipeline = Object.fromEntries(overview.pipeline.map((p) => [p.status, p.count]));
    expect(pipeline).toMatchObject({ submitted: 1, in_review: 1, registered: 0, rated: 0 });
    expect(pipeline).not.toHaveProperty('draft');

    expect(Object.fromEntries(overview.actions.map((a) => [a.kind, a.count]))).toEqual({
      entries_to_register: 1,
      overdue_reviews: 1,
      topic_claims_to_confirm: 1,
      held_letters: 1,
      overdue_letters: 1,
    });
  });
});
