import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { repoRoot } from '../../miniapp/scripts/freshness.mjs';

/**
 * Global setup of the browser tests: one migrated PGlite data directory per run, made by the
 * server's own `db:migrate`, that each file's server starts from a copy of (`useServedH5`). A new
 * directory costs each start PostgreSQL's initdb and every migration (~10 s on this machine); a
 * copy, half a second. The copy holds no data: each server still loads the demo association at its
 * first start, at its own time (the demo's dates are relative to when it is loaded), as before.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated `pglite` directory to copy into a server's DATA_DIR; '' when the servers use DATABASE_URL. */
    e2ePgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  // With DATABASE_URL the servers use the PostgreSQL server, and no data directory of their own.
  if (process.env.DATABASE_URL) {
    project.provide('e2ePgliteTemplate', '');
    return undefined;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-e2e-template-'));
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/scripts/migrate.ts'], {
      cwd: repoRoot,
      // As realServer.mjs starts the servers that copy it.
      env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('e2ePgliteTemplate', path.join(dataDir, 'pglite'));
  return () => rmSync(dataDir, { recursive: true, force: true });
}
