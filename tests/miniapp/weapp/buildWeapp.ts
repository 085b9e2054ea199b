import path from 'node:path';
import { build, miniappDir, staleReason } from '../../../miniapp/scripts/freshness.mjs';

/** Global setup: the simulate tests run on miniapp/dist/weapp, so (re)build it when missing or stale. */
export default function setup(): void {
  const reason = staleReason(path.join(miniappDir, 'dist', 'weapp', 'app.js'));
  if (!reason) return;
  console.log(`[weapp tests] building the WeChat output: ${reason}`);
  const ms = build('weapp', { quiet: true });
  console.log(`[weapp tests] built in ${(ms / 1000).toFixed(1)} s`);
}
