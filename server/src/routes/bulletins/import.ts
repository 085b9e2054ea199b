import type Router from '@koa/router';
import { api, uploadRefusals } from '@zhijian/shared';
import {
  BulletinImportError,
  parseBulletinBuffer,
  toDryRunDocument,
  type BulletinOverrides,
  type ParsedBulletin,
} from '../../bulletinImport';
import { saveImportedBulletin } from '../../commands/saveImportedBulletin';
import { importReportWorkbook } from '../../exports/importReportWorkbook';
import { sendWorkbook } from '../../exports/sendWorkbook';
import { refuse } from '../../errors';
import { findImportTarget, hasIssueKey, IMPORT_NEEDS_ISSUE_NUMBER } from '../../queries/bulletins';
import type { UploadedFile } from '../../routing/mount';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The file, parsed; a file that is no newsletter is refused with the importer's reason and message. */
async function parseUpload(file: UploadedFile, overrides: BulletinOverrides): Promise<ParsedBulletin> {
  try {
    return await parseBulletinBuffer(file.buffer, file.originalname, overrides);
  } catch (error) {
    if (error instanceof BulletinImportError) throw error.toRefusal();
    throw error;
  }
}

/**
 * The secretariat imports back-catalogue issues (.docx or .txt). A dry run only parses; otherwise
 * the issue is created, or updated when the same 总期 (or year + 期) is already stored, and is
 * published as of its date.
 */
export function bulletinImportRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.bulletins.importIssue, async ({ query, file, run }) => {
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要导入的简报文件（字段名 file）');
    const overrides: BulletinOverrides = { year: query.year, number: query.number, totalNumber: query.total, date: query.date };
    const parsed = await parseUpload(file, overrides);
    const document = toDryRunDocument(parsed);

    if (query.dryRun) {
      // A preview shows an issue without 期号 too, so the secretariat can see which one it is.
      if (!hasIssueKey(parsed.issue)) {
        const warnings = [...document.warnings, IMPORT_NEEDS_ISSUE_NUMBER];
        return { dryRun: true, issueId: null, created: true, document: { ...document, warnings } };
      }
      const existing = await findImportTarget(db, parsed.issue);
      return { dryRun: true, issueId: null, created: !existing, document };
    }
    const saved = await run(saveImportedBulletin, { parsed, status: 'published', source: file.originalname });
    return { dryRun: false, ...saved, document };
  });

  // The report of a batch the console imported file by file: what it lists is the secretariat's own
  // record of that session, made into a workbook here because exceljs stays out of the mini-program.
  mount(router, services, api.bulletins.importReport, async ({ body, koa }) => {
    await sendWorkbook(koa, importReportWorkbook(body), '往期简报导入报告.xlsx', 'bulletin-import-report.xlsx');
    return undefined;
  });

  return router;
}
