import Taro from '@tarojs/taro';
import type { Article, IssueDetail, IssueSummary } from '@zhijian/shared';
import { api } from '@zhijian/shared';
import { call } from './api';
import { isOffline, isUnreachable } from './network';
import { utf8Bytes } from './outboxState';
import { getSession } from './session';
import { createStore } from './store';

/**
 * 简报 kept on the device to read without a network, as 学习强国 downloads do: the last 3 issues
 * with all their articles, and every favourite article, within 3 MB. Each copy keeps its ETag, so
 * a refresh asks the server only whether it changed (If-None-Match → 304) and moves no body when
 * not. Each issue and article is stored under a key of its own (WeChat: 1 MB a key, 10 MB in all).
 */

export const OFFLINE_RECENT_ISSUES = 3;
export const OFFLINE_BUDGET_BYTES = 3 * 1024 * 1024;
/** How many favourites are looked at (newest first): more than a member keeps, fewer than storage allows. */
const FAVOURITES_LOOKED_AT = 100;
const INDEX_KEY = 'zj.offline.index';
const issueKey = (id: number) => `zj.offline.issue.${id}`;
const articleKey = (id: number) => `zj.offline.article.${id}`;

interface Kept {
  etag: string;
  bytes: number;
}

export interface OfflineIndex {
  memberId: number;
  /** The newest published issues as the list shows them. */
  recent: IssueSummary[];
  issues: Record<string, Kept>;
  articles: Record<string, Kept>;
  /** When the last refresh finished (ms). */
  refreshedAt: number;
}

function loadIndex(): OfflineIndex | null {
  try {
    const stored = Taro.getStorageSync(INDEX_KEY) as OfflineIndex | '';
    return stored && typeof stored === 'object' && Array.isArray(stored.recent) ? stored : null;
  } catch {
    return null;
  }
}

/** What the device keeps (for the member it was kept for); null before the first refresh. */
export const offlineStore = createStore<OfflineIndex | null>(loadIndex());

function indexForMe(): OfflineIndex | null {
  const index = offlineStore.get();
  return index && index.memberId === getSession()?.user.id ? index : null;
}

function read<T>(key: string): T | null {
  try {
    const stored = Taro.getStorageSync(key) as T | '';
    return stored === '' ? null : stored;
  } catch {
    return null;
  }
}

export function keptIssue(id: number): IssueDetail | null {
  return indexForMe()?.issues[id] ? read<IssueDetail>(issueKey(id)) : null;
}

export function keptArticle(id: number): Article | null {
  return indexForMe()?.articles[id] ? read<Article>(articleKey(id)) : null;
}

/** The newest issues kept, for the list when there is no network. */
export function keptIssueList(): IssueSummary[] {
  const index = indexForMe();
  return index ? index.recent.filter((issue) => index.issues[issue.id]) : [];
}

export function keptBytes(index: OfflineIndex | null = indexForMe()): number {
  if (!index) return 0;
  return [...Object.values(index.issues), ...Object.values(index.articles)].reduce((sum, kept) => sum + kept.bytes, 0);
}

/** Keeps the latest article seen online too, when it is one the device keeps (read and favourite marks move). */
export function updateKeptArticle(article: Article): void {
  const index = indexForMe();
  const kept = index?.articles[article.id];
  if (!index || !kept) return;
  try {
    Taro.setStorageSync(articleKey(article.id), article);
  } catch {
    // Full: the older copy stays.
  }
}

let refreshing: Promise<void> | null = null;

/** Refreshes what the device keeps; one refresh at a time, none without a network or a sign-in. */
export function refreshOfflineLibrary(): Promise<void> {
  if (isOffline() || !getSession()) return Promise.resolve();
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refresh(): Promise<void> {
  const memberId = getSession()!.user.id;
  const before = offlineStore.get()?.memberId === memberId ? offlineStore.get() : null;
  const next: OfflineIndex = { memberId, recent: [], issues: {}, articles: {}, refreshedAt: Date.now() };
  let used = 0;

  /** Fetches (or revalidates) one copy and keeps it if it fits the budget; false once it does not. */
  async function keep<T>(
    kind: 'issues' | 'articles',
    id: number,
    key: string,
    fetch: (options: { revalidate?: { etag: string; body: unknown }; onEtag: (etag: string) => void }) => Promise<T>,
  ): Promise<T | null> {
    if (next[kind][id]) return read<T>(key);
    const old = before?.[kind][id];
    const body = old ? read<T>(key) : null;
    let etag = '';
    let fresh: T;
    try {
      fresh = await fetch({ revalidate: old && body ? { etag: old.etag, body } : undefined, onEtag: (value) => (etag = value) });
    } catch (error) {
      // One copy the server will not give (withdrawn, say) is left out; a lost network ends the refresh.
      if (isUnreachable(error)) throw error;
      return null;
    }
    const bytes = utf8Bytes(JSON.stringify(fresh));
    if (!etag || used + bytes > OFFLINE_BUDGET_BYTES) return null;
    Taro.setStorageSync(key, fresh);
    used += bytes;
    next[kind][id] = { etag, bytes };
    return fresh;
  }

  const list = await call(api.bulletins.listIssues, { query: { page: 1, pageSize: OFFLINE_RECENT_ISSUES, status: 'published' } });
  next.recent = list.years.flatMap((year) => year.issues).slice(0, OFFLINE_RECENT_ISSUES);
  for (const summary of next.recent) {
    const issue = await keep('issues', summary.id, issueKey(summary.id), (options) =>
      call(api.bulletins.getIssue, { params: { id: summary.id } }, options),
    );
    for (const entry of issue?.toc ?? []) {
      await keep('articles', entry.articleId, articleKey(entry.articleId), (options) =>
        call(api.bulletins.getArticle, { params: { id: entry.articleId } }, options),
      );
    }
  }
  const favourites = await call(api.bulletins.myFavourites, { query: { page: 1, pageSize: FAVOURITES_LOOKED_AT } });
  for (const favourite of favourites.items) {
    await keep('articles', favourite.articleId, articleKey(favourite.articleId), (options) =>
      call(api.bulletins.getArticle, { params: { id: favourite.articleId } }, options),
    );
  }

  // What is no longer kept (an older issue, a favourite taken back, another member's) leaves the device.
  const stale = offlineStore.get();
  for (const id of Object.keys(stale?.issues ?? {})) if (!next.issues[id]) Taro.removeStorageSync(issueKey(Number(id)));
  for (const id of Object.keys(stale?.articles ?? {})) if (!next.articles[id]) Taro.removeStorageSync(articleKey(Number(id)));
  Taro.setStorageSync(INDEX_KEY, next);
  offlineStore.set(next);
}
