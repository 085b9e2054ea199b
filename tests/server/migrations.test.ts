import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from '../../server/src/db/client';
import { MIGRATIONS_FOLDER, runMigrations } from '../../server/src/db/migrate';
import * as schema from '../../server/src/db/schema';
import { createEmptyDatabase } from '../support/testDatabase';

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
  entries: { idx: number; tag: string }[];
};

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => value instanceof PgTable);

describe('migrations', () => {
  it('are committed as SQL, one file per journal entry', () => {
    const sqlFiles = readdirSync(MIGRATIONS_FOLDER)
      .filter((file) => file.endsWith('.sql'))
      .sort();
    expect(sqlFiles).toEqual(journal.entries.map((entry) => `${entry.tag}.sql`));
  });

  it('apply to an empty database, each exactly once, and again as a no-op', async () => {
    const database = await createEmptyDatabase();
    try {
      await runMigrations(database);
      await runMigrations(database);
      const [applied] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(applied?.n).toBe(journal.entries.length);
    } finally {
      await database.close();
    }
  });

  it('produce exactly the tables and columns the Drizzle schema defines', async () => {
    const database = await createEmptyDatabase();
    try {
      await runMigrations(database);
      const columns = await selectRows<{ table_name: string; column_name: string; is_nullable: string }>(
        database.db,
        sql`
        select table_name, column_name, is_nullable
        from information_schema.columns where table_schema = 'public'
        order by table_name, column_name`,
      );
      const actual = columns.map((row) => `${row.table_name}.${row.column_name}${row.is_nullable === 'NO' ? ' not null' : ''}`);
      const expected = tables
        .flatMap((table) => {
          const config = getTableConfig(table);
          return config.columns.map((column) => `${config.name}.${column.name}${column.notNull ? ' not null' : ''}`);
        })
        .sort();
      expect(actual.sort()).toEqual(expected);
    } finally {
      await database.close();
    }
  });

  it('leave nothing of the Drizzle schema ungenerated (db:generate would produce no new migration)', async () => {
    const last = journal.entries.at(-1)!;
    const snapshot = JSON.parse(
      readFileSync(path.join(MIGRATIONS_FOLDER, `meta/${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8'),
    );
    const current = generateDrizzleJson(schema as Record<string, unknown>, snapshot.id);
    expect(await generateMigration(snapshot, current)).toEqual([]);
  });
});
