import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One process owns an embedded database directory. PGlite is PostgreSQL in one process: a second
 * process opening the same files writes past the first one's buffers, losing data and breaking
 * indexes. The owner keeps `<dir>.lock` (its pid, what it is, since when); a lock whose process
 * is gone (a crash, kill -9) is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `数据目录 ${dataDir} 正由另一个进程使用（进程号 ${holder.pid}，${holder.purpose}，自 ${holder.since} 起）。` +
        `嵌入式数据库同一时间只能由一个进程打开：请先停止该进程（例如正在运行的 npm start）再运行此命令；` +
        `服务器运行时，请改用控制台或接口完成操作（导入简报：POST /api/bulletins/import），` +
        `或设置 DATABASE_URL 使用 PostgreSQL 服务器。`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface LockHolder {
  pid: number;
  purpose: string;
  since: string;
  host: string;
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' ? (holder as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

function tryLink(file: string, me: LockHolder): boolean {
  // Written whole beside the lock, then linked into place: the link fails if a lock exists, and
  // nobody ever reads a half-written one.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, JSON.stringify(me));
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Takes the directory's lock or throws `DataDirLockedError` naming the process that holds it. */
export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  const file = `${path.resolve(dataDir)}.lock`;
  const me: LockHolder = { pid: process.pid, purpose, since: new Date().toISOString(), host: hostname() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryLink(file, me)) {
      return {
        release() {
          if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    }
    const holder = readHolder(file);
    // Refused: a lock of a live process on this host (this very process included: one opener per
    // process too), or of another host (a shared disk, where liveness cannot be checked from here).
    // Taken over: a lock whose process is gone (a crash, kill -9) or that cannot be read.
    const stale = holder ? holder.host === me.host && holder.pid !== process.pid && !isAlive(holder.pid) : true;
    if (!stale) throw new DataDirLockedError(dataDir, holder!);
    rmSync(file, { force: true });
  }
  throw new Error(`could not take the lock ${file}`);
}
