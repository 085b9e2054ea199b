import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../server/src/db/dataDirLock';

const root = mkdtempSync(path.join(tmpdir(), 'zhijian-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('the data directory lock', () => {
  it('names the holder when the directory is taken, and frees it on release', () => {
    const dir = path.join(root, 'taken');
    const lock = lockDataDir(dir, '服务器（npm start）');
    const holder = JSON.parse(readFileSync(`${dir}.lock`, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, purpose: '服务器（npm start）', host: hostname() });
    let refused: unknown;
    try {
      lockDataDir(dir, '命令 importBulletin');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(`进程号 ${process.pid}`);
    expect((refused as Error).message).toMatch(/请先停止该进程/);
    lock.release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockDataDir(dir, 'again').release();
  });

  it('takes over a lock left by a process that is gone (a crash, kill -9)', () => {
    const dir = path.join(root, 'stale');
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: deadPid(), purpose: 'crashed', since: '2026-01-01T00:00:00Z', host: hostname() }));
    const lock = lockDataDir(dir, 'recovered');
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over an unreadable lock, and refuses one from another host', () => {
    const dir = path.join(root, 'odd');
    writeFileSync(`${dir}.lock`, '{"pid":');
    lockDataDir(dir, 'recovered').release();
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 1, purpose: 'elsewhere', since: '2026-01-01T00:00:00Z', host: 'another-host' }));
    expect(() => lockDataDir(dir, 'here')).toThrow(DataDirLockedError);
  });

  it('does not let a release remove a lock another process has taken since', () => {
    const dir = path.join(root, 'handover');
    const lock = lockDataDir(dir, 'first');
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.pid + 100_000, purpose: 'other', since: 'x', host: hostname() }));
    lock.release();
    expect(existsSync(`${dir}.lock`)).toBe(true);
  });
});
