import { api, DISAGREEMENT_THRESHOLD } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewAssignments } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import {
  entryInReview,
  evenScores,
  failure,
  fetchBinary,
  LONG_TOKENS,
  openCall,
  reviewer,
  unitAdmin,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof signedInMember>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await signedInMember(server, ['secretariat'], { unitId: null });
});
afterAll(() => server.close());

type Reviewer = Awaited<ReturnType<typeof reviewer>>;

async function score(r: Reviewer, entryId: number, value: number, opinion = '意见') {
  const rows = await server.db.select().from(reviewAssignments).where(eq(reviewAssignments.entryId, entryId));
  const own = rows.find((row) => row.reviewerId === r.member.id)!;
  return r.client.call(api.reviews.submit, { params: { id: own.id }, body: { scores: evenScores(value), opinion } });
}

/** A call with two reviewers and two entries in review. */
async function contest() {
  const call = await openCall(server, secretary.client, { reviewersPerEntry: 2 });
  const experts = [await reviewer(server), await reviewer(server)];
  const units = [await unitAdmin(server), await unitAdmin(server)];
  const entries = [];
  for (const [i, unit] of units.entries()) {
    entries.push(
      await entryInReview(
        server,
        secretary.client,
        unit,
        call.id,
        experts.map((e) => e.member.id),
        { title: `案例${i + 1}` },
      ),
    );
  }
  return { call, experts, units, entries };
}

async function readWorkbook(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('results', () => {
  it(`flag reviewers who disagree by more than ${DISAGREEMENT_THRESHOLD} points`, async () => {
    const { call, experts, entries } = await contest();
    await score(experts[0]!, entries[0]!.id, 23); // 92
    await score(experts[1]!, entries[0]!.id, 15); // 60: spread 32
    await score(experts[0]!, entries[1]!.id, 20); // 80
    await score(experts[1]!, entries[1]!.id, 16); // 64: spread 16
    const results = await secretary.client.call(api.results.get, { params: { id: call.id } });
    expect(results.disagreementThreshold).toBe(20);
    expect(results.rows.map((r) => [r.title, r.mean, r.spread, r.disagreement, r.rank])).toEqual([
      ['案例1', 76, 32, true, 1],
      ['案例2', 72, 16, false, 2],
    ]);
    expect(results.rows[0]!.reviews.map((r) => r.weightedScore)).toEqual([92, 60]);
  });

  it('refuse publishing before every review is in, unless the round is closed explicitly', async () => {
    const { call, experts, entries } = await contest();
    await score(experts[0]!, entries[0]!.id, 20);
    await score(experts[0]!, entries[1]!.id, 18);
    const tiers = { tiers: entries.map((e) => ({ entryId: e.id, tier: '二等奖' })) };
    await secretary.client.call(api.results.setTiers, { params: { id: call.id }, body: tiers });
    const early = await failure(secretary.client.call(api.results.publish, { params: { id: call.id } }));
    expect(early.status).toBe(409);
    expect(early.message).toContain('还有 2 份评分未提交');

    const closed = await secretary.client.call(api.results.closeRound, {
      params: { id: call.id },
      body: { reason: '专家出差，按已交评分定等' },
    });
    expect(closed.blocking).toEqual([]);
    // Once closed, the missing reviews can no longer come in.
    const [late] = await server.db.select().from(reviewAssignments).where(eq(reviewAssignments.reviewerId, experts[1]!.member.id));
    expect(
      (
        await failure(
          experts[1]!.client.call(api.reviews.submit, { params: { id: late!.id }, body: { scores: evenScores(20), opinion: '迟到' } }),
        )
      ).status,
    ).toBe(409);
    const published = await secretary.client.call(api.results.publish, { params: { id: call.id } });
    expect(published.rows.map((r) => [r.status, r.tier])).toEqual([
      ['rated', '二等奖'],
      ['rated', '二等奖'],
    ]);
    expect((await failure(secretary.client.call(api.results.publish, { params: { id: call.id } }))).status).toBe(409);
    expect((await failure(secretary.client.call(api.results.setTiers, { params: { id: call.id }, body: tiers }))).status).toBe(409);
  });

  it('refuse tiers the call does not have, and entries not under review', async () => {
    const { call, entries } = await contest();
    const unknown = await failure(
      secretary.client.call(api.results.setTiers, {
        params: { id: call.id },
        body: { tiers: [{ entryId: entries[0]!.id, tier: '特等奖' }] },
      }),
    );
    expect(unknown.status).toBe(400);
    const foreign = await failure(
      secretary.client.call(api.results.setTiers, { params: { id: call.id }, body: { tiers: [{ entryId: 99_999_999, tier: '一等奖' }] } }),
    );
    expect(foreign.status).toBe(409);
  });

  it("export entries with status and scores, and the reviewers' workload, as xlsx", async () => {
    const { call, experts, entries } = await contest();
    await score(experts[0]!, entries[0]!.id, 25);
    await score(experts[1]!, entries[0]!.id, 20);
    await score(experts[0]!, entries[1]!.id, 10);

    const workbook = await readWorkbook(await fetchBinary(server, secretary.token, `/api/calls/${call.id}/export/entries`));
    const rows = rowsOf(workbook.getWorksheet('报送与评分')!);
    expect(rows[0]).toEqual([
      '登记编号',
      '标题',
      '单位',
      '片组',
      '类别',
      '状态',
      '提交时间',
      '评分1',
      '评分2',
      '平均分',
      '分差',
      '分歧较大',
      '排名',
      '建议等次',
      '等次',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 2)).toEqual([entries[0]!.registrationNumber, '案例1']);
    expect(rows[1]![5]).toBe('评审中');
    expect(rows[1]!.slice(7, 13)).toEqual([100, 80, 90, 20, '', 1]);
    expect(rows[2]!.slice(7, 10)).toEqual([40, '', 40]);

    const workload = rowsOf(
      (await readWorkbook(await fetchBinary(server, secretary.token, `/api/calls/${call.id}/export/workload`))).getWorksheet('评审工作量')!,
    );
    expect(workload[0]).toEqual(['评审专家', '所在单位', '分配', '已提交', '草稿', '未开始', '逾期未交', '谢绝']);
    const byName = new Map(workload.slice(1).map((row) => [row[0], row.slice(2)]));
    expect(byName.get(experts[0]!.member.name)).toEqual([2, 2, 0, 0, 0, 0]);
    expect(byName.get(experts[1]!.member.name)).toEqual([2, 1, 0, 1, 0, 0]);

    const unit = await unitAdmin(server);
    expect((await fetchBinary(server, unit.token, `/api/calls/${call.id}/export/entries`)).status).toBe(403);
  });
});

describe('the 案例库', () => {
  it('shows published showcase cases only, and the secretariat can place one in a draft 简报', async () => {
    const { call, experts, entries } = await contest();
    for (const e of entries) for (const r of experts) await score(r, e.id, 20, `${e.title}的评审意见`);
    const { client: member } = await signedInMember(server, ['member']);
    await secretary.client.call(api.results.setTiers, {
      params: { id: call.id },
      body: {
        tiers: [
          { entryId: entries[0]!.id, tier: '一等奖' },
          { entryId: entries[1]!.id, tier: '优秀奖' },
        ],
      },
    });
    expect((await failure(member.call(api.cases.get, { params: { id: entries[0]!.id } }))).status).toBe(404);
    await secretary.client.call(api.results.publish, { params: { id: call.id } });
    expect((await member.call(api.cases.list, { query: { callId: call.id } })).items.map((i) => i.entryId)).toEqual([entries[0]!.id]);
    expect((await failure(member.call(api.cases.get, { params: { id: entries[1]!.id } }))).status).toBe(404);
    const detail = await member.call(api.cases.get, { params: { id: entries[0]!.id } });
    expect(detail.opinions).toEqual(['案例1的评审意见', '案例1的评审意见']);

    const draft = await createIssue(server.db, { status: 'draft', year: 2031, number: 1 });
    const placed = await secretary.client.call(api.cases.placeInBulletin, {
      params: { id: entries[0]!.id },
      body: { issueId: draft.issue.id, section: '优秀案例' },
    });
    const article = await secretary.client.call(api.bulletins.getArticle, { params: { id: placed.articleId } });
    expect(article).toMatchObject({ title: '案例1', section: '优秀案例', position: 2 });
    expect(
      (
        await failure(
          secretary.client.call(api.cases.placeInBulletin, { params: { id: entries[0]!.id }, body: { issueId: draft.issue.id } }),
        )
      ).status,
    ).toBe(409);
    const published = await createIssue(server.db, { status: 'published', year: 2031, number: 2 });
    expect(
      (
        await failure(
          secretary.client.call(api.cases.placeInBulletin, { params: { id: entries[0]!.id }, body: { issueId: published.issue.id } }),
        )
      ).status,
    ).toBe(409);
  });
});
