import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, wrapPglite, type DatabaseHandle } from '../../server/src/db/client';
import { runMigrations } from '../../server/src/db/migrate';

/**
 * Each test gets a database of its own. Without DATABASE_URL: an in-memory PGlite cloned from
 * one migrated template per worker (a clone takes milliseconds, a fresh migrate a second). With
 * DATABASE_URL (the CI pass on the PostgreSQL server): a new database per call, copied from the
 * run's migrated template (`postgresTemplate.ts`, the global setup) and dropped on close.
 */
let template: Promise<PGlite> | undefined;

async function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    await runMigrations(wrapPglite(client));
    return client;
  })();
  return template;
}

export function usingPostgresServer(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

/**
 * The PostgreSQL server the tests that always need one use (several instances on one database):
 * DATABASE_URL's server when set, else the local one every machine here runs.
 */
export function postgresServerUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

/**
 * A URL of a brand-new database on the server named by DATABASE_URL (or `adminUrl`), and how to
 * drop it: empty, or a copy of `template`.
 */
export async function createServerDatabase(
  adminUrl = process.env.DATABASE_URL!,
  { template }: { template?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zj_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(template ? `create database ${name} template ${pg.escapeIdentifier(template)}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** An empty, unmigrated database — for the migration test. */
export async function createEmptyDatabase(): Promise<DatabaseHandle> {
  if (!usingPostgresServer()) return wrapPglite(await PGlite.create({ extensions: { pg_trgm } }));
  const fresh = await createServerDatabase();
  const handle = await openDatabase({ databaseUrl: fresh.url });
  return { ...handle, close: async () => (await handle.close(), await fresh.drop()) };
}

/** A migrated database of its own. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (!usingPostgresServer()) return wrapPglite((await (await migratedTemplate()).clone()) as PGlite);
  const template = inject('postgresTemplate');
  // A config without the global setup (none provided) still works, migrating each database.
  if (!template) {
    const database = await createEmptyDatabase();
    await runMigrations(database);
    return database;
  }
  const copy = await createServerDatabase(process.env.DATABASE_URL, { template });
  const handle = await openDatabase({ databaseUrl: copy.url });
  return { ...handle, close: async () => (await handle.close(), await copy.drop()) };
}
