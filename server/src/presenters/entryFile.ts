import type { EntryFile } from '@zhijian/shared';
import { asc, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { entryFiles } from '../db/schema';

export type EntryFileRow = typeof entryFiles.$inferSelect;

/** A file's metadata; `blind` leaves out the uploaded name, which often names the unit. */
export function presentEntryFile(row: EntryFileRow, blind = false): EntryFile {
  return {
    id: row.id,
    kind: row.kind,
    name: blind ? null : row.originalName,
    mimeType: row.mimeType,
    size: row.size,
    width: row.width,
    height: row.height,
  };
}

export async function filesOf(db: Queryable, entryIds: number[]): Promise<EntryFileRow[]> {
  if (entryIds.length === 0) return [];
  return db.select().from(entryFiles).where(inArray(entryFiles.entryId, entryIds)).orderBy(asc(entryFiles.id));
}

export function splitFiles(rows: readonly EntryFileRow[], blind = false): { images: EntryFile[]; attachments: EntryFile[] } {
  return {
    images: rows.filter((r) => r.kind === 'image').map((r) => presentEntryFile(r, blind)),
    attachments: rows.filter((r) => r.kind === 'attachment').map((r) => presentEntryFile(r, blind)),
  };
}
