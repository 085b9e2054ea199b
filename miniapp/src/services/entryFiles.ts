import Taro from '@tarojs/taro';
import { api, ApiError, EntryFile, ErrorBody } from '@zhijian/shared';
import { call, client, ensureFreshToken } from './api';
import { localCopy } from './download';
import { isH5 } from './env';
import { checkSize, type PickedFile } from './files';

/** The photos and attachments of an entry: where they are read, opening, uploading, removing. */

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
