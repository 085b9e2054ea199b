import { agreement, ENTRY_ACTION_LABELS, ENTRY_STATUS_LABELS, type Entry } from '@zhijian/shared';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/client';
import { calls, entries, entryEvents, members, researchTopics, units } from '../db/schema';
import { notFound } from '../errors';
import { canEditEntry, canWithdrawEntry } from '../submissions/rules';
import { assignmentsOf, submittedScores } from '../submissions/reviewScores';
import { filesOf, splitFiles } from './entryFile';

const author = alias(members, 'author');
const actor = alias(members, 'actor');

/** The row and its call, unit and author: what every view of an entry starts from. */
export async function loadEntry(db: Queryable, id: number) {
  const [row] = await db
    .select({
      entry: entries,
      call: calls,
      unitName: units.name,
      unitGroupId: units.groupId,
      authorName: author.name,
      topicTitle: researchTopics.title,
    })
    .from(entries)
    .innerJoin(calls, eq(calls.id, entries.callId))
    .innerJoin(units, eq(units.id, entries.unitId))
    .leftJoin(author, eq(author.id, entries.authorId))
    .leftJoin(researchTopics, eq(researchTopics.id, entries.topicId))
    .where(eq(entries.id, id));
  if (!row) throw notFound('报送');
  return row;
}

export type LoadedEntry = Awaited<ReturnType<typeof loadEntry>>;

/**
 * An entry for its unit or for the secretariat. The unit sees the secretariat as 秘书处 and, once
 * results are published, its tier and the reviewers' opinions without names; the secretariat
 * also sees who reviews it and how far they are.
 */
export async function presentEntry(db: Queryable, id: number, view: 'unit' | 'secretariat', now: Date): Promise<Entry> {
  return presentLoadedEntry(db, await loadEntry(db, id), view, now);
}

/** `presentEntry` for a row `loadEntry` already read. */
export async function presentLoadedEntry(
  db: Queryable,
  { entry, call, unitName, authorName, topicTitle }: LoadedEntry,
  view: 'unit' | 'secretariat',
  now: Date,
): Promise<Entry> {
  const id = entry.id;
  const files = splitFiles(await filesOf(db, [id]));
  const events = await db
    .select({ event: entryEvents, actorName: actor.name })
    .from(entryEvents)
    .leftJoin(actor, eq(actor.id, entryEvents.actorId))
    .where(eq(entryEvents.entryId, id))
    .orderBy(asc(entryEvents.at), asc(entryEvents.id));
  const assignments = await assignmentsOf(db, [id], call.rubric);
  const published = Boolean(call.resultsPublishedAt) && entry.status === 'rated';
  const result = published
    ? {
        tier: entry.tier,
        mean: agreement(submittedScores(assignments, id)).mean,
        opinions: assignments.filter((a) => a.reviewStatus === 'submitted' && a.opinion).map((a) => a.opinion!),
      }
    : null;
  return {
    id: entry.id,
    callId: call.id,
    callTitle: call.title,
    callKind: call.kind,
    status: entry.status,
    statusLabel: ENTRY_STATUS_LABELS[entry.status],
    registrationNumber: entry.registrationNumber,
    unitId: entry.unitId,
    unitName,
    authorName: authorName ?? '',
    title: entry.title,
    category: entry.category,
    summary: entry.summary,
    body: entry.body,
    contactName: entry.contactName,
    contactPhone: entry.contactPhone,
    topic: entry.topicId && topicTitle ? { id: entry.topicId, title: topicTitle } : null,
    version: entry.version,
    ...files,
    timeline: events.map(({ event, actorName }) => ({
      action: event.action,
      label: ENTRY_ACTION_LABELS[event.action],
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      comment: event.comment,
      actor: event.bySecretariat ? '秘书处' : (actorName ?? ''),
      at: event.at.toISOString(),
    })),
    result,
    assignments:
      view === 'secretariat'
        ? assignments.map((a) => ({
            id: a.assignmentId,
            reviewerId: a.reviewerId,
            reviewerName: a.reviewerName,
            status: a.status,
            deadline: a.deadline.toISOString(),
            declineReason: a.declineReason,
            conflictOverrideReason: a.conflictOverrideReason,
            reviewStatus: a.reviewStatus,
            weightedScore: a.weightedScore,
          }))
        : null,
    editable: view === 'unit' && canEditEntry(entry, call, now),
    withdrawable: view === 'unit' && canWithdrawEntry(entry),
    submittedAt: entry.submittedAt?.toISOString() ?? null,
    updatedAt: entry.updatedAt.toISOString(),
  };
}
