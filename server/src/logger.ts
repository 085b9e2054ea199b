import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout; personal data and credentials are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'zhijian-api' },
    redact: {
      paths: ['req.headers.authorization', '*.password', '*.phone', '*.token', '*.refreshToken', '*.session_key', '*.secret'],
      censor: '[redacted]',
    },
  });
}
