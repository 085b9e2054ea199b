import { api, commonRefusals, entryRefusals, newsRefusals, placementRefusals } from '@zhijian/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssue } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import {
  days,
  fetchBinary,
  fromNow,
  LONG_TOKENS,
  openCall,
  secretariat,
  submittedEntry,
  unitAdmin,
} from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let secretary: Awaited<ReturnType<typeof secretariat>>;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
  secretary = await secretariat(server);
});
afterAll(() => server.close());

const NEWS = {
  category: null,
  title: '园区开展主题党日',
  summary: '主题党日活动',
  body: '3 月 5 日，园区党总支开展主题党日。\n党员们重温入党誓词。',
};

async function newsCall() {
  return openCall(server, secretary.client, {
    kind: 'news',
    title: '2026 年信息报送',
    entryLimit: 100,
    closesAt: fromNow(server, days(40)),
  });
}

describe('信息报送 from report to count', () => {
  it('an information officer reports, the secretariat adopts the item into a draft 简报, and the counts follow', async () => {
    const call = await newsCall();
    expect(call).toMatchObject({ code: 'XX', reviewersPerEntry: 0, categories: [] });
    const unit = await unitAdmin(server);
    const officer = await signedInMember(server, ['member', 'info_officer'], { unitId: unit.unit.id });
    const first = await submittedEntry(officer.client, call.id, NEWS);
    await submittedEntry(officer.client, call.id, { ...NEWS, title: '第二条信息' });
    await submittedEntry(unit.client, call.id, { ...NEWS, title: '党务工作者报的信息' });

    const issue = await createIssue(server.db, { status: 'draft', year: 2032, number: 1 });
    const adopted = await secretary.client.call(api.news.adopt, {
      params: { id: first.id },
      body: { issueId: issue.issue.id, section: '会员动态' },
    });
    const article = await secretary.client.call(api.bulletins.getArticle, { params: { id: adopted.articleId } });
    expect(article).toMatchObject({ title: '园区开展主题党日', section: '会员动态' });
    expect(article.blocks.map((b) => b.spans[0]!.text)).toEqual([
      '3 月 5 日，园区党总支开展主题党日。',
      '党员们重温入党誓词。',
      `（${unit.unit.name}供稿）`,
    ]);
    const seen = await officer.client.call(api.entries.get, { params: { id: first.id } });
    expect(seen.status).toBe('adopted');
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'adopt', actor: '秘书处' });

    const counts = await secretary.client.call(api.news.counts, { query: { year: 2026 } });
    expect(counts.units.find((u) => u.unitId === unit.unit.id)).toMatchObject({ reported: 3, adopted: 1 });
    expect(counts.officers.find((o) => o.memberId === officer.member.id)).toMatchObject({ reported: 2, adopted: 1 });
    expect(counts.officers.find((o) => o.memberId === unit.member.id)).toMatchObject({ reported: 1, adopted: 0 });
    expect((await secretary.client.call(api.news.counts, { query: { year: 2025 } })).units).toEqual([]);

    const response = await fetchBinary(server, secretary.token, '/api/news/export?year=2026');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const unitRows: unknown[][] = [];
    workbook.getWorksheet('按单位')!.eachRow((row) => unitRows.push((row.values as unknown[]).slice(1)));
    expect(unitRows[0]).toEqual(['单位', '片组', '报送', '采用']);
    expect(unitRows.find((r) => r[0] === unit.unit.name)?.slice(2)).toEqual([3, 1]);
    const officerRows: unknown[][] = [];
    workbook.getWorksheet('按信息员')!.eachRow((row) => officerRows.push((row.values as unknown[]).slice(1)));
    expect(officerRows.find((r) => r[0] === officer.member.name)?.slice(2)).toEqual([2, 1]);
  });
});

describe('POST /api/entries/:id/adopt', () => {
  it('adopts an item once, into drafts only, and only news', async () => {
    const call = await newsCall();
    const unit = await unitAdmin(server);
    const [first, second] = [await submittedEntry(unit.client, call.id, NEWS), await submittedEntry(unit.client, call.id, NEWS)];
    const issue = await createIssue(server.db, { status: 'draft', year: 2033, number: 1 });
    await secretary.client.call(api.news.adopt, { params: { id: first.id }, body: { issueId: issue.issue.id } });
    const again = await expectRefused(
      secretary.client.call(api.news.adopt, { params: { id: first.id }, body: { issueId: issue.issue.id } }),
      entryRefusals.transition_not_allowed,
    );
    expect(again).toMatchObject({ status: 'adopted', action: 'adopt' });

    const published = await createIssue(server.db, { status: 'published', year: 2033, number: 2 });
    await expectRefused(
      secretary.client.call(api.news.adopt, { params: { id: second.id }, body: { issueId: published.issue.id } }),
      placementRefusals.issue_not_draft,
    );
    // The refusal rolls the adoption back with it.
    expect((await unit.client.call(api.entries.get, { params: { id: second.id } })).status).toBe('submitted');

    const aCase = await submittedEntry(unit.client, (await openCall(server, secretary.client)).id);
    await expectRefused(
      secretary.client.call(api.news.adopt, { params: { id: aCase.id }, body: { issueId: issue.issue.id } }),
      newsRefusals.not_news,
    );
  });
});

describe('GET /api/news/counts and /api/news/export', () => {
  it('are refused to units and members', async () => {
    const unit = await unitAdmin(server);
    await expectRefused(unit.client.call(api.news.counts), commonRefusals.forbidden);
    expect((await fetchBinary(server, unit.token, '/api/news/export')).status).toBe(403);
  });
});
