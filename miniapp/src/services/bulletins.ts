import Taro from '@tarojs/taro';
import type { IssueStatus } from '@zhijian/shared';
import type { z } from 'zod';
import { api, call } from './api';
import { UserError } from './errors';

/** 简报 as every member reads it: issues, articles, search, favourites, reads, reminders. */

/** One page of issues, flattened: lists group consecutive issues of a year under its header. */
export async function listIssues(page: number, pageSize: number, status: z.input<typeof IssueStatus> = 'published') {
  const result = await call(api.bulletins.listIssues, { query: { page, pageSize, status } });
  return { items: result.years.flatMap((year) => year.issues), total: result.total };
}

/** The drafts an adopted news item or a rated case can be placed in. */
export async function listDraftIssues() {
  const { years } = await call(api.bulletins.listIssues, { query: { status: 'draft' } });
  return years.flatMap((year) => year.issues);
}

export function getIssue(id: number) {
  return call(api.bulletins.getIssue, { params: { id } });
}

export function getArticle(id: number) {
  return call(api.bulletins.getArticle, { params: { id } });
}

export function searchArticles(q: string, page: number, pageSize: number) {
  return call(api.bulletins.search, { query: { q, page, pageSize } });
}

/** Reports the article read once the reader stayed its `secondsToRead`. */
export function reportRead(articleId: number, seconds: number) {
  return call(api.bulletins.reportRead, { params: { id: articleId }, body: { seconds } });
}

export function setFavourite(articleId: number, favourite: boolean) {
  return call(favourite ? api.bulletins.favourite : api.bulletins.unfavourite, { params: { id: articleId } });
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
