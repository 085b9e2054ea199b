import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { build, miniappDir, staleReason } from '../../miniapp/scripts/freshness.mjs';
import { startServer, type RunningServer } from '../../miniapp/scripts/realServer.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/** A phone-sized page that collects uncaught errors, so a test can assert there were none. */
export async function phonePage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** A desktop-sized page (the secretariat's console in a browser), collecting uncaught errors like `phonePage`. */
export async function desktopPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/**
 * A page of the given size that records every console error (a CSP violation among them), uncaught
 * error, failed request and HTTP error answer, so a test can assert there were none.
 */
export async function watchedPage(browser: Browser, size: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: size.width < 600 ? 2 : 1, locale: 'zh-CN' });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The H5 build (rebuilt when stale) served by the real server, and one chromium, for the tests of a
 * file: started before them, stopped after.
 */
export function useServedH5(): {
  readonly server: RunningServer;
  readonly browser: Browser;
  signIn(page: Page, label: string): Promise<void>;
} {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (staleReason(path.join(miniappDir, 'dist', 'h5', 'index.html'))) build('h5', { quiet: true });
    // The first start loads the demo association; on a loaded machine that takes more than a minute.
    server = await startServer({ timeoutMs: 180_000 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    signIn: (page, label) => signIn(page, server!.url, label),
  };
}

/** Waits until the element is shown; on a timeout keeps a screenshot of what the page showed instead. */
export async function visible(locator: Locator, timeout = 20_000): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch (error) {
    await screenshot(locator.page(), `failed-${Date.now()}`);
    throw error;
  }
}

/**
 * Signs in with one of the demo accounts the dev sign-in lists, and lands on the 简报 tab (the
 * secretariat at desktop width: on the console's home dashboard).
 */
export async function signIn(page: Page, serverUrl: string, label: string): Promise<void> {
  await page.goto(`${serverUrl}/`);
  await page.getByText(label, { exact: true }).waitFor();
  await page.locator('#privacy-consent').click();
  await page.getByText(label, { exact: true }).click();
  await page.waitForURL(/#\/(pages\/bulletin|packages\/console\/home)\/index/);
  // Sign-in's own page slides out (with a console shell at desktop width) before the next is alone.
  await oneShell(page);
}

/** Resolves once Taro's page transitions have finished: a tap or a back during one can leave no page shown. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

/**
 * Until Taro's page transition has finished: the page being left slides out with its console shell,
 * and for those 300 ms two shells (two side menus, two 退出登录) are on screen.
 */
export async function oneShell(page: Page): Promise<void> {
  await settled(page);
  await expect.poll(() => page.locator('.zj-console:visible').count()).toBeLessThanOrEqual(1);
}

/** A tab of the tab bar; at desktop width, where the console's side menu replaces it, the menu item of that name. */
export function tab(page: Page, name: string): Locator {
  return page.locator('.weui-tabbar__item:visible, .zj-console__item:visible').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) });
}
