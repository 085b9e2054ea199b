import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { oneShell, pagesShown, screenshot, settled, tab, useServedH5, visible, watchedPage } from './browser';

/**
 * H5 loads each page's code when the page is first opened. A tab tapped while the page opened just
 * before is still waiting for its code must win: when that code arrives, the page it belongs to
 * stays away, and the tab tapped last is the one shown, at the address in the bar.
 */
const h5 = useServedH5();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** 1.6 Mbps down, 750 kbps up, 150 ms round trip: the link the console must work on (issues 14 and 21). */
const SLOW_LINK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1000 * 1000) / 8, uploadThroughput: (750 * 1000) / 8 };

/** The app's scripts and styles, as the H5 build names them (js/<name>.<hash>.js, css/…). */
const CODE = /\/(js|css)\/[^/]+\.(js|css)(\?.*)?$/;

interface CodeGate {
  hold(): void;
  held(): number;
  release(): void;
  arrived(): Promise<void>;
}

/**
 * Holds the app's code while `hold()` is on, as a slow link would: a request made then waits until
 * `release()`. `arrived()` resolves once every file of code asked for so far has been delivered and
 * has had the time to run.
 */
async function codeGate(page: Page): Promise<CodeGate> {
  let holding = false;
  const waiting: Array<() => void> = [];
  const delivered: Array<Promise<unknown>> = [];
  await page.route(CODE, async (route) => {
    if (!holding) return route.continue();
    await new Promise<void>((resolve) => waiting.push(resolve));
    await route.continue();
  });
  page.on('request', (request) => {
    if (CODE.test(request.url())) delivered.push(request.response().then((response) => response?.finished()));
  });
  return {
    hold() {
      holding = true;
    },
    held: () => waiting.length,
    release() {
      holding = false;
      for (const resolve of waiting.splice(0)) resolve();
    },
    async arrived() {
      await Promise.all(delivered);
      // Give the page the code belongs to the time to mount and slide in, were it to be shown
      // (on the build before the fix it showed within this).
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_500)));
      await settled(page);
    },
  };
}

function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

const BULLETIN = /#\/pages\/bulletin\/index/;

/**
 * Taps `first` with its code held back, then 简报 (a tab loaded before, so it opens at once) before
 * that code arrives; resolves once the held code has arrived and had the time to run.
 */
async function tapBulletinBeforeCodeArrives(page: Page, gate: CodeGate, first: { name: string; url: RegExp }): Promise<void> {
  gate.hold();
  await tab(page, first.name).click();
  await page.waitForURL(first.url);
  await expect.poll(() => gate.held()).toBeGreaterThan(0);
  await tab(page, '简报').click();
  await page.waitForURL(BULLETIN);
  await visible(shown(page, '.zj-issue-row__label').first());
  gate.release();
  await gate.arrived();
}

/** 简报 is the one page shown, at its address; 我的 (the page before) is hidden. */
async function expectBulletinAlone(page: Page): Promise<void> {
  expect(page.url()).toMatch(BULLETIN);
  expect(await pagesShown(page)).toEqual(['/pages/bulletin/index']);
  await visible(shown(page, '.zj-issue-row__label').first());
  expect(await shown(page, '.zj-me').count()).toBe(0);
}

describe('a tab tapped while the page opened before it still loads its code', () => {
  it('on a phone (390×844): 报送 tapped, then 简报 before 报送 has its code; 简报 stays shown', async () => {
    const { page, problems } = await watchedPage(h5.browser, PHONE);
    const gate = await codeGate(page);
    await h5.signIn(page, '党员（演示单位）');
    await visible(shown(page, '.zj-issue-row__label').first());
    // 我的 once, so 简报 is a tab already loaded (kept hidden) and opens at once.
    await tab(page, '我的').click();
    await visible(shown(page, '.zj-me'));
    await settled(page);

    await tapBulletinBeforeCodeArrives(page, gate, { name: '报送', url: /#\/pages\/submit\/index/ });
    await expectBulletinAlone(page);
    expect(await shown(page, '.zj-submit').count()).toBe(0);
    expect(await shown(page, '.weui-tabbar__item.weui-bar__item_on').textContent()).toContain('简报');
    await screenshot(page, 'navigation-race-phone-01-last-tab-shown');

    // 报送's code is in now: tapped again, it opens.
    await tab(page, '报送').click();
    await page.waitForURL(/#\/pages\/submit\/index/);
    await visible(shown(page, '.zj-submit'));
    await settled(page);
    expect(await pagesShown(page)).toEqual(['/pages/submit/index']);
    await screenshot(page, 'navigation-race-phone-02-dropped-page-opens-later');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('at desktop width (1440×900): 审计日志 opened from the side menu, then 简报 before its code; 简报 stays shown', async () => {
    const { page, problems } = await watchedPage(h5.browser, DESKTOP);
    const gate = await codeGate(page);
    await h5.signIn(page, '秘书处（演示）');
    await visible(shown(page, '.zj-chart svg').first());
    await settled(page);
    await tab(page, '简报').click();
    await visible(shown(page, '.zj-issue-row__label').first());
    await settled(page);
    await tab(page, '我的').click();
    await visible(shown(page, '.zj-me'));
    await settled(page);

    await tapBulletinBeforeCodeArrives(page, gate, { name: '审计日志', url: /#\/packages\/secretariat\/audit\/index/ });
    await expectBulletinAlone(page);
    expect(await shown(page, '.zj-audit').count()).toBe(0);
    await oneShell(page);
    await expect.poll(() => shown(page, '.zj-console__item--on').textContent()).toBe('简报');
    await expect.poll(() => shown(page, '.zj-console__crumbs').textContent()).toContain('简报');
    await screenshot(page, 'navigation-race-desktop-01-last-tab-shown');

    // The audit log's code is in now: opened again, it shows.
    await tab(page, '审计日志').click();
    await page.waitForURL(/#\/packages\/secretariat\/audit\/index/);
    await visible(shown(page, '.zj-audit'));
    await expect.poll(() => pagesShown(page)).toEqual(['/packages/secretariat/audit/index']);
    await expect.poll(() => shown(page, '.zj-console__item--on').textContent()).toBe('审计日志');
    await settled(page);
    await screenshot(page, 'navigation-race-desktop-02-dropped-page-opens-later');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a phone on a 1.6 Mbps / 150 ms link: 报送, 签到 and 客栈 tapped without waiting; 客栈 is shown', async () => {
    const { page, problems } = await watchedPage(h5.browser, PHONE);
    const gate = await codeGate(page);
    await h5.signIn(page, '党员（演示单位）');
    await visible(shown(page, '.zj-issue-row__label').first());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);

    for (const [name, path] of [
      ['报送', 'pages/submit/index'],
      ['签到', 'pages/checkin/index'],
      ['客栈', 'pages/aie/index'],
    ] as const) {
      await tab(page, name).click();
      await page.waitForURL(new RegExp(`#/${path}`));
    }
    await expect.poll(() => pagesShown(page), { timeout: 30_000 }).toEqual(['/pages/aie/index']);
    await gate.arrived();
    expect(page.url()).toMatch(/#\/pages\/aie\/index/);
    expect(await pagesShown(page)).toEqual(['/pages/aie/index']);
    expect(await shown(page, '.weui-tabbar__item.weui-bar__item_on').textContent()).toContain('客栈');
    await screenshot(page, 'navigation-race-phone-03-slow-link');

    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(problems).toEqual([]);
    await page.close();
  });
});
