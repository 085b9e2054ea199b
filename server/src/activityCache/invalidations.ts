import pg from 'pg';
import type { Logger } from '../logger';

/**
 * Tells every instance that cached activities changed. On the PostgreSQL server: NOTIFY on one
 * channel, and one LISTEN connection per process that clears its cache when told. Embedded PGlite
 * is one process, so it needs none (the cache clears itself in-process). A notice lost while the
 * listener reconnects costs at most the cache's one-second lifetime.
 */
export interface Invalidations {
  /** Tells the other instances (and this one) to drop what they cached. */
  publish(): Promise<void>;
  /** Calls `listener` on every notice; returns the unsubscriber. */
  subscribe(listener: () => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'activity_cache';
const RECONNECT_MS = 1000;

export async function listenForInvalidations(databaseUrl: string, logger: Logger): Promise<Invalidations> {
  const listeners = new Set<() => void>();
  const notifyAll = () => listeners.forEach((listener) => listener());
  // Publishing goes through a small pool of its own, so it never waits behind a request's transaction.
  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  publisher.on('error', () => undefined);
  let listener: pg.Client | undefined;
  let closed = false;

  async function connect(): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', notifyAll);
    client.on('error', (error) => {
      logger.warn({ err: error }, 'activity cache listener lost; reconnecting');
      void client.end().catch(() => undefined);
      if (listener === client) listener = undefined;
      // Whatever was missed meanwhile: drop the lot.
      notifyAll();
      if (!closed) setTimeout(() => void connect().catch(retryLater), RECONNECT_MS).unref();
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    listener = client;
  }
  function retryLater(error: unknown): void {
    logger.warn({ err: error }, 'activity cache listener could not connect; retrying');
    if (!closed) setTimeout(() => void connect().catch(retryLater), RECONNECT_MS).unref();
  }

  await connect();
  return {
    async publish() {
      await publisher.query('select pg_notify($1, $2)', [CHANNEL, '']);
    },
    subscribe(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async close() {
      closed = true;
      await Promise.all([listener?.end(), publisher.end()]);
    },
  };
}
