import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
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
 * file: started before them, stopped after. The server's data directory is a copy of the run's
 * migrated one (dataTemplate.ts), and the server loads the demo association into it at its start.
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
    server = await startServer({ timeoutMs: 180_000, pgliteTemplate: inject('e2ePgliteTemplate') || undefined });
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
  // On a phone, sign-in's own page slides out before the next is alone; at desktop width nothing slides.
  await settled(page);
  await oneShell(page);
}

/** Resolves once Taro's page transitions have finished: a tap or a back during one can leave no page shown. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

/**
 * Asserts one console shell on screen: exactly one at desktop width (signed in), none on a phone's.
 * At 1024 px and wider Taro's page transition no longer shows the page being left beside the next
 * (console/pageTransition.scss), so this waits only for the page shown to render.
 */
export async function oneShell(page: Page): Promise<void> {
  const wide = (page.viewportSize()?.width ?? 0) >= 1024;
  await expect.poll(() => page.locator('.zj-console:visible').count()).toBe(wide ? 1 : 0);
}

/**
 * The most console shells visible in any one frame while `act` runs and until Taro has put away
 * the page it left: what a person sees during the page transition.
 */
export async function mostShellsDuring(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const record = { most: 0, running: true };
    (window as unknown as { __shells: typeof record }).__shells = record;
    const shown = (element: Element) => getComputedStyle(element).visibility === 'visible' && element.getClientRects().length > 0;
    const sample = () => {
      record.most = Math.max(record.most, [...document.querySelectorAll('.zj-console')].filter(shown).length);
      if (record.running) requestAnimationFrame(sample);
    };
    sample();
  });
  await act();
  // Done when Taro has shaded the page left (forward) or removed the page closed (back), and the
  // one page left has settled in place.
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_router > .taro_page:not(.taro_page_shade)');
    return pages.length === 1 && pages[0]!.classList.contains('taro_page_stationed');
  });
  return page.evaluate(() => {
    const record = (window as unknown as { __shells: { most: number; running: boolean } }).__shells;
    record.running = false;
    return record.most;
  });
}

/** A tab of the tab bar; at desktop width, where the console's side menu replaces it, the menu item of that name. */
export function tab(page: Page, name: string): Locator {
  return page.locator('.weui-tabbar__item:visible, .zj-console__item:visible').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) });
}

/** The paths of Taro's page containers on screen (it keeps the hidden ones of the stack and of tabs in the document). */
export function pagesShown(page: Page): Promise<string[]> {
  return page.locator('.taro_page:visible').evaluateAll((pages) => pages.map((element) => element.id.split('?')[0]!));
}
