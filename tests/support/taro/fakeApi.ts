/**
 * A tiny in-test API behind the Taro.request double: routes by "METHOD /path", records calls, and
 * answers JSON the way the real server does (error bodies included).
 */
import type { ErrorCode, Refusal, RefusalDetails } from '@zhijian/shared';
import { ERROR_MESSAGES, ERROR_STATUS } from '@zhijian/shared';
import { taroControl, type RawResponse, type RequestOptions } from './taro';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (request: FakeRequest) => RawResponse | Promise<RawResponse>;

export function json(status: number, body: unknown): RawResponse {
  return { statusCode: status, header: { 'Content-Type': 'application/json; charset=utf-8' }, data: JSON.stringify(body) };
}

/** An error answer as the server gives it; an array of details is a list of field issues. */
export function apiError(code: ErrorCode, message = ERROR_MESSAGES[code], details?: unknown): RawResponse {
  const fields = Array.isArray(details)
    ? { reason: 'invalid_fields', issues: details }
    : { reason: code, ...(typeof details === 'object' && details !== null ? details : {}) };
  return json(ERROR_STATUS[code], { error: { code, message, details: fields } });
}

/** The server's answer for one of its refusals. */
export function apiRefusal<F extends Refusal>(refusal: F, details: Omit<RefusalDetails<F>, 'reason'>, message?: string): RawResponse {
  return json(ERROR_STATUS[refusal.code], {
    error: { code: refusal.code, message: message ?? refusal.message(details), details: { ...details, reason: refusal.reason } },
  });
}

export function installFakeApi(routes: Record<string, Handler>) {
  const calls: FakeRequest[] = [];
  taroControl.requestHandler = async (options: RequestOptions) => {
    const url = new URL(options.url, 'http://app.test');
    const request: FakeRequest = {
      method: options.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof options.data === 'string' ? JSON.parse(options.data) : options.data,
      headers: options.header ?? {},
    };
    calls.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    if (!handler) return apiError('not_found');
    return handler(request);
  };
  return {
    calls,
    callsTo(method: string, path: string) {
      return calls.filter((call) => call.method === method && call.path === path);
    },
  };
}
