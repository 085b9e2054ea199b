import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { api, createApiClient, fetchTransport } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, usingPostgresServer } from '../../support/testDatabase';
import { repoRoot, runNpmScript, startServerProcess, type ServerProcess } from '../../support/serverProcess';

/**
 * The embedded database belongs to one process. While the server runs on a data directory, every
 * command that would open the same directory is refused, naming the server's pid, and the server's
 * data stays whole. On a PostgreSQL server (DATABASE_URL) the same commands run beside the server.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-owner-'));
const seedIssue = path.join(repoRoot, 'server/src/seed/bulletins/bulletin-2016-02-no36.txt');
let server: ServerProcess;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

const COMMANDS: Array<[name: string, script: string, args: string[], env: Record<string, string>]> = [
  ['import:bulletin', 'import:bulletin', [seedIssue], {}],
  ['seed:demo', 'seed:demo', ['--reset'], {}],
  [
    'admin:create',
    'admin:create',
    ['--username', 'desk2', '--name', '张三', '--phone', '13800000000'],
    { ADMIN_PASSWORD: 'a-long-enough-password' },
  ],
  ['db:migrate', 'db:migrate', [], {}],
];

async function issueCount(url: string): Promise<number> {
  const client = createApiClient({ transport: fetchTransport(), baseUrl: url });
  const signedIn = await client.call(api.auth.wechat, { body: { code: 'dev:demo-member' } });
  if (signedIn.status !== 'signed_in') throw new Error('demo member not bound');
  const member = createApiClient({ transport: fetchTransport(), baseUrl: url, getToken: () => signedIn.token });
  return (await member.call(api.bulletins.listIssues, { query: { pageSize: 50 } })).total;
}

beforeAll(async () => {
  if (usingPostgresServer()) {
    const fresh = await createServerDatabase();
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
  server = await startServerProcess({ how: 'node', dataDir, databaseUrl });
}, 180_000);
afterAll(async () => {
  if (server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.closed;
  }
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('commands beside a running server', () => {
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'silent' });

  if (!usingPostgresServer()) {
    it.each(COMMANDS)('%s is refused on the directory the server holds, naming its pid', async (_name, script, args, extra) => {
      const before = await issueCount(server.url);
      const result = await runNpmScript(script, args, { ...env(), ...extra });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`进程号 ${server.child.pid}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(await issueCount(server.url)).toBe(before);
    });

    it('leaves the server’s data intact: after a restart everything is there and every index checks clean', async () => {
      const before = await issueCount(server.url);
      server.child.kill('SIGTERM');
      expect(await server.closed).toBe(0);
      const pg = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { amcheck, pg_trgm } });
      try {
        await pg.exec('create extension if not exists amcheck');
        const indexes = await pg.query<{ name: string }>(
          `select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
             join pg_am a on a.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
            where a.amname = 'btree' and n.nspname = 'public'`,
        );
        expect(indexes.rows.length).toBeGreaterThan(10);
        for (const { name } of indexes.rows) await pg.query('select bt_index_check($1::regclass, true)', [name]);
      } finally {
        await pg.close();
      }
      server = await startServerProcess({ how: 'node', dataDir });
      expect(await issueCount(server.url)).toBe(before);
    });
  } else {
    it.each(COMMANDS.filter(([name]) => name !== 'seed:demo'))(
      '%s runs beside the server on a PostgreSQL server',
      async (_name, script, args, extra) => {
        const result = await runNpmScript(script, args, { ...env(), ...extra });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      },
    );
  }
});
