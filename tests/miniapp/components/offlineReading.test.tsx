import { render, screen, waitFor } from '@testing-library/react';
import type { Article, IssueDetail } from '@zhijian/shared';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ArticlePage from '../../../miniapp/src/packages/bulletin/article';
import IssuePage from '../../../miniapp/src/packages/bulletin/issue';
import { listIssues, reportRead } from '../../../miniapp/src/services/bulletins';
import { networkStore, watchNetwork } from '../../../miniapp/src/services/network';
import {
  keptArticle,
  keptIssue,
  OFFLINE_BUDGET_BYTES,
  offlineStore,
  refreshOfflineLibrary,
} from '../../../miniapp/src/services/offlineLibrary';
import { outboxStore, startOutbox } from '../../../miniapp/src/services/outbox';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeArticle, makeIssueDetail, makeIssueSummary, para } from '../../support/taro/bulletinFactories';
import { installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl, type RawResponse } from '../../support/taro/taro';

/** Three published issues of three articles each, and one favourite from an older issue. */
function library(overrides: { article?: (id: number) => Partial<Article> } = {}) {
  const issues: IssueDetail[] = [1, 2, 3].map((id) =>
    makeIssueDetail({
      id,
      label: `2026 年第 ${id} 期`,
      toc: [1, 2, 3].map((n) => ({ articleId: id * 10 + n, title: `第 ${id} 期第 ${n} 篇`, section: null, read: false })),
    }),
  );
  const articles = new Map<number, Article>();
  for (const issue of issues) {
    for (const entry of issue.toc) {
      articles.set(
        entry.articleId,
        makeArticle({
          id: entry.articleId,
          issueId: issue.id,
          title: entry.title,
          prev: null,
          next: null,
          ...overrides.article?.(entry.articleId),
        }),
      );
    }
  }
  articles.set(
    99,
    makeArticle({ id: 99, issueId: 9, title: '收藏的旧文章', favourite: true, prev: null, next: null, blocks: [para('收藏的正文。')] }),
  );
  return { issues, articles };
}

/** The fake API with ETags: a request naming the current one gets 304 and no body. */
function fakeServer(data: ReturnType<typeof library>) {
  const tagged =
    (etag: string, body: unknown) =>
    (request: FakeRequest): RawResponse =>
      request.headers['if-none-match'] === etag
        ? { statusCode: 304, header: { ETag: etag }, data: '' }
        : { ...json(200, body), header: { ...json(200, body).header, ETag: etag } };
  const routes: Record<string, (request: FakeRequest) => RawResponse> = {
    'GET /api/bulletins/issues': () =>
      json(200, {
        years: [{ year: 2026, issues: data.issues.map((issue) => makeIssueSummary({ ...issue })) }],
        total: 3,
        page: 1,
        pageSize: 3,
      }),
    'GET /api/me/favourites': () =>
      json(200, {
        items: [{ articleId: 99, title: '收藏的旧文章', issueId: 9, issueLabel: '2015 年第 9 期', at: '2026-11-01T00:00:00Z' }],
        total: 1,
        page: 1,
        pageSize: 100,
      }),
    'POST /api/bulletins/articles/99/read': () => json(200, { read: true, secondsToRead: 8 }),
  };
  // An ETag names a version: here the record and the length of its JSON.
  const etag = (name: string, body: unknown) => `W/"${name}-${JSON.stringify(body).length}"`;
  for (const issue of data.issues) routes[`GET /api/bulletins/issues/${issue.id}`] = tagged(etag(`issue-${issue.id}`, issue), issue);
  for (const [id, article] of data.articles) routes[`GET /api/bulletins/articles/${id}`] = tagged(etag(`article-${id}`, article), article);
  const server = installFakeApi(routes);
  const reach = taroControl.requestHandler;
  const net = { offline: false };
  taroControl.requestHandler = async (options) => {
    if (net.offline) throw { errMsg: 'request:fail' };
    return reach(options);
  };
  return {
    server,
    goOffline() {
      net.offline = true;
      taroControl.fireNetworkStatus(false);
    },
    goOnline() {
      net.offline = false;
      taroControl.fireNetworkStatus(true);
    },
  };
}

beforeAll(() => {
  watchNetwork();
  startOutbox();
});

beforeEach(() => {
  clearSession();
  saveSession(makeSignedIn(makeMe({ id: 7 })));
  offlineStore.set(null);
  outboxStore.set({ items: [], outcomes: [], sending: null });
  networkStore.set({ online: true, weak: false });
});

describe('offline reading', () => {
  it('keeps the last 3 issues with their articles and every favourite, and opens them without a network', async () => {
    const phone = fakeServer(library());
    await refreshOfflineLibrary();
    expect([1, 2, 3].map((id) => keptIssue(id)?.label)).toEqual(['2026 年第 1 期', '2026 年第 2 期', '2026 年第 3 期']);
    expect(keptArticle(32)?.title).toBe('第 3 期第 2 篇');
    expect(keptArticle(99)?.title).toBe('收藏的旧文章');

    phone.goOffline();
    expect((await listIssues(1, 20)).items.map((issue) => issue.id)).toEqual([1, 2, 3]);
    taroControl.routerParams = { id: '2' };
    render(<IssuePage />);
    expect(await screen.findByText('第 2 期第 3 篇')).toBeInTheDocument();
    expect(screen.getByText('网络已断开：可阅读已下载的简报，保存的内容联网后自动发送')).toBeInTheDocument();
  });

  it('opens a kept favourite offline, and one never kept says why', async () => {
    const phone = fakeServer(library());
    await refreshOfflineLibrary();
    phone.goOffline();
    taroControl.routerParams = { id: '99' };
    const { unmount } = render(<ArticlePage />);
    expect(await screen.findByText('收藏的正文。')).toBeInTheDocument();
    unmount();
    taroControl.routerParams = { id: '404' };
    render(<ArticlePage />);
    expect(await screen.findByText(/网络不通，这篇文章还没有下载到本机/)).toBeInTheDocument();
    expect(taroControl.toasts).toEqual([]);
  });

  it('refreshes by ETag: what has not changed comes back as 304, without a body', async () => {
    const phone = fakeServer(library());
    await refreshOfflineLibrary();
    const firstRound = phone.server.calls.length;
    await refreshOfflineLibrary();
    const revalidated = phone.server.calls
      .slice(firstRound)
      .filter((call) => call.path.match(/^\/api\/bulletins\/(issues|articles)\/\d+$/));
    expect(revalidated).toHaveLength(3 + 9 + 1);
    expect(revalidated.every((call) => call.headers['if-none-match']?.startsWith('W/"'))).toBe(true);
    expect(keptIssue(1)?.toc).toHaveLength(3);
    expect(keptArticle(99)?.title).toBe('收藏的旧文章');
  });

  it(`keeps within ${OFFLINE_BUDGET_BYTES / 1024 / 1024} MB: what does not fit is left online`, async () => {
    // About 1.2 MB each (400,000 CJK characters as UTF-8): two fit, the third does not.
    const big = (id: number) => (id % 10 === 1 ? { blocks: Array.from({ length: 400 }, () => para('党'.repeat(1000))) } : {});
    fakeServer(library({ article: big }));
    await refreshOfflineLibrary();
    const kept = [11, 21, 31].filter((id) => keptArticle(id));
    expect(kept).toEqual([11, 21]);
    expect(keptArticle(32)?.title).toBe('第 3 期第 2 篇');
    const index = offlineStore.get()!;
    const used = [...Object.values(index.issues), ...Object.values(index.articles)].reduce((sum, item) => sum + item.bytes, 0);
    expect(used).toBeLessThanOrEqual(OFFLINE_BUDGET_BYTES);
  });

  it('reports a read made offline later, with the time it was made, once', async () => {
    const phone = fakeServer(library());
    await refreshOfflineLibrary();
    phone.goOffline();
    expect(await reportRead(99, 12, new Date('2026-12-01T12:30:00Z'))).toBeNull();
    expect(phone.server.callsTo('POST', '/api/bulletins/articles/99/read')).toHaveLength(0);
    phone.goOnline();
    await waitFor(() => expect(outboxStore.get().items).toEqual([]));
    const reports = phone.server.callsTo('POST', '/api/bulletins/articles/99/read');
    expect(reports.map((report) => report.body)).toEqual([{ seconds: 12, readAt: '2026-12-01T12:30:00.000Z' }]);
  });
});
