import type { EntryStatus } from '@zhijian/shared';
import { api } from '@zhijian/shared';
import { call, client, type Body } from './api';
import { downloadExport } from './download';
import { listDraftIssues } from './bulletins';
import { getEntry } from './submissions';

/**
 * The secretariat's desk for 征集与评审: calls, registration and pre-screening, reviewer
 * assignment, results, 信息 adoption, and the exports.
 */

// ── Calls.

/** Every call, newest first (any phase). */
export async function listCalls() {
  return (await call(api.calls.list, { query: {} })).items;
}

export function createCall(body: Body<typeof api.calls.create>) {
  return call(api.calls.create, { body });
}

// ── One call at the desk.

export function deskEntries(callId: number, page: number, pageSize: number, status?: EntryStatus) {
  return call(api.desk.entries, { params: { id: callId }, query: { page, pageSize, status } });
}

/** Registers every submitted entry in the order they came in; answers how many. */
export async function registerAll(callId: number) {
  return (await call(api.desk.registerAll, { params: { id: callId } })).registered.length;
}

/** Assigns reviewers to every passed entry, workload balanced, avoiding conflicts of interest. */
export function autoAssign(callId: number, deadline: string) {
  return call(api.desk.autoAssign, { params: { id: callId }, body: { deadline } });
}

export function exportEntries(callId: number, title: string) {
  return downloadExport(client.url(api.results.exportEntries, { params: { id: callId } }), `${title}-报送与评分.xlsx`);
}

export function exportWorkload(callId: number, title: string) {
  return downloadExport(client.url(api.results.exportWorkload, { params: { id: callId } }), `${title}-评审工作量.xlsx`);
}

// ── One entry at the desk.

/** The entry, with the reviewers to choose from while it awaits review and the drafts it may go into. */
export async function loadDeskEntry(id: number) {
  const entry = await getEntry(id);
  const reviewers = ['passed', 'in_review'].includes(entry.status)
    ? (await call(api.desk.reviewers, { params: { id: entry.callId } })).items
    : [];
  const drafts = entry.callKind === 'news' || entry.status === 'rated' ? await listDraftIssues() : [];
  return { entry, reviewers, drafts };
}

export function registerEntry(id: number) {
  return call(api.desk.register, { params: { id } });
}

export function prescreenEntry(id: number, body: Body<typeof api.desk.prescreen>) {
  return call(api.desk.prescreen, { params: { id }, body });
}

export function assignReviewer(id: number, body: Body<typeof api.desk.assign>) {
  return call(api.desk.assign, { params: { id }, body });
}

/** Sends a submitted review back to its reviewer, with the reason and a new deadline. */
export function reopenReview(assignmentId: number, body: Body<typeof api.reviews.reopen>) {
  return call(api.reviews.reopen, { params: { id: assignmentId }, body });
}

/** A news item (信息) adopted into a draft issue. */
export function adoptNews(entryId: number, body: Body<typeof api.news.adopt>) {
  return call(api.news.adopt, { params: { id: entryId }, body });
}

/** A rated case placed in a draft issue as 优秀案例. */
export function placeCaseInBulletin(entryId: number, body: Body<typeof api.cases.placeInBulletin>) {
  return call(api.cases.placeInBulletin, { params: { id: entryId }, body });
}

// ── Results.

export async function loadResults(callId: number) {
  const [found, results] = await Promise.all([
    call(api.calls.get, { params: { id: callId } }),
    call(api.results.get, { params: { id: callId } }),
  ]);
  return { call: found, results };
}

export function setTiers(callId: number, body: Body<typeof api.results.setTiers>) {
  return call(api.results.setTiers, { params: { id: callId }, body });
}

export function closeReviewRound(callId: number, reason: string) {
  return call(api.results.closeRound, { params: { id: callId }, body: { reason } });
}

export function publishResults(callId: number) {
  return call(api.results.publish, { params: { id: callId } });
}

// ── 信息 counts.

export function newsCounts(year: number) {
  return call(api.news.counts, { query: { year } });
}

export function exportNewsCounts(year: number) {
  return downloadExport(client.url(api.news.exportCounts, { query: { year } }), `${year}年信息报送统计.xlsx`);
}
