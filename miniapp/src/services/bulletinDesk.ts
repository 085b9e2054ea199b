import Taro from '@tarojs/taro';
import { api, ApiError, type BatchReport } from '@zhijian/shared';
import { call, client, ensureFreshToken, type Body, type Query } from './api';
import { isH5 } from './env';
import { getIssue } from './bulletins';
import type { PickedFile } from './files';
import { upload } from './upload';

/** 编辑简报, the secretariat's: drafts and corrections, articles and their order, publishing, import, read figures. */

export function createIssue(body: Body<typeof api.bulletins.createIssue>) {
  return call(api.bulletins.createIssue, { body });
}

export function updateIssue(id: number, body: Body<typeof api.bulletins.updateIssue>) {
  return call(api.bulletins.updateIssue, { params: { id }, body });
}

export function publishIssue(id: number, notify: boolean) {
  return call(api.bulletins.publish, { params: { id }, body: { notify } });
}

/** The issue's articles in the given order; answers the issue as it now stands. */
export function reorderArticles(issueId: number, articleIds: number[]) {
  return call(api.bulletins.reorder, { params: { id: issueId }, body: { articleIds } });
}

export function addArticle(issueId: number, body: Body<typeof api.bulletins.addArticle>) {
  return call(api.bulletins.addArticle, { params: { id: issueId }, body });
}

export function updateArticle(articleId: number, body: Body<typeof api.bulletins.updateArticle>) {
  return call(api.bulletins.updateArticle, { params: { id: articleId }, body });
}

export function removeArticle(articleId: number) {
  return call(api.bulletins.removeArticle, { params: { id: articleId } });
}

/** How many members of each 片组 and unit have read a published issue, with the issue itself. */
/** The newest issues, published and drafts: what a new issue's 期号 and 总期号 follow. */
export async function latestIssues() {
  const [published, drafts] = await Promise.all([
    call(api.bulletins.listIssues, { query: { page: 1, pageSize: 5, status: 'published' } }),
    call(api.bulletins.listIssues, { query: { page: 1, pageSize: 5, status: 'draft' } }),
  ]);
  return [...published.years, ...drafts.years].flatMap((year) => year.issues);
}

export async function loadIssueStats(id: number) {
  const [issue, stats] = await Promise.all([getIssue(id), call(api.bulletins.stats, { params: { id } })]);
  return { issue, stats };
}

export type ImportOverrides = Omit<Query<typeof api.bulletins.importIssue>, 'dryRun'>;

/** Reads a back-catalogue issue from a file without saving it: what the importer found. */
export function previewImport(file: PickedFile, query: ImportOverrides) {
  return upload(api.bulletins.importIssue, { query: { ...query, dryRun: 'true' } }, file);
}

/** Imports (or updates) the issue the file holds, published. */
export function importIssue(file: PickedFile, query: ImportOverrides) {
  return upload(api.bulletins.importIssue, { query }, file);
}

/**
 * The report of a batch of back issues as a workbook (the server builds it from the report sent):
 * saved by the browser in the console, opened with the document viewer in WeChat.
 */
export async function downloadImportReport(report: BatchReport): Promise<void> {
  await ensureFreshToken();
  const url = client.url(api.bulletins.importReport, {});
  const headers = { ...client.headers(), 'content-type': 'application/json' };
  const filename = '往期简报导入报告.xlsx';
  if (isH5()) {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(report) });
    if (!response.ok) throw new ApiError(response.status, 'bad_response', `报告生成失败（${response.status}）`);
    const local = URL.createObjectURL(await response.blob());
    const anchor = document.createElement('a');
    anchor.href = local;
    anchor.download = filename;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(local), 60_000);
    return;
  }
  const response = await Taro.request({ url, method: 'POST', header: headers, data: report, responseType: 'arraybuffer' });
  if (response.statusCode !== 200) throw new ApiError(response.statusCode, 'bad_response', `报告生成失败（${response.statusCode}）`);
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  Taro.getFileSystemManager().writeFileSync(filePath, response.data as ArrayBuffer);
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
}
