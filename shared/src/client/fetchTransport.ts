import { TransportError, type Transport } from './transport';

/** Transport over the standard `fetch` (Node 18+, browsers, tests). */
export function fetchTransport(fetchImpl: typeof fetch = fetch): Transport {
  return async (request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) throw new TransportError('timeout', '请求超时，请检查网络后重试');
      throw new TransportError('network', `网络连接失败：${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const text = await response.text();
    const isJson = (headers['content-type'] ?? '').includes('json');
    let body: unknown = text;
    if (isJson && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, headers, body };
  };
}
