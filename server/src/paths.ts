import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The server package's own directory, found by walking up from this module: the same answer whether
 * the server runs from its TypeScript sources (server/src) or from the build (server/dist).
 */
function findServerRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@zhijian/server') return dir;
    if (path.dirname(dir) === dir) throw new Error(`@zhijian/server package.json not found above ${from}`);
  }
}

export const SERVER_ROOT = findServerRoot(import.meta.dirname);
export const REPO_ROOT = path.dirname(SERVER_ROOT);
/** Committed SQL migrations. */
export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'drizzle');
/** The H5 console's build, served at `/`. */
export const DEFAULT_H5_DIR = path.join(REPO_ROOT, 'miniapp', 'dist', 'h5');
