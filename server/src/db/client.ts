import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './dataDirLock';
import { openDurablePglite } from './durablePglite';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
  /**
   * Resolves once every commit made before the call is durable. The embedded database on a
   * directory commits asynchronously and groups the fsyncs here; elsewhere commits already are.
   */
  flushed?(): Promise<void>;
}

/**
 * PostgreSQL server when a URL is given, otherwise embedded PGlite: in memory when dataDir is null,
 * else on that directory — locked to this process (`dataDirLock.ts`) and synced on every commit
 * (`durablePglite.ts`).
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string | null;
  /** What the process is, for the message another process gets when the directory is taken. */
  purpose?: string;
  /** PostgreSQL's shared_buffers on a data directory (`durablePglite.ts` has the default). */
  sharedBuffers?: string;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (restart, failover, a dropped test database) is removed
    // from the pool and the next query opens a new one; unhandled, its error would end the process.
    pool.on('error', () => undefined);
    // Fail now, at start-up, rather than on the first request.
    await pool.query('select 1');
    return {
      db: drizzleNodePg({ client: pool, schema }) as unknown as Database,
      kind: 'postgres',
      close: () => pool.end(),
    };
  }
  if (!options.dataDir) return wrapPglite(await PGlite.create({ extensions: { pg_trgm } }));
  const lock = lockDataDir(options.dataDir, options.purpose ?? processPurpose());
  try {
    const { client, flushed } = await openDurablePglite(
      options.dataDir,
      { extensions: { pg_trgm } },
      { sharedBuffers: options.sharedBuffers },
    );
    const handle = wrapPglite(client);
    return {
      ...handle,
      flushed,
      close: async () => {
        try {
          await handle.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** `node … server/src/scripts/seedDemo.ts` → `seedDemo`. */
function processPurpose(): string {
  const script = process.argv[1]
    ? process.argv[1]
        .split(/[\\/]/)
        .pop()!
        .replace(/\.(ts|js|mjs)$/, '')
    : 'node';
  return script === 'main' ? '服务器（npm start）' : `命令 ${script}`;
}

export function wrapPglite(client: PGlite): DatabaseHandle {
  return {
    db: drizzlePglite({ client, schema }) as unknown as Database,
    kind: 'pglite',
    close: () => client.close(),
  };
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`. */
export async function selectRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/** A statement made once, run with its values bound per call (`preparedStatement`). */
export interface PreparedStatement<Values extends Record<string, unknown>> {
  rows<T>(db: Queryable, values: Values): Promise<T[]>;
}

/**
 * A statement whose SQL text is made once, at start-up, its values left as `sql.placeholder(name)`
 * and bound per call: the hot path builds no SQL. On the PostgreSQL server it runs as the named
 * prepared statement `name`, which each connection parses and plans once; PGlite ignores the name.
 * The text must never change under one name.
 */
export function preparedStatement<Values extends Record<string, unknown>>(name: string, statement: SQL): PreparedStatement<Values> {
  const query = dialect.sqlToQuery(statement);
  return {
    async rows<T>(db: Queryable, values: Values): Promise<T[]> {
      const result = (await db._.session.prepareQuery(query, undefined, name, false).execute(values)) as unknown as { rows: T[] };
      return result.rows;
    },
  };
}
