import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { MIGRATIONS_DIR } from '../paths';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client';

export const MIGRATIONS_FOLDER = MIGRATIONS_DIR;

/**
 * Applies the committed SQL migrations that this database has not seen yet. On the PostgreSQL
 * server several instances may start at once: a transaction-scoped advisory lock lets one migrate
 * while the others wait, then find nothing left to do.
 */
export async function runMigrations(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.kind === 'postgres') {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('zhijian:migrations')::bigint)`);
      await migrateNodePg(handle.db as unknown as NodePgDatabase, { migrationsFolder });
    });
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}
