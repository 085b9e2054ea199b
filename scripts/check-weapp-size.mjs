#!/usr/bin/env node
// Prints the size of the WeChat main package and each subpackage of miniapp/dist/weapp and exits
// non-zero past budget. Budgets are ours, below WeChat's limits (main 2 MB, subpackage 2 MB, total
// 30 MB): main 1 MB, each subpackage 2 MB, total 20 MB. Run after `npm run build:weapp`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const MB = 1024 * KB;
const BUDGET = { main: 1 * MB, subpackage: 2 * MB, total: 20 * MB };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'miniapp', 'dist', 'weapp'));

// Files WeChat does not upload as code package content.
const NOT_UPLOADED = [/\.map$/, /\.LICENSE\.txt$/, /^project(\.private)?\.config\.json$/];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

function format(bytes) {
  return bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`;
}

if (!existsSync(path.join(dist, 'app.json'))) {
  console.error(`没有找到微信小程序构建产物：${dist}/app.json。请先运行 npm run build:weapp。`);
  process.exit(2);
}

const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''));
const sizes = { main: 0, ...Object.fromEntries(subRoots.map((r) => [r, 0])) };

for (const file of files(dist)) {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  if (NOT_UPLOADED.some((pattern) => pattern.test(path.basename(rel)))) continue;
  const owner = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main';
  sizes[owner] += statSync(file).size;
}

const total = Object.values(sizes).reduce((a, b) => a + b, 0);
const rows = [
  ['主包 main', sizes.main, BUDGET.main],
  ...subRoots.map((r) => [`分包 ${r}`, sizes[r], BUDGET.subpackage]),
  ['合计 total', total, BUDGET.total],
];
let over = false;
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, size, budget] of rows) {
  const ok = size <= budget;
  over ||= !ok;
  const share = ((size / budget) * 100).toFixed(1);
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(width)}  ${format(size).padStart(10)}  / ${format(budget)} (${share}%)`);
}
if (over) {
  console.error('微信小程序包体积超出预算。');
  process.exit(1);
}
