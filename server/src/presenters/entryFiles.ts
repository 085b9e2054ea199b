import type { EntryFile } from '@zhijian/shared';
import type { EntryFileRow } from '../queries/entryFiles';

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

/** An entry's files as its views list them: images, then attachments. */
export function presentEntryFiles(rows: readonly EntryFileRow[], blind = false): { images: EntryFile[]; attachments: EntryFile[] } {
  return {
    images: rows.filter((r) => r.kind === 'image').map((r) => presentEntryFile(r, blind)),
    attachments: rows.filter((r) => r.kind === 'attachment').map((r) => presentEntryFile(r, blind)),
  };
}
