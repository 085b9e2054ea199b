import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { api, UPLOAD_LIMITS } from '@zhijian/shared';
import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { calls, entries, entryFiles, reviewAssignments } from '../../db/schema';
import { forbidden, notFound } from '../../errors';
import { conflict, legacyError } from '../../legacyErrors';
import { processAttachment } from '../../files/processAttachment';
import { processImage, type ProcessedFile } from '../../files/processImage';
import { authorizeEntryWrite, fileAccessOf } from '../../policies/entries';
import { presentEntryFile } from '../../presenters/entryFile';
import { mount, type UploadedFile } from '../../routing/mount';
import type { AppServices } from '../../services';
import type { CurrentUser } from '../../auth/currentUser';
import { assertEditable } from '../../submissions/rules';
import { isShowcaseTier } from '../../submissions/showcase';

/** The unit may add or remove files while it may edit the entry. */
async function editableEntry(tx: Queryable, entryId: number, user: CurrentUser, now: Date) {
  const [row] = await tx
    .select({ entry: entries, call: calls })
    .from(entries)
    .innerJoin(calls, eq(calls.id, entries.callId))
    .where(eq(entries.id, entryId))
    .for('update', { of: entries });
  if (!row) throw notFound('报送');
  authorizeEntryWrite(user, row.entry);
  assertEditable(row.entry, row.call, now);
  return row.entry;
}

function requireFile(file: UploadedFile | undefined): UploadedFile {
  if (!file) throw legacyError('invalid_input', '请选择要上传的文件（字段名 file）');
  return file;
}

/** Uploads, serving and removal of an entry's images and attachments. */
export function entryFileRoutes(services: AppServices, router: Router): void {
  const { db, clock, storage } = services;

  async function store(
    entryId: number,
    user: CurrentUser,
    upload: UploadedFile,
    kind: 'image' | 'attachment',
    process: (data: Buffer) => Promise<ProcessedFile>,
  ) {
    const now = clock.now();
    // Cheap refusals first, before the image is decoded.
    await db.transaction((tx) => editableEntry(tx, entryId, user, now));
    const processed = await process(upload.buffer);
    const key = `entries/${entryId}/${randomUUID()}.${processed.extension}`;
    await storage.put(key, processed.data);
    try {
      const row = await db.transaction(async (tx) => {
        const entry = await editableEntry(tx, entryId, user, now);
        const [existing] = await tx
          .select({ n: count() })
          .from(entryFiles)
          .where(and(eq(entryFiles.entryId, entryId), eq(entryFiles.kind, kind)));
        const limit = kind === 'image' ? UPLOAD_LIMITS.imagesPerEntry : UPLOAD_LIMITS.attachmentsPerEntry;
        if ((existing?.n ?? 0) >= limit) throw conflict(kind === 'image' ? `每份报送最多 ${limit} 张图片` : `每份报送最多 ${limit} 个附件`);
        const [created] = await tx
          .insert(entryFiles)
          .values({
            entryId,
            kind,
            storageKey: key,
            originalName: upload.originalname.slice(0, 200),
            mimeType: processed.mimeType,
            size: processed.data.length,
            width: processed.width,
            height: processed.height,
            uploadedBy: user.id,
            createdAt: now,
          })
          .returning();
        await tx.update(entries).set({ updatedAt: now }).where(eq(entries.id, entryId));
        if (entry.status !== 'draft') {
          await recordAudit(tx, {
            actor: user,
            action: 'entry.file_add',
            entity: 'entry',
            entityId: entryId,
            after: { fileId: created!.id, kind },
            at: now,
          });
        }
        return created!;
      });
      return presentEntryFile(row);
    } catch (error) {
      await storage.delete(key);
      throw error;
    }
  }

  mount(router, services, api.entries.uploadImage, async ({ params, file, user }) =>
    store(params.id, user, requireFile(file), 'image', processImage),
  );

  mount(router, services, api.entries.uploadAttachment, async ({ params, file, user }) =>
    store(params.id, user, requireFile(file), 'attachment', processAttachment),
  );

  mount(router, services, api.entries.removeFile, async ({ params, user }) => {
    const now = clock.now();
    const key = await db.transaction(async (tx) => {
      const [file] = await tx.select().from(entryFiles).where(eq(entryFiles.id, params.id));
      if (!file) throw notFound('文件');
      const entry = await editableEntry(tx, file.entryId, user, now);
      await tx.delete(entryFiles).where(eq(entryFiles.id, file.id));
      await tx.update(entries).set({ updatedAt: now }).where(eq(entries.id, entry.id));
      if (entry.status !== 'draft') {
        await recordAudit(tx, {
          actor: user,
          action: 'entry.file_remove',
          entity: 'entry',
          entityId: entry.id,
          before: { fileId: file.id, kind: file.kind },
          at: now,
        });
      }
      return file.storageKey;
    });
    await storage.delete(key);
    return { ok: true as const };
  });

  mount(router, services, api.entries.file, async ({ params, user, koa }) => {
    const [row] = await db
      .select({ file: entryFiles, entry: entries, call: calls })
      .from(entryFiles)
      .innerJoin(entries, eq(entries.id, entryFiles.entryId))
      .innerJoin(calls, eq(calls.id, entries.callId))
      .where(eq(entryFiles.id, params.id));
    if (!row) throw notFound('文件');
    const [assignment] = await db
      .select({ id: reviewAssignments.id })
      .from(reviewAssignments)
      .where(
        and(eq(reviewAssignments.entryId, row.entry.id), eq(reviewAssignments.reviewerId, user.id), eq(reviewAssignments.status, 'active')),
      );
    const publishedCase = Boolean(row.call.resultsPublishedAt) && row.entry.status === 'rated' && isShowcaseTier(row.call, row.entry.tier);
    const access = fileAccessOf(user, row.entry, { assignedReviewer: Boolean(assignment), publishedCase });
    if (!access) throw forbidden('无权查看该文件');
    const data = await storage.get(row.file.storageKey);
    if (!data) throw notFound('文件');
    const disposition = row.file.kind === 'image' ? 'inline' : 'attachment';
    // A reviewer gets a neutral name: the uploaded one often carries the unit's.
    const name = access === 'blind' ? `file-${row.file.id}.${row.file.storageKey.split('.').pop()}` : row.file.originalName;
    koa.set('Content-Disposition', `${disposition}; filename="file-${row.file.id}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    koa.set('Cache-Control', 'private, max-age=3600');
    koa.type = row.file.mimeType;
    koa.body = data;
    return undefined;
  });
}
