#!/usr/bin/env node
// `npm run build:server`: the server and its operator commands as plain JavaScript in server/dist,
// for production (`node server/dist/main.js`), no TypeScript loader at run time. The shared
// contracts (TypeScript sources) are bundled in; every npm dependency stays an import.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from '../server/node_modules/esbuild/lib/main.js';

const root = path.resolve(import.meta.dirname, '..');
const server = path.join(root, 'server');
const manifest = (dir) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
const dependencies = [server, path.join(root, 'shared')].flatMap((dir) => Object.keys(manifest(dir).dependencies ?? {}));
const external = dependencies.filter((name) => name !== '@zhijian/shared');

const outdir = path.join(server, 'dist');
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: server,
  entryPoints: {
    main: 'src/main.ts',
    'scripts/migrate': 'src/scripts/migrate.ts',
    'scripts/seedDemo': 'src/scripts/seedDemo.ts',
    'scripts/createSecretary': 'src/scripts/createSecretary.ts',
    'scripts/importBulletin': 'src/scripts/importBulletin.ts',
    // Loaded by runFileJob as a worker thread of its own.
    'workers/fileJobs': 'src/workers/fileJobs.ts',
    // Loaded by the export pool (exports/renderWorkbook.ts) in its worker threads.
    'workers/exportJobs': 'src/workers/exportJobs.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
});
console.log(`server/dist 已生成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒：node server/dist/main.js`);
