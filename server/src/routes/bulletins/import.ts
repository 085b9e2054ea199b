import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { BulletinImportError, parseBulletinBuffer, toDryRunDocument, type BulletinOverrides, type ParsedBulletin } from '../../bulletinImport';
import { findImportTarget, hasIssueKey, NO_KEY_MESSAGE, saveImportedBulletin } from '../../commands/saveImportedBulletin';
import { AppError } from '../../errors';
import { legacyError } from '../../legacyErrors';
import type { UploadedFile } from '../../routing/mount';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** A file that is not a newsletter at all is the wrong type (415); a broken or empty one is bad input (400). */
function refusal(error: BulletinImportError): AppError {
  const code = error.reason === 'unsupported-format' ? 'unsupported_media_type' : 'invalid_input';
  return legacyError(code, error.message, { reason: error.reason });
}

async function parseUpload(file: UploadedFile, overrides: BulletinOverrides): Promise<ParsedBulletin> {
  try {
    return await parseBulletinBuffer(file.buffer, file.originalname, overrides);
  } catch (error) {
    if (error instanceof BulletinImportError) throw refusal(error);
    throw error;
  }
}

/**
 * The secretariat imports back-catalogue issues (.docx or .txt). A dry run only parses; otherwise
 * the issue is created, or updated when the same 总期 (or year + 期) is already stored, and is
 * published as of its date.
 */
export function bulletinImportRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.bulletins.importIssue, async ({ query, file, user }) => {
    if (!file) throw legacyError('invalid_input', '请选择要导入的简报文件（字段名 file）');
    const overrides: BulletinOverrides = { year: query.year, number: query.number, totalNumber: query.total, date: query.date };
    const parsed = await parseUpload(file, overrides);
    const document = toDryRunDocument(parsed);

    if (query.dryRun) {
      // A preview shows an issue without 期号 too, so the secretariat can see which one it is.
      if (!hasIssueKey(parsed.issue)) {
        return { dryRun: true, issueId: null, created: true, document: { ...document, warnings: [...document.warnings, NO_KEY_MESSAGE] } };
      }
      const existing = await findImportTarget(db, parsed.issue);
      return { dryRun: true, issueId: null, created: !existing, document };
    }
    const saved = await db.transaction((tx) =>
      saveImportedBulletin(tx, parsed, { actor: user, now: clock.now(), status: 'published', source: file.originalname }),
    );
    return { dryRun: false, ...saved, document };
  });

  return router;
}
