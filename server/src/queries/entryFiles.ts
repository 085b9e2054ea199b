import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { calls, entries, entryFiles, reviewAssignments } from '../db/schema';
import { notFound } from '../errors';
import type { CallRow } from './calls';
import type { EntryRow } from './entries';

export type EntryFileRow = typeof entryFiles.$inferSelect;

/** The images and attachments of these entries, in the order they were uploaded. */
export async function filesOf(db: Queryable, entryIds: number[]): Promise<EntryFileRow[]> {
  if (entryIds.length === 0) return [];
  return db.select().from(entryFiles).where(inArray(entryFiles.entryId, entryIds)).orderBy(asc(entryFiles.id));
}

export async function findEntryFile(db: Queryable, id: number): Promise<EntryFileRow> {
  const [file] = await db.select().from(entryFiles).where(eq(entryFiles.id, id));
  if (!file) throw notFound('文件');
  return file;
}

export async function countFiles(db: Queryable, entryId: number, kind: EntryFileRow['kind']): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(entryFiles)
    .where(and(eq(entryFiles.entryId, entryId), eq(entryFiles.kind, kind)));
  return row?.n ?? 0;
}

export interface FileWithEntry {
  file: EntryFileRow;
  entry: EntryRow;
  call: CallRow;
  /** Whether the reader is one of the entry's active reviewers. */
  assignedToReader: boolean;
}

/** A file with what decides who may read it: its entry, the call, and whether the reader reviews the entry. */
export async function loadFileForReader(db: Queryable, fileId: number, readerId: number): Promise<FileWithEntry> {
  const [row] = await db
    .select({ file: entryFiles, entry: entries, call: calls })
    .from(entryFiles)
    .innerJoin(entries, eq(entries.id, entryFiles.entryId))
    .innerJoin(calls, eq(calls.id, entries.callId))
    .where(eq(entryFiles.id, fileId));
  if (!row) throw notFound('文件');
  const [assignment] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(
      and(eq(reviewAssignments.entryId, row.entry.id), eq(reviewAssignments.reviewerId, readerId), eq(reviewAssignments.status, 'active')),
    );
  return { ...row, assignedToReader: Boolean(assignment) };
}
