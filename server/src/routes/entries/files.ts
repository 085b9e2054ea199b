import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { api, uploadRefusals } from '@zhijian/shared';
import { addEntryFile } from '../../commands/addEntryFile';
import { removeEntryFile } from '../../commands/removeEntryFile';
import { forbidden, notFound, refuse } from '../../errors';
import { processAttachment } from '../../files/processAttachment';
import { processImage, type ProcessedFile } from '../../files/processImage';
import { sendStoredFile } from '../../files/sendStoredFile';
import { storeThenRecord } from '../../files/storeThenRecord';
import { isPublishedCase } from '../../policies/cases';
import { assertEditable, authorizeEntryWrite, fileAccessOf } from '../../policies/entries';
import { presentEntryFile } from '../../presenters/entryFiles';
import { findEntryWithCall } from '../../queries/entries';
import { findEntryFile, loadFileForReader } from '../../queries/entryFiles';
import { mount, type SignedInContext } from '../../routing/mount';
import type { AppServices } from '../../services';

/** Uploads, serving and removal of an entry's images and attachments. */
export function entryFileRoutes(services: AppServices, router: Router): void {
  const { db, clock, storage } = services;

  /**
   * Checks what can be checked cheaply (who, and whether the entry may still change) before the
   * file is decoded, processes it outside any transaction, stores it, then records it — the
   * command checks again under the entry's lock. A refused or failed record leaves no file behind.
   */
  async function store(
    { params, file, user, run }: SignedInContext<typeof api.entries.uploadImage | typeof api.entries.uploadAttachment>,
    kind: 'image' | 'attachment',
    process: (data: Buffer) => Promise<ProcessedFile>,
  ) {
    if (!file) throw refuse(uploadRefusals.file_missing);
    const { entry, call } = await findEntryWithCall(db, params.id);
    authorizeEntryWrite(user, entry);
    assertEditable(entry, call, clock.now());
    const processed = await process(file.buffer);
    const storageKey = `entries/${entry.id}/${randomUUID()}.${processed.extension}`;
    const created = await storeThenRecord(storage, storageKey, processed.data, () =>
      run(addEntryFile, { entryId: entry.id, kind, storageKey, originalName: file.originalname, processed }),
    );
    return presentEntryFile(created);
  }

  mount(router, services, api.entries.uploadImage, async (c) => store(c, 'image', processImage));

  mount(router, services, api.entries.uploadAttachment, async (c) => store(c, 'attachment', processAttachment));

  mount(router, services, api.entries.removeFile, async ({ params, user, run }) => {
    const file = await findEntryFile(db, params.id);
    const { entry } = await findEntryWithCall(db, file.entryId);
    authorizeEntryWrite(user, entry);
    await run(removeEntryFile, { file });
    return { ok: true as const };
  });

  mount(router, services, api.entries.file, async ({ params, user, koa }) => {
    const { file, entry, call, assignedToReader } = await loadFileForReader(db, params.id, user.id);
    const access = fileAccessOf(user, entry, { assignedReviewer: assignedToReader, publishedCase: isPublishedCase(call, entry) });
    if (!access) throw forbidden('无权查看该文件');
    const disposition = file.kind === 'image' ? 'inline' : 'attachment';
    // A reviewer gets a neutral name: the uploaded one often carries the unit's.
    const name = access === 'blind' ? `file-${file.id}.${file.storageKey.split('.').pop()}` : file.originalName;
    koa.set('Content-Disposition', `${disposition}; filename="file-${file.id}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    koa.set('Cache-Control', 'private, max-age=3600');
    if (!(await sendStoredFile(koa, storage, file.storageKey, file.mimeType))) throw notFound('文件');
    return undefined;
  });
}
