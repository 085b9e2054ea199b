import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHARED_BUFFERS, openDurablePglite, type DurablePglite } from '../../../server/src/db/durablePglite';

const root = mkdtempSync(path.join(tmpdir(), 'zhijian-durable-'));
let db: DurablePglite;
beforeAll(async () => {
  db = await openDurablePglite(path.join(root, 'pglite'), { extensions: { pg_trgm } });
  await db.client.query('create table t (id int primary key)');
}, 120_000);
afterAll(async () => {
  await db.client.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the embedded database on a directory', () => {
  it('runs with fsync on, through a WAL sync method its file system honours', async () => {
    expect((await db.client.query<{ fsync: string }>('show fsync')).rows[0]!.fsync).toBe('on');
    expect((await db.client.query<{ wal_sync_method: string }>('show wal_sync_method')).rows[0]!.wal_sync_method).toBe('fsync');
  });

  it('keeps a small buffer pool in its WebAssembly heap, the page cache doing the rest (README, "Memory")', async () => {
    expect((await db.client.query<{ shared_buffers: string }>('show shared_buffers')).rows[0]!.shared_buffers).toBe(DEFAULT_SHARED_BUFFERS);
    expect(DEFAULT_SHARED_BUFFERS).toBe('32MB');
  });

  it('has a commit on disk, through a real fsync(2), before flushed() lets it be acknowledged', async () => {
    for (let i = 1; i <= 3; i += 1) {
      await db.client.query('insert into t values ($1)', [i]);
      const before = db.syncCount();
      await db.flushed();
      expect(db.syncCount()).toBeGreaterThan(before);
    }
  });

  it('groups the fsyncs of commits in flight together: fewer syncs than commits, none acknowledged early', async () => {
    const before = db.syncCount();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await db.client.query('insert into t values ($1)', [100 + i]);
        const committedAt = db.syncCount();
        await db.flushed();
        return { committedAt, acknowledgedAt: db.syncCount() };
      }),
    );
    // Each commit saw at least one fsync start after it before it was acknowledged.
    for (const outcome of outcomes) expect(outcome.acknowledgedAt).toBeGreaterThan(outcome.committedAt);
    expect(db.syncCount() - before).toBeLessThan(40);
  });
});
