import { agreement, ENTRY_ACTION_LABELS, ENTRY_STATUS_LABELS, type Entry, type EntryListItem } from '@zhijian/shared';
import { canEditEntry, canWithdrawEntry } from '../policies/entries';
import type { EntryDetailRows, EntryListRow } from '../queries/entries';
import { presentEntryFiles } from './entryFiles';
import { submittedScores } from './reviews';

/**
 * An entry for its unit or for the secretariat. The unit sees the secretariat as 秘书处 and, once
 * results are published, its tier and the reviewers' opinions without names; the secretariat
 * also sees who reviews it and how far they are.
 */
export function presentEntry(
  { entry, call, unitName, authorName, topicTitle, files, events, assignments }: EntryDetailRows,
  view: 'unit' | 'secretariat',
  now: Date,
): Entry {
  const published = Boolean(call.resultsPublishedAt) && entry.status === 'rated';
  const result = published
    ? {
        tier: entry.tier,
        mean: agreement(submittedScores(assignments, entry.id)).mean,
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
    ...presentEntryFiles(files),
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

/** One line of a list of entries: the unit's own list and the secretariat's desk. */
export function presentEntryListItem(row: EntryListRow): EntryListItem {
  return {
    id: row.entry.id,
    callId: row.entry.callId,
    callTitle: row.callTitle,
    callKind: row.callKind,
    status: row.entry.status,
    statusLabel: ENTRY_STATUS_LABELS[row.entry.status],
    registrationNumber: row.entry.registrationNumber,
    title: row.entry.title,
    category: row.entry.category,
    unitName: row.unitName,
    authorName: row.authorName ?? '',
    imageCount: Number(row.imageCount),
    submittedAt: row.entry.submittedAt?.toISOString() ?? null,
    updatedAt: row.entry.updatedAt.toISOString(),
  };
}
