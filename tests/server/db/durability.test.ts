import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDurablePglite } from '../../../server/src/db/durablePglite';

const root = mkdtempSync(path.join(tmpdir(), 'zhijian-durable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the embedded database on a directory', () => {
  it('runs with fsync on and syncs the disk before a commit is acknowledged', async () => {
    const { client, syncCount } = await openDurablePglite(path.join(root, 'pglite'), { extensions: { pg_trgm } });
    try {
      expect((await client.query<{ fsync: string }>('show fsync')).rows[0]!.fsync).toBe('on');
      expect((await client.query<{ wal_sync_method: string }>('show wal_sync_method')).rows[0]!.wal_sync_method).toBe('fsync');
      await client.query('create table t (id int primary key)');
      for (let i = 1; i <= 3; i += 1) {
        const before = syncCount();
        await client.query('insert into t values ($1)', [i]);
        // Each autocommitted insert reached the disk through a real fsync(2) before it returned.
        expect(syncCount()).toBeGreaterThan(before);
      }
    } finally {
      await client.close();
    }
  });
});
