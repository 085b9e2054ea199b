import Taro from '@tarojs/taro';
import type { IssueStatus } from '@zhijian/shared';
import type { z } from 'zod';
import { api } from '@zhijian/shared';
import { call } from './api';
import { UserError } from './errors';
import { keptArticle, keptIssue, keptIssueList, updateKeptArticle } from './offlineLibrary';
import { isUnreachable } from './network';
import { sendOrQueue } from './outbox';

/** Without a network, what the device keeps (`offlineLibrary.ts`); with none kept, why not. */
async function orKept<T>(load: Promise<T>, kept: () => T | null, what: string): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    const copy = kept();
    if (copy) return copy;
    throw new UserError(`网络不通，${what}还没有下载到本机。本机保存最近 3 期简报和收藏的文章，联网后会自动更新。`);
  }
}

/** 简报 as every member reads it: issues, articles, search, favourites, reads, reminders. */

/** One page of issues, flattened: lists group consecutive issues of a year under its header. */
export async function listIssues(page: number, pageSize: number, status: z.input<typeof IssueStatus> = 'published') {
  try {
    const result = await call(api.bulletins.listIssues, { query: { page, pageSize, status } });
    return { items: result.years.flatMap((year) => year.issues), total: result.total };
  } catch (error) {
    // Offline, the members' list shows the issues kept on the device (all on the first page).
    const kept = status === 'published' ? keptIssueList() : [];
    if (!isUnreachable(error) || kept.length === 0) throw error;
    return page === 1 ? { items: kept, total: kept.length } : { items: [], total: kept.length };
  }
}

/** The drafts an adopted news item or a rated case can be placed in. */
export async function listDraftIssues() {
  const { years } = await call(api.bulletins.listIssues, { query: { status: 'draft' } });
  return years.flatMap((year) => year.issues);
}

export function getIssue(id: number) {
  return orKept(call(api.bulletins.getIssue, { params: { id } }), () => keptIssue(id), '这期简报');
}

export async function getArticle(id: number) {
  const article = await orKept(call(api.bulletins.getArticle, { params: { id } }), () => keptArticle(id), '这篇文章');
  updateKeptArticle(article);
  return article;
}

export function searchArticles(q: string, page: number, pageSize: number) {
  return call(api.bulletins.search, { query: { q, page, pageSize } });
}

/**
 * Reports the article read once the reader stayed its `secondsToRead`, with when: a read made
 * offline waits in the outbox and still counts for the day it was made. Null when it waits.
 */
export async function reportRead(articleId: number, seconds: number, readAt = new Date()) {
  const sent = await sendOrQueue(
    '阅读记录',
    api.bulletins.reportRead,
    { params: { id: articleId }, body: { seconds, readAt: readAt.toISOString() } },
    { coalesce: `read:${articleId}` },
  );
  return sent.queued ? null : sent.result;
}

/** Favourites may wait for the network (the latest choice per article is what is sent); true when it waits. */
export async function setFavourite(articleId: number, favourite: boolean): Promise<boolean> {
  const sent = await sendOrQueue(
    favourite ? '收藏文章' : '取消收藏',
    favourite ? api.bulletins.favourite : api.bulletins.unfavourite,
    { params: { id: articleId } },
    { coalesce: `favourite:${articleId}` },
  );
  return sent.queued;
}

export function myFavourites(page: number, pageSize: number) {
  return call(api.bulletins.myFavourites, { query: { page, pageSize } });
}

export function myReads(page: number, pageSize: number) {
  return call(api.bulletins.myReads, { query: { page, pageSize } });
}

/**
 * "Remind me of the next issue": WeChat's subscription prompt (it needs a tap, and each allowance is
 * good for one message), then the server counts the allowance. Answers how many reminders are due.
 */
export async function subscribeToNewIssues(templateId: string): Promise<number> {
  let answer: unknown;
  try {
    // entityIds is Alipay's field; Taro's typings require it, WeChat ignores it.
    answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
  } catch {
    throw new UserError('暂时无法开启提醒，请稍后再试');
  }
  if ((answer as Record<string, unknown>)[templateId] !== 'accept') throw new UserError('未开启提醒，可随时再点这里开启');
  const { remaining } = await call(api.bulletins.subscribe);
  return remaining;
}

/** The 简报 tab's badge: 新 while the newest issue is out and unopened. Best effort: a tab bar that is not shown has none. */
export function markNewIssue(isNew: boolean): void {
  const done = isNew ? Taro.setTabBarBadge({ index: 0, text: '新' }) : Taro.removeTabBarBadge({ index: 0 });
  void Promise.resolve(done).catch(() => undefined);
}
