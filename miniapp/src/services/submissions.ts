import { api } from '@zhijian/shared';
import { call, type Body } from './api';
import { sendOrQueue } from './outbox';

/**
 * 征集与报送 as units see them: open calls, the unit's entries from draft to result, research
 * topics and claims, and the published 案例库.
 */

// ── Calls.

export async function listOpenCalls() {
  return (await call(api.calls.list, { query: { phase: 'open' } })).items;
}

export function getCall(id: number) {
  return call(api.calls.get, { params: { id } });
}

// ── Entries.

export function myEntries(page: number, pageSize: number) {
  return call(api.entries.mine, { query: { page, pageSize } });
}

export function getEntry(id: number) {
  return call(api.entries.get, { params: { id } });
}

/**
 * The entry form's start: an entry of the unit (`entryId`) or a new one for a call (`callId`),
 * the call, and for a research call its topics.
 */
export async function loadEntryForm({ entryId, callId }: { entryId: number | null; callId: number }) {
  const entry = entryId !== null ? await getEntry(entryId) : null;
  const found = await getCall(entry?.callId ?? callId);
  const topics = found.kind === 'research' ? await listTopics(found.id) : [];
  // A new entry's contact starts as the person filling it in; without it the form still opens.
  const contact = entry ? null : await call(api.auth.contact).catch(() => null);
  return { call: found, entry, topics, contact };
}

export function createEntry(callId: number, body: Body<typeof api.entries.create>) {
  return call(api.entries.create, { params: { id: callId }, body });
}

/** Changes a draft; `version` in the body names the version it changes. */
/**
 * Saves a draft; without a network it waits in the outbox (a newer save of the same entry replaces
 * a waiting one) and `onQueued` is told, while the answer comes once the outbox has sent it.
 */
export async function updateEntry(id: number, body: Body<typeof api.entries.update>, onQueued?: () => void) {
  const sent = await sendOrQueue('保存报送草稿', api.entries.update, { params: { id }, body }, { coalesce: `entry:${id}` });
  if (!sent.queued) return sent.result;
  onQueued?.();
  return sent.delivered;
}

export function submitEntry(id: number) {
  return call(api.entries.submit, { params: { id } });
}

export function withdrawEntry(id: number) {
  return call(api.entries.withdraw, { params: { id }, body: {} });
}

// ── Research topics.

export async function listTopics(callId: number) {
  return (await call(api.topics.list, { params: { id: callId } })).items;
}

/** Claims a topic for the unit, or on behalf of its 片组. */
export function claimTopic(topicId: number, forGroup: boolean) {
  return call(api.topics.claim, { params: { id: topicId }, body: { forGroup } });
}

// ── 案例库.

export function listCases(page: number, pageSize: number, q: string) {
  return call(api.cases.list, { query: { page, pageSize, q: q || undefined } });
}

export function getCase(id: number) {
  return call(api.cases.get, { params: { id } });
}
