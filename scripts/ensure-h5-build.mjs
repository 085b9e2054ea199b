#!/usr/bin/env node
// `npm start` runs this first: builds the H5 console into miniapp/dist/h5 when index.html is missing
// or older than any source of the build (miniapp/src, miniapp/config, shared/src …).
import path from 'node:path';
import { build, miniappDir, staleReason } from '../miniapp/scripts/freshness.mjs';

if (process.env.H5_DIR) {
  // The operator serves a console built elsewhere (or none); nothing to build here.
  console.log(`H5_DIR=${process.env.H5_DIR}：跳过 H5 构建`);
  process.exit(0);
}
const indexHtml = path.join(miniappDir, 'dist', 'h5', 'index.html');
const reason = staleReason(indexHtml);
if (!reason) {
  console.log('H5 构建已是最新：miniapp/dist/h5');
} else {
  console.log(`正在构建 H5（${reason}）…`);
  try {
    const ms = build('h5');
    console.log(`H5 构建完成，用时 ${(ms / 1000).toFixed(1)} 秒`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
