import fs from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { WalBarrier } from './walBarrier';

/**
 * PGlite persists through Emscripten's NODEFS, which has no `fsync`: a sync is a no-op, and PGlite
 * starts PostgreSQL with `-F` (fsync off) anyway. Acknowledged commits then survive `kill -9` (the
 * kernel still holds the pages) but not a power cut. This file system gives NODEFS the missing
 * `fsync` — a real `fsync(2)` on the file's descriptor — and the options below start PostgreSQL
 * with fsync on and `wal_sync_method=fsync` (`fdatasync` is a no-op in Emscripten); with the group
 * commit of `WalBarrier`, a commit is on the disk before it is acknowledged.
 * tests/server/db/durability.test.ts holds it to that.
 */
class DurableNodeFS extends NodeFS {
  /** How many real fsyncs ran; the durability test reads it. */
  syncs = 0;

  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...(Array.isArray(preRun) ? preRun : [preRun]),
      (mod: { NODEFS: { stream_ops: Record<string, unknown> } }) => {
        mod.NODEFS.stream_ops.fsync = (stream: { nfd?: number }) => {
          if (stream.nfd !== undefined) {
            fs.fsyncSync(stream.nfd);
            this.syncs += 1;
          }
          return 0;
        };
      },
    ];
    return result;
  }
}

/** PostgreSQL's default is 128MB; bench:memory measured the choice (README, "Memory"). */
export const DEFAULT_SHARED_BUFFERS = '32MB';

/**
 * PGlite's own start parameters, with fsync turned on and a WAL sync method NODEFS can honour.
 * Commits are asynchronous by default; `WalBarrier` makes each one durable before it is answered.
 */
function durableStartParams(sharedBuffers: string): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [
    ...defaults.filter((param) => param !== '-F'),
    ...['-c', 'fsync=on', '-c', 'wal_sync_method=fsync', '-c', 'synchronous_commit=off'],
    // PostgreSQL's 128 MB of shared buffers live in the WebAssembly heap, which never shrinks, and
    // duplicate the operating system's page cache of the same files (NODEFS reads through it).
    // A smaller pool costs a read from that cache, not from the disk.
    ...['-c', `shared_buffers=${sharedBuffers}`],
  ];
}

export interface DurablePglite {
  client: PGlite;
  /** Real fsyncs so far. */
  syncCount(): number;
  /** Resolves once every commit made before the call is on disk (group commit). */
  flushed(): Promise<void>;
}

/** PGlite on a directory, every commit synced to disk before it is acknowledged. */
export async function openDurablePglite(
  dataDir: string,
  options: Omit<PGliteOptions, 'dataDir' | 'fs' | 'startParams'>,
  { sharedBuffers = DEFAULT_SHARED_BUFFERS }: { sharedBuffers?: string } = {},
): Promise<DurablePglite> {
  const fileSystem = new DurableNodeFS(dataDir);
  const client = await PGlite.create({ ...options, fs: fileSystem, startParams: durableStartParams(sharedBuffers) });
  // A transaction that writes WAL (a transactional logical message: no table, no row) and commits
  // synchronously flushes the WAL up to its commit, and so every asynchronous commit before it.
  // (One that only takes a transaction id writes no WAL of its own and is not flushed.)
  const barrier = new WalBarrier(async () => {
    await client.transaction(async (tx) => {
      await tx.exec('set local synchronous_commit = on');
      await tx.query("select pg_logical_emit_message(true, 'zhijian.barrier', '')");
    });
  });
  return { client, syncCount: () => fileSystem.syncs, flushed: () => barrier.flushed() };
}
