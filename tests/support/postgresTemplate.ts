import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Global setup of the server tests' pass on the PostgreSQL server (DATABASE_URL): migrates one
 * template database per run, which `createTestDatabase()` copies (`create database … template …`,
 * ~0.2 s) instead of migrating a new database for every test file (~0.8 s). Without DATABASE_URL
 * it does nothing: PGlite clones a template of its own in each worker.
 *
 * The run holds an advisory lock named after its template for as long as it lasts, on a connection
 * of its own. A template nobody holds the lock of was left by a run that was killed (its connection
 * died with it) and is dropped here; a template of another run going on at the same time is kept.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template database of this run on the PostgreSQL server; '' on PGlite. */
    postgresTemplate: string;
  }
}

const TEMPLATE_PREFIX = 'zj_template_';

/** The two-key advisory lock a run holds on its template (the first key keeps them apart from other locks). */
const LOCK = 'hashtext($1::text), hashtext($2::text)';
const LOCK_CLASS = 'zhijian:test-template';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    project.provide('postgresTemplate', '');
    return undefined;
  }

  const name = `${TEMPLATE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  const holder = new pg.Client({ connectionString: adminUrl });
  await holder.connect();
  const dropTemplate = async () => {
    try {
      await holder.query(`drop database if exists ${name} with (force)`);
    } finally {
      await holder.end();
    }
  };
  try {
    // Taken before the database exists, so another run's clean-up never sees it unlocked.
    await holder.query(`select pg_advisory_lock(${LOCK})`, [LOCK_CLASS, name]);
    await dropAbandonedTemplates(holder);
    await holder.query(`create database ${name}`);
    await migrate(adminUrl, name);
  } catch (error) {
    await dropTemplate();
    throw error;
  }
  project.provide('postgresTemplate', name);
  return dropTemplate;
}

async function migrate(adminUrl: string, name: string): Promise<void> {
  // Loaded only here: the PGlite pass has no use for the server's database code in this process.
  const { openDatabase } = await import('../../server/src/db/client');
  const { runMigrations } = await import('../../server/src/db/migrate');
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const template = await openDatabase({ databaseUrl: url.toString() });
  try {
    await runMigrations(template);
  } finally {
    // No session may stay on a template while it is copied: PostgreSQL refuses the copy.
    await template.close();
  }
}

/** Drops the templates of runs that ended without their teardown (killed), whose locks are free. */
async function dropAbandonedTemplates(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [
    TEMPLATE_PREFIX,
  ]);
  for (const { datname } of rows) {
    const { rows: taken } = await client.query<{ free: boolean }>(`select pg_try_advisory_lock(${LOCK}) as free`, [LOCK_CLASS, datname]);
    if (!taken[0]?.free) continue;
    try {
      await client.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
    } finally {
      await client.query(`select pg_advisory_unlock(${LOCK})`, [LOCK_CLASS, datname]);
    }
  }
}
