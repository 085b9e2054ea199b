import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { commonRefusals, type ErrorBody } from '@zhijian/shared';
import type Koa from 'koa';
import { refuse } from './errors';

/** Node's limit on a request's line and headers together; longer ones never reach Koa. */
export const MAX_HEADER_BYTES = 16 * 1024;

function rawErrorResponse(status: number, reason: string, body: ErrorBody): string {
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Connection: close',
    '',
    json,
  ].join('\r\n');
}

/**
 * The HTTP server around the app. Requests Node refuses before Koa sees them (headers or a URL
 * over 16 KB, a request that is not HTTP) still get the one error shape instead of a bare status.
 */
export function createHttpServer(app: Koa): Server {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app.callback());
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const refusal = tooLarge
      ? refuse(commonRefusals.headers_too_large, { limitBytes: MAX_HEADER_BYTES })
      : refuse(commonRefusals.invalid_data, {}, '请求格式不正确');
    const body: ErrorBody = { error: { code: refusal.code, message: refusal.message, details: refusal.details } };
    socket.end(rawErrorResponse(refusal.status, tooLarge ? 'Request Header Fields Too Large' : 'Bad Request', body));
  });
  return server;
}
