// Starts the real API server (which also serves miniapp/dist/h5) as one child process on a free
// port with a fresh data directory, for the browser test and the H5 benchmark. Stop it with stop().
// `pgliteTemplate`: a migrated PGlite directory the new data directory starts from, a copy of it
// (tests/e2e/dataTemplate.ts), instead of an empty one the server must initdb and migrate.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './freshness.mjs';

export async function startServer({ env = {}, timeoutMs = 60_000, pgliteTemplate } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhijian-data-'));
  if (pgliteTemplate) cpSync(pgliteTemplate, path.join(dataDir, 'pglite'), { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${log.join('')}`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      log.push(text);
      for (const line of text.split('\n')) {
        if (!line.includes('"msg":"listening"')) continue;
        try {
          const { port } = JSON.parse(line);
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        } catch {
          // not a whole JSON line; keep reading
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => log.push(chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${log.join('')}`));
    });
  });
  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { url, dataDir, pid: child.pid, stop, log };
}
