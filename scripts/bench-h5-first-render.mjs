#!/usr/bin/env node
// Time to first render of the H5 sign-in page, in headless Chromium, against the real server.
// It runs twice: on the machine's own loopback, and throttled to a 1.6 Mbps / 150 ms link
// (Chrome's "Fast 3G", via CDP Network.emulateNetworkConditions), where the bytes of the first
// screen decide; it reports those bytes as transferred (compressed).
//
// Each run opens a fresh browser context (empty cache) and measures three moments from navigation
// start, each as the first animation frame after it:
// - painted: the sign-in brand is in the DOM and visible — index.html's (src/splash.js) or the
//   page's, whichever comes first;
// - usable: the sign-in button is visible and works — index.html's form (its script, loaded in the
//   head, listens before the body is parsed) or the page's;
// - mounted: the app's sign-in page is in the DOM (its brand inside Taro's #app).
// A build without index.html's form is usable when it mounts. A baseline runs interleaved: a static
// blank page served by the same server the same way, so the ratios say what our bundle costs on
// top of "server + browser", independent of the machine.
//
//   npm run bench:h5 [-- --runs 9]
//   BENCH_H5_DIR=/tmp/before-h5 npm run bench:h5   (another build, served as it is)
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build, miniappDir, staleReason } from '../miniapp/scripts/freshness.mjs';
import { startServer } from '../miniapp/scripts/realServer.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
/** Throttled runs take seconds each; fewer of them say as much. */
const THROTTLED_RUNS = Math.max(3, Math.ceil(RUNS / 2));
/** 1.6 Mbps down, 750 kbps up, 150 ms round trip: the link the console must work on (issue 14). */
const SLOW_LINK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1000 * 1000) / 8, uploadThroughput: (750 * 1000) / 8 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// BENCH_H5_DIR=<a built dist/h5> measures that build as it is (e.g. another branch's, for a before/after).
const h5Dir = process.env.BENCH_H5_DIR ?? path.join(miniappDir, 'dist', 'h5');
const reason = process.env.BENCH_H5_DIR ? null : staleReason(path.join(h5Dir, 'index.html'));
if (reason) {
  console.log(`building H5 first (${reason}) …`);
  build('h5', { quiet: true });
}

// The server serves a copy of the build with one extra file, the baseline page.
const servedDir = mkdtempSync(path.join(os.tmpdir(), 'zhijian-h5-bench-'));
cpSync(h5Dir, servedDir, { recursive: true });
writeFileSync(
  path.join(servedDir, 'bench-blank.html'),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>blank</title></head><body><div id="ready">空白基准页</div></body></html>',
);

/** What the sign-in page is measured by: its brand shown, its button shown (index.html's or the page's), the app's page. */
const SIGN_IN = {
  painted: '.zj-signin__name',
  usable: '#zj-splash-form [data-signs-in], #app .zj-signin .zj-button--primary',
  mounted: '#app .zj-signin__name',
};
const BLANK = { painted: '#ready', usable: '#ready', mounted: '#ready' };
const MOMENTS = ['painted', 'usable', 'mounted'];

// Records performance.now() at the first frame after each moment's element is in the DOM and
// visible (a hidden splash does not count; runs before page scripts).
function markFirstRender(marks) {
  const times = (window.__moments = {});
  const record = () => {
    for (const [moment, selector] of Object.entries(marks)) {
      if (moment in times) continue;
      const element = [...document.querySelectorAll(selector)].find((candidate) => candidate.checkVisibility());
      if (!element) continue;
      times[moment] = null;
      requestAnimationFrame(() => {
        times[moment] = performance.now();
      });
    }
    return Object.keys(times).length === Object.keys(marks).length;
  };
  const observer = new MutationObserver(() => {
    if (record()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'class'] });
}

/**
 * One cold load of `url` until `marks.mounted` is drawn: both times from navigation start, and the
 * bytes transferred (as sent, compressed) until then. `link` throttles the network.
 */
async function measure(browser, url, marks, link = null) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (link) await cdp.send('Network.emulateNetworkConditions', link);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
    });
    await page.addInitScript(markFirstRender, marks);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((moments) => moments.every((moment) => typeof window.__moments?.[moment] === 'number'), MOMENTS, {
      timeout: 60_000,
      polling: 10,
    });
    return { ...(await page.evaluate(() => window.__moments)), bytes };
  } finally {
    await context.close();
  }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1) };
}

const fmt = (ms) => `${ms.toFixed(0).padStart(5)} ms`;

// The first start loads the demo association; on a loaded machine that takes more than a minute.
const server = await startServer({ env: { H5_DIR: servedDir }, timeoutMs: 180_000 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  // One unmeasured round warms the server (first requests compile routes, open the database).
  await measure(browser, `${server.url}/bench-blank.html`, BLANK);
  await measure(browser, `${server.url}/`, SIGN_IN);
  for (const [name, link, runs] of [
    ['loopback', null, RUNS],
    ['1.6 Mbps / 150 ms', SLOW_LINK, THROTTLED_RUNS],
  ]) {
    const signIn = [];
    const blank = [];
    for (let i = 0; i < runs; i++) {
      blank.push(await measure(browser, `${server.url}/bench-blank.html`, BLANK, link));
      signIn.push(await measure(browser, `${server.url}/`, SIGN_IN, link));
    }
    const b = stats(blank.map((run) => run.mounted));
    const kb = stats(signIn.map((run) => run.bytes / 1024));
    console.log(`\nH5 first render over ${name}, ${runs} runs each, fresh browser context (cold cache) per run, 390×844`);
    for (const [label, key] of [
      ['sign-in painted', 'painted'],
      ['sign-in usable', 'usable'],
      ['app mounted', 'mounted'],
    ]) {
      const s = stats(signIn.map((run) => run[key]));
      console.log(
        `${label.padEnd(16)} median ${fmt(s.median)}   min ${fmt(s.min)}   max ${fmt(s.max)}   ${(s.median / b.median).toFixed(2)}× blank`,
      );
    }
    console.log(`${'blank baseline'.padEnd(16)} median ${fmt(b.median)}   min ${fmt(b.min)}   max ${fmt(b.max)}`);
    console.log(`first screen transferred (compressed, until mounted): ${kb.median.toFixed(0)} KB`);
    const list = (key) => signIn.map((run) => run[key].toFixed(0)).join(', ');
    console.log(
      `runs (ms): painted [${list('painted')}]  usable [${list('usable')}]  mounted [${list('mounted')}]  baseline [${blank.map((v) => v.mounted.toFixed(0)).join(', ')}]`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(servedDir, { recursive: true, force: true });
}
