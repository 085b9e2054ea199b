import Taro from '@tarojs/taro';
import { TransportError, type Transport, type TransportRequest, type TransportResponse } from '@zhijian/shared';

type TaroRequest = typeof Taro.request;
type HttpMethod = NonNullable<Taro.request.Option['method']>;

/**
 * The shared API client's transport over `Taro.request` (wx.request in WeChat, fetch in H5).
 * The body is taken as text and parsed here, so a non-JSON answer (a proxy's HTML error page)
 * reaches the client as text instead of failing inside Taro. No HTTP answer at all becomes a
 * `TransportError`, which the client retries once for idempotent calls.
 */
export function taroTransport(request: TaroRequest = Taro.request): Transport {
  return async (req: TransportRequest) => {
    let res: Taro.request.SuccessCallbackResult<string>;
    try {
      // The promise form only: with callbacks as well, Taro's H5 request still rejects its promise.
      res = await request<string>({
        url: req.url,
        method: req.method as HttpMethod,
        header: req.headers,
        data: req.body,
        timeout: req.timeoutMs,
        dataType: 'text',
        responseType: 'text',
      });
    } catch (error) {
      throw toTransportError(error);
    }
    return toResponse(res.statusCode, res.header as Record<string, unknown>, res.data);
  };
}

function toResponse(status: number, rawHeaders: Record<string, unknown> | undefined, data: unknown): TransportResponse {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawHeaders ?? {})) headers[key.toLowerCase()] = String(value);
  let body: unknown = data;
  if (typeof data === 'string' && (headers['content-type'] ?? '').includes('json') && data) {
    try {
      body = JSON.parse(data);
    } catch {
      body = data;
    }
  }
  return { status, headers, body };
}

function toTransportError(err: unknown): TransportError {
  const { errMsg, name, message } = (err ?? {}) as { errMsg?: string; name?: string; message?: string };
  const text = `${errMsg ?? ''} ${message ?? ''}`;
  // wx.request says "request:fail timeout"; H5's fetch is aborted by Taro's timer.
  if (/timeout|timed out/i.test(text) || name === 'AbortError') {
    return new TransportError('timeout', '请求超时，请检查网络后重试');
  }
  return new TransportError('network', '网络连接失败，请检查网络后重试');
}
