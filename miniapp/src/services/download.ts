import Taro from '@tarojs/taro';
import { ApiError } from '@zhijian/shared';
import { client, ensureFreshToken } from './api';
import { isH5 } from './env';

/** Files are members-only: fetched with the token, then shown from a local copy. */
export async function localCopy(url: string): Promise<string> {
  await ensureFreshToken();
  if (isH5()) {
    const response = await fetch(url, { headers: client.headers() });
    if (!response.ok) throw new ApiError(response.status, 'bad_response', `文件读取失败（${response.status}）`);
    return URL.createObjectURL(await response.blob());
  }
  const result = await Taro.downloadFile({ url, header: client.headers() });
  if (result.statusCode !== 200) throw new ApiError(result.statusCode, 'bad_response', `文件读取失败（${result.statusCode}）`);
  return result.tempFilePath;
}

/** An xlsx export: saved by the browser in the console, opened with the document viewer in WeChat. */
export async function downloadExport(url: string, filename: string): Promise<void> {
  const local = await localCopy(url);
  if (isH5()) {
    const anchor = document.createElement('a');
    anchor.href = local;
    anchor.download = filename;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(local), 60_000);
    return;
  }
  await Taro.openDocument({ filePath: local, fileType: 'xlsx', showMenu: true });
}
