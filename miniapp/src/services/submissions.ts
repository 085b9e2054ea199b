import Taro from '@tarojs/taro';
import { ApiError, EntryFile, ErrorBody } from '@zhijian/shared';
import { api, call, client, ensureFreshToken, type Body } from './api';
import { localCopy } from './download';
import { isH5 } from './env';
import { checkSize, type PickedFile } from './files';

/**
 * 征集与报送 as units see them: open calls, the unit's entries from draft to result, research
 * topics and claims, and the published 案例库.
 */

// ── Calls.

export async function listOpenCalls() {
  return (await call(api.calls.list, { query: { phase: 'open' } })).items;
}

export function getCall(id: number) {
  return call(api.calls.get, { params: { id } });
}

// ── Entries.

export function myEntries(page: number, pageSize: number) {
  return call(api.entries.mine, { query: { page, pageSize } });
}

export function getEntry(id: number) {
  return call(api.entries.get, { params: { id } });
}

/**
 * The entry form's start: an entry of the unit (`entryId`) or a new one for a call (`callId`),
 * the call, and for a research call its topics.
 */
export async function loadEntryForm({ entryId, callId }: { entryId: number | null; callId: number }) {
  const entry = entryId !== null ? await getEntry(entryId) : null;
  const found = await getCall(entry?.callId ?? callId);
  const topics = found.kind === 'research' ? await listTopics(found.id) : [];
  return { call: found, entry, topics };
}

export function createEntry(callId: number, body: Body<typeof api.entries.create>) {
  return call(api.entries.create, { params: { id: callId }, body });
}

/** Changes a draft; `version` in the body names the version it changes. */
export function updateEntry(id: number, body: Body<typeof api.entries.update>) {
  return call(api.entries.update, { params: { id }, body });
}

export function submitEntry(id: number) {
  return call(api.entries.submit, { params: { id } });
}

export function withdrawEntry(id: number) {
  return call(api.entries.withdraw, { params: { id }, body: {} });
}

export function removeEntryFile(fileId: number) {
  return call(api.entries.removeFile, { params: { id: fileId } });
}

/** Where an uploaded file of an entry is read (members only: fetched with the token). */
export function entryFileUrl(fileId: number): string {
  return client.url(api.entries.file, { params: { id: fileId } });
}

/** Opens an attachment: a new tab in the browser, the document viewer in WeChat. */
export async function openEntryAttachment(file: Pick<EntryFile, 'id' | 'mimeType'>): Promise<void> {
  const local = await localCopy(entryFileUrl(file.id));
  if (isH5()) window.open(local, '_blank');
  else await Taro.openDocument({ filePath: local, fileType: file.mimeType === 'application/pdf' ? 'pdf' : 'docx' });
}

/**
 * Uploads one file to an entry (multipart, field `file`) and reports progress in percent.
 * Errors come back in the API's error shape and are turned into the same ApiError `call` throws.
 */
export async function uploadEntryFile(
  entryId: number,
  kind: EntryFile['kind'],
  file: PickedFile,
  onProgress: (percent: number) => void,
): Promise<EntryFile> {
  checkSize(kind, file);
  await ensureFreshToken();
  const endpoint = kind === 'image' ? api.entries.uploadImage : api.entries.uploadAttachment;
  const result = await new Promise<{ statusCode: number; data: string }>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: client.url(endpoint, { params: { id: entryId } }),
      filePath: file.path,
      name: 'file',
      fileName: file.name,
      header: client.headers(),
      timeout: 120_000,
      success: (res) => resolve({ statusCode: res.statusCode, data: String(res.data) }),
      fail: (err) => reject(new ApiError(0, 'network', `上传失败：${err.errMsg ?? '网络连接失败'}`)),
    });
    task?.onProgressUpdate?.((progress) => onProgress(progress.progress));
  });
  let body: unknown;
  try {
    body = JSON.parse(result.data);
  } catch {
    body = null;
  }
  if (result.statusCode >= 400) {
    const parsed = ErrorBody.safeParse(body);
    throw parsed.success
      ? new ApiError(result.statusCode, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details)
      : new ApiError(result.statusCode, 'bad_response', `上传失败（${result.statusCode}）`);
  }
  onProgress(100);
  return EntryFile.parse(body);
}

// ── Research topics.

export async function listTopics(callId: number) {
  return (await call(api.topics.list, { params: { id: callId } })).items;
}

/** Claims a topic for the unit, or on behalf of its 片组. */
export function claimTopic(topicId: number, forGroup: boolean) {
  return call(api.topics.claim, { params: { id: topicId }, body: { forGroup } });
}

// ── 案例库.

export function listCases(page: number, pageSize: number, q: string) {
  return call(api.cases.list, { query: { page, pageSize, q: q || undefined } });
}

export function getCase(id: number) {
  return call(api.cases.get, { params: { id } });
}
