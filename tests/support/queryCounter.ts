import type { Database } from '../../server/src/db/client';

/**
 * Counts the statements a database runs outside transactions from now on, through drizzle's
 * logger hook (both drivers call it once per statement). `stop()` puts the old logger back.
 */
export function countQueries(db: Database): { readonly count: number; stop(): void } {
  const session = (db as unknown as { session: { logger: { logQuery(query: string, params: unknown[]): void } } }).session;
  const previous = session.logger;
  let count = 0;
  session.logger = {
    logQuery(query, params) {
      count += 1;
      previous.logQuery(query, params);
    },
  };
  return {
    get count() {
      return count;
    },
    stop() {
      session.logger = previous;
    },
  };
}
