import Taro from '@tarojs/taro';
import { ApiError, ErrorBody, type Endpoint, type EndpointInput, type EndpointOutput } from '@zhijian/shared';
import { client, ensureFreshToken } from './api';
import type { PickedFile } from './files';

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

const TIMEOUT_MS = 60_000;

/** WeChat: wx.uploadFile with the picked temp file. */
async function viaUploadFile(
  url: string,
  headers: Record<string, string>,
  file: PickedFile,
): Promise<{ statusCode: number; data: unknown }> {
  return Taro.uploadFile({ url, filePath: file.path, name: 'file', fileName: file.name, header: headers, timeout: TIMEOUT_MS });
}

/**
 * H5: the File straight into FormData, without Taro's H5 uploadFile re-reading it from a blob: URL
 * by XHR first (which never settles when that read fails).
 */
async function viaFetch(url: string, headers: Record<string, string>, file: File): Promise<{ statusCode: number; data: unknown }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, { method: 'POST', headers, body: form, signal: controller.signal });
    return { statusCode: response.status, data: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a picked file as the `file` field of a multipart endpoint and answers like `call`: the
 * parsed response, or an ApiError with the server's Chinese message.
 */
export async function upload<E extends Endpoint>(
  endpoint: E,
  input: Omit<EndpointInput<E>, 'body'>,
  file: PickedFile,
): Promise<EndpointOutput<E>> {
  await ensureFreshToken();
  const url = client.url(endpoint, input);
  const headers = { accept: 'application/json', ...client.headers() };
  let res: { statusCode: number; data: unknown };
  try {
    res = file.file ? await viaFetch(url, headers, file.file) : await viaUploadFile(url, headers, file);
  } catch {
    throw new ApiError(0, 'network', '上传失败，请检查网络后重试');
  }
  const body = parse(res.data);
  if (res.statusCode >= 400) {
    const error = ErrorBody.safeParse(body);
    if (error.success) throw new ApiError(res.statusCode, error.data.error.code, error.data.error.message, error.data.error.details);
    throw new ApiError(res.statusCode, 'bad_response', `服务器返回了错误（${res.statusCode}）`);
  }
  const result = endpoint.response.safeParse(body);
  if (!result.success) throw new ApiError(res.statusCode, 'bad_response', '服务器返回的数据格式不正确');
  return result.data as EndpointOutput<E>;
}
