import { UPLOAD_LIMITS, uploadRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { entries, entryFiles } from '../db/schema';
import { refuse } from '../errors';
import type { ProcessedFile } from '../files/processImage';
import { assertEditable } from '../policies/entries';
import { findEntryWithCall } from '../queries/entries';
import { countFiles, type EntryFileRow } from '../queries/entryFiles';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Records a file already processed and stored under `storageKey` as the entry's, under the entry's
 * lock, while the unit may edit the entry and within the per-entry limit.
 */
export async function addEntryFile(
  ctx: CommandContext,
  props: { entryId: number; kind: EntryFileRow['kind']; storageKey: string; originalName: string; processed: ProcessedFile },
): Promise<EntryFileRow> {
  const { entryId, kind, processed } = props;
  const { entry, call } = await findEntryWithCall(ctx.tx, entryId, { lock: true });
  assertEditable(entry, call, ctx.now);
  const limit = kind === 'image' ? UPLOAD_LIMITS.imagesPerEntry : UPLOAD_LIMITS.attachmentsPerEntry;
  if ((await countFiles(ctx.tx, entryId, kind)) >= limit) {
    throw refuse(
      uploadRefusals.too_many_files,
      { limit },
      kind === 'image' ? `每份报送最多 ${limit} 张图片` : `每份报送最多 ${limit} 个附件`,
    );
  }
  const [created] = await ctx.tx
    .insert(entryFiles)
    .values({
      entryId,
      kind,
      storageKey: props.storageKey,
      originalName: props.originalName.slice(0, 200),
      mimeType: processed.mimeType,
      size: processed.data.length,
      width: processed.width,
      height: processed.height,
      uploadedBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
    })
    .returning();
  await ctx.tx.update(entries).set({ updatedAt: ctx.now }).where(eq(entries.id, entryId));
  if (entry.status !== 'draft') {
    await audit(ctx, { action: 'entry.file_add', entity: 'entry', entityId: entryId, after: { fileId: created!.id, kind } });
  }
  return created!;
}
