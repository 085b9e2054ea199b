/**
 * The one thing the API client needs from a platform: send a request, get status + parsed body.
 * Adapters: `fetchTransport` (Node, browsers, tests) here, `Taro.request` in the mini-program.
 */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Already serialised JSON, or undefined. */
  body?: string;
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the server sent JSON, otherwise the raw text. */
  body: unknown;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** Thrown by a transport when no HTTP answer arrived at all. */
export class TransportError extends Error {
  constructor(
    readonly reason: 'network' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
