import { api, awardRefusals, DEFAULT_AWARD_RULES, placementRefusals } from '@zhijian/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssue } from '../../support/bulletinFactories';
import { createGroup, createUnit, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { days, fetchBinary, LONG_TOKENS, secretariat } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { candidatesOf } from './support';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
});
afterAll(() => server.close());

/** Rules under which a member without records (index 80) qualifies, one recommendation per 片组 and award. */
const EASY_RULES = {
  ...DEFAULT_AWARD_RULES,
  recommendLimit: 1,
  member: { minIndex: 70, minIntegrity: 80, requireExcellentAppraisal: false },
};

let groupNumber = 0;
async function twoGroups() {
  const first = await createGroup(server.db, { name: `第一片组${++groupNumber}` });
  const second = await createGroup(server.db);
  const home = await createUnit(server.db, { groupId: first.id, name: `城西市场${groupNumber}` });
  const neighbour = await createUnit(server.db, { groupId: first.id });
  const away = await createUnit(server.db, { groupId: second.id });
  const leader = await signedInMember(server, ['member', 'group_leader'], { unitId: neighbour.id, name: '片组长甲' });
  const otherLeader = await signedInMember(server, ['member', 'group_leader'], { unitId: away.id });
  const admin = await signedInMember(server, ['member', 'unit_admin'], { unitId: home.id });
  const winner = await signedInMember(server, ['member'], { unitId: home.id, name: '吴先锋' });
  const runnerUp = await signedInMember(server, ['member'], { unitId: home.id, name: '钱同志' });
  const objector = await signedInMember(server, ['member'], { unitId: away.id });
  return { first, second, home, neighbour, away, leader, otherLeader, admin, winner, runnerUp, objector };
}

describe('one year from candidates to published', () => {
  it('片组 recommend, the committee decides, 公示 takes objections by the clock, publication writes honours and the 简报 article', async () => {
    const t = await twoGroups();
    const review = await secretary.client.call(api.awards.open, { body: { year: 2026 } });
    const ruled = await secretary.client.call(api.awards.setRules, { params: { id: review.id }, body: EASY_RULES });
    expect(ruled.rules.recommendLimit).toBe(1);

    // A 片组长 sees their own 片组's candidates only.
    const seen = await candidatesOf(t.leader.client, review.id, 'member');
    expect(new Set(seen.map((c) => c.group.id))).toEqual(new Set([t.first.id]));
    const winner = seen.find((c) => c.memberId === t.winner.member.id)!;
    const runnerUp = seen.find((c) => c.memberId === t.runnerUp.member.id)!;
    expect(winner.eligible).toBe(true);
    const away = (await candidatesOf(t.otherLeader.client, review.id, 'member')).find((c) => c.memberId === t.objector.member.id)!;

    const recommend = (client: typeof t.leader.client, id: number) =>
      client.call(api.awards.recommend, { params: { id }, body: { note: '长期坚持志愿服务' } });
    expect((await recommend(t.leader.client, winner.id)).recommendation).toMatchObject({ note: '长期坚持志愿服务', by: '片组长甲' });
    await expectRefused(recommend(t.leader.client, winner.id), awardRefusals.already_recommended);
    expect(await expectRefused(recommend(t.leader.client, runnerUp.id), awardRefusals.recommend_limit_reached)).toMatchObject({ limit: 1 });
    await expectRefused(recommend(t.leader.client, away.id), awardRefusals.not_your_group);
    const homeUnit = (await candidatesOf(t.leader.client, review.id, 'unit')).find((c) => c.unit.id === t.home.id)!;
    await recommend(t.leader.client, homeUnit.id);
    const recommended = await secretary.client.call(api.awards.candidates, {
      params: { id: review.id },
      query: { award: 'member', show: 'recommended' },
    });
    expect(recommended.items.map((c) => c.id)).toEqual([winner.id]);

    const decide = (id: number, selected = true) =>
      secretary.client.call(api.awards.decide, { params: { id }, body: { selected, note: '事迹突出，同意' } });
    await expectRefused(decide(runnerUp.id), awardRefusals.not_recommended);
    expect((await decide(winner.id)).decision).toMatchObject({ selected: true, note: '事迹突出，同意' });
    await decide(homeUnit.id);

    const object = (client: typeof t.objector.client, id: number) =>
      client.call(api.awards.object, { params: { id }, body: { text: '该同志今年参加活动较少，请核实' } });
    await expectRefused(object(t.objector.client, winner.id), awardRefusals.not_in_publicity);

    const publicity = await secretary.client.call(api.awards.startPublicity, { params: { id: review.id } });
    expect(publicity).toMatchObject({ status: 'publicity', statusLabel: '公示中' });
    expect(new Date(publicity.publicityEndsAt!).getTime() - new Date(publicity.publicityStartsAt!).getTime()).toBe(days(7));
    await expectRefused(
      secretary.client.call(api.awards.setRules, { params: { id: review.id }, body: EASY_RULES }),
      awardRefusals.wrong_status,
    );
    await expectRefused(recommend(t.leader.client, runnerUp.id), awardRefusals.wrong_status);
    await expectRefused(decide(winner.id, false), awardRefusals.wrong_status);

    const listed = (await t.objector.client.call(api.awards.publicity, {})).find((p) => p.reviewId === review.id)!;
    expect(listed).toMatchObject({ objectionsOpen: true, status: 'publicity' });
    expect(listed.winners.map((w) => [w.awardLabel, w.name])).toEqual([
      ['先进集体', t.home.name],
      ['优秀会员', '吴先锋'],
    ]);
    await object(t.objector.client, winner.id);
    await expectRefused(object(t.objector.client, runnerUp.id), awardRefusals.not_a_winner);

    const issue = await createIssue(server.db, { status: 'draft', year: 2027, number: 1 });
    const publish = (issueId = issue.issue.id) =>
      secretary.client.call(api.awards.publish, { params: { id: review.id }, body: { issueId } });
    await expectRefused(publish(), awardRefusals.publicity_not_over);

    server.clock.advance(days(7) - 1000);
    await object(t.objector.client, winner.id);
    server.clock.advance(1000);
    await expectRefused(object(t.objector.client, winner.id), awardRefusals.not_in_publicity);
    expect((await t.objector.client.call(api.awards.publicity, {})).find((p) => p.reviewId === review.id)!.objectionsOpen).toBe(false);

    expect(await expectRefused(publish(), awardRefusals.objections_unanswered)).toMatchObject({ count: 2 });
    const objections = await secretary.client.call(api.awards.objections, { params: { id: review.id } });
    expect(objections).toHaveLength(2);
    expect(objections[0]).toMatchObject({
      candidateName: '吴先锋',
      awardLabel: '优秀会员',
      text: '该同志今年参加活动较少，请核实',
      answer: null,
    });
    for (const objection of objections) {
      const answered = await secretary.client.call(api.awards.answer, {
        params: { id: objection.id },
        body: { answer: '经核实，出勤率符合要求' },
      });
      expect(answered.answer).toBe('经核实，出勤率符合要求');
    }
    await expectRefused(
      secretary.client.call(api.awards.answer, { params: { id: objections[0]!.id }, body: { answer: '再答' } }),
      awardRefusals.already_answered,
    );

    const published = await createIssue(server.db, { status: 'published', year: 2027, number: 2 });
    await expectRefused(publish(published.issue.id), placementRefusals.issue_not_draft);
    const done = await publish();
    expect(done).toMatchObject({ status: 'published', objections: { total: 2, unanswered: 0 } });

    const card = await t.winner.client.call(api.cards.mine, { query: {} });
    expect(card.honours).toEqual([{ year: 2026, title: '2026 年度优秀会员' }]);
    expect((await t.runnerUp.client.call(api.cards.mine, { query: {} })).honours).toEqual([]);
    expect(await t.admin.client.call(api.awards.unitHonours, { params: { id: t.home.id } })).toEqual([
      { year: 2026, award: 'unit', title: '2026 年度先进集体', name: t.home.name },
      { year: 2026, award: 'member', title: '2026 年度优秀会员', name: '吴先锋' },
    ]);
    // The secretariat reads any unit's record (the unit opened from 会员单位).
    expect(await secretary.client.call(api.awards.unitHonours, { params: { id: t.home.id } })).toHaveLength(2);

    const article = await secretary.client.call(api.bulletins.getArticle, { params: { id: done.bulletinArticleId! } });
    expect(article.title).toBe('2026 年度先进集体、优秀会员和优秀信息员名单');
    expect(article.blocks.map((block) => block.spans.map((span) => span.text).join(''))).toEqual([
      '经片组推荐、评审委员会评审并公示，2026 年度评优结果如下：',
      '先进集体（1）',
      t.home.name,
      '优秀会员（1）',
      `${t.home.name} 吴先锋`,
    ]);

    const certificate = await secretary.client.call(api.awards.certificate, { params: { id: winner.id } });
    expect(certificate).toEqual({
      candidateId: winner.id,
      year: 2026,
      awardLabel: '优秀会员',
      title: '2026 年度优秀会员',
      name: '吴先锋',
      unitName: t.home.name,
      issuedOn: '2026-11-27',
    });
    await expectRefused(secretary.client.call(api.awards.certificate, { params: { id: runnerUp.id } }), awardRefusals.not_a_winner);
    await expectRefused(publish(), awardRefusals.wrong_status);

    const winners = await xlsxRows(`/api/awards/reviews/${review.id}/export/winners`, '获奖名单');
    expect(winners.map((row) => row.slice(0, 3))).toEqual([
      ['奖项', '名称', '单位'],
      ['先进集体', t.home.name, t.home.name],
      ['优秀会员', '吴先锋', t.home.name],
    ]);
    const members = await xlsxRows(`/api/awards/reviews/${review.id}/export/candidates`, '优秀会员');
    const winnerRow = members.find((row) => row[1] === '吴先锋')!;
    expect(winnerRow[5]).toBe('是');
    expect(String(winnerRow[6])).toContain('先锋指数：80（不低于 70）');
    expect(winnerRow[8]).toBe('评选：事迹突出，同意');
  });

  it('keeps a 片组 to its quota when two leaders recommend at once', async () => {
    const t = await twoGroups();
    const second = await signedInMember(server, ['member', 'group_leader'], { unitId: t.home.id });
    const review = await secretary.client.call(api.awards.open, { body: { year: 2025 } });
    await secretary.client.call(api.awards.setRules, { params: { id: review.id }, body: EASY_RULES });
    const units = (await candidatesOf(t.leader.client, review.id, 'unit')).filter((c) => [t.home.id, t.neighbour.id].includes(c.unit.id));
    const results = await Promise.allSettled([
      t.leader.client.call(api.awards.recommend, { params: { id: units[0]!.id }, body: { note: '推荐理由一' } }),
      second.client.call(api.awards.recommend, { params: { id: units[1]!.id }, body: { note: '推荐理由二' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      reason: 'recommend_limit_reached',
    });
  });

  it('refuses 公示 with nobody selected, and a unit’s honours to another unit’s admin', async () => {
    const t = await twoGroups();
    const review = await secretary.client.call(api.awards.open, { body: { year: 2022 } });
    await expectRefused(secretary.client.call(api.awards.startPublicity, { params: { id: review.id } }), awardRefusals.nothing_selected);
    const stranger = await signedInMember(server, ['member', 'unit_admin'], { unitId: t.away.id });
    const refused = await stranger.client.call(api.awards.unitHonours, { params: { id: t.home.id } }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 403, code: 'forbidden' });
    const plain = await signedInMember(server, ['member'], { unitId: t.home.id });
    expect(
      await plain.client.call(api.awards.candidates, { params: { id: review.id }, query: { award: 'unit' } }).catch((e: unknown) => e),
    ).toMatchObject({
      status: 403,
    });
    // A 片组长 without a unit leads no 片组.
    const unitless = await signedInMember(server, ['group_leader'], { unitId: null });
    expect(
      await unitless.client.call(api.awards.candidates, { params: { id: review.id }, query: { award: 'unit' } }).catch((e: unknown) => e),
    ).toMatchObject({
      status: 403,
    });
  });
});

async function xlsxRows(path: string, sheet: string): Promise<unknown[][]> {
  const response = await fetchBinary(server, secretary.token, path);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
