// Is a build output older than its sources? Used by scripts/ensure-h5-build.mjs and the weapp
// test setup, so "stale" means the same thing everywhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.mjs';

export const miniappDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(miniappDir, '..');

/** Everything a build reads: our sources, the shared contracts and the build configuration. */
export const BUILD_INPUTS = [
  path.join(miniappDir, 'src'),
  path.join(miniappDir, 'config'),
  path.join(miniappDir, 'babel.config.cjs'),
  path.join(repoRoot, 'shared', 'src'),
  // Its `sideEffects` field decides what of the contracts a page's chunk carries.
  path.join(repoRoot, 'shared', 'package.json'),
  path.join(repoRoot, 'project.config.json'),
];

const SKIP = new Set(['node_modules', '.swc', 'dist']);

export function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (SKIP.has(name)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** Why the output must be rebuilt, or null when it is up to date. */
export function staleReason(outputFile, inputs = BUILD_INPUTS) {
  if (!existsSync(outputFile)) return `${path.relative(repoRoot, outputFile)} is missing`;
  const built = statSync(outputFile).mtimeMs;
  const newest = Math.max(...inputs.map(newestMtime));
  return newest > built ? `sources changed after ${path.relative(repoRoot, outputFile)} was built` : null;
}

/** Runs `taro build --type <target>` in miniapp/ as one process (no npx left behind). */
export function build(target, { quiet = false } = {}) {
  const taro = path.join(repoRoot, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
  const started = Date.now();
  const result = spawnSync(process.execPath, [taro, 'build', '--type', target], {
    cwd: miniappDir,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    const output = quiet ? `\n${result.stdout ?? ''}\n${result.stderr ?? ''}` : '';
    throw new Error(`taro build --type ${target} failed (exit ${result.status})${output}`);
  }
  // The console is served pre-compressed: .br/.gz written once here, picked per request by Accept-Encoding.
  if (target === 'h5') precompress(path.join(miniappDir, 'dist', 'h5'));
  return Date.now() - started;
}
