import { ENTRY_STATUS_LABELS, type EntryListItem } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { calls, entries, entryFiles, members, units } from '../db/schema';

/** The columns every list of entries selects (joined with calls, units and, left, members). */
export const entryListColumns = {
  entry: entries,
  callTitle: calls.title,
  callKind: calls.kind,
  unitName: units.name,
  authorName: members.name,
  imageCount: sql<number>`(select count(*)::int from ${entryFiles} where ${entryFiles.entryId} = ${entries.id} and ${entryFiles.kind} = 'image')`,
};

type EntryListRow = {
  entry: typeof entries.$inferSelect;
  callTitle: string;
  callKind: EntryListItem['callKind'];
  unitName: string;
  authorName: string | null;
  imageCount: number;
};

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
