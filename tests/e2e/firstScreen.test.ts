import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, useServedH5, visible } from './browser';

const h5 = useServedH5();

/** Everything the app's code needs, held back: what index.html shows before any of it has run. */
const APP_CODE = /\/js\/(?!splash\.)[^/]+\.js$/;

async function withoutAppCode(page: Page): Promise<void> {
  await page.route(APP_CODE, (route) => route.abort());
}

describe('the H5 first screen before the code has run (issue 21)', () => {
  it('shows the sign-in brand, with nothing to press, until the page takes its place', async () => {
    const { page, errors } = await phonePage(h5.browser);
    await withoutAppCode(page);
    await page.goto(`${h5.server.url}/`);
    const splash = page.locator('#zj-splash');
    await visible(splash.getByText('指尖党建', { exact: true }));
    await visible(splash.getByText('正在加载…', { exact: true }));
    // Not a form that does nothing: no field, no button, no link.
    expect(await splash.locator('input, button, a, [role=button]').count()).toBe(0);

    // With the code, the real page replaces it, in the same place.
    const logoBefore = await splash.locator('.zj-splash__logo').boundingBox();
    await page.unroute(APP_CODE);
    await page.reload();
    await visible(page.locator('#app .zj-signin__name'));
    await visible(page.getByRole('textbox', { name: '请输入用户名' }));
    expect(await page.locator('#zj-splash').count()).toBe(0);
    expect(await page.locator('#app .zj-signin__logo').boundingBox()).toEqual(logoBefore);
    expect(errors).toEqual([]);
  });

  it('does not show the sign-in brand on a link to another page', async () => {
    const { page } = await phonePage(h5.browser);
    await withoutAppCode(page);
    await page.goto(`${h5.server.url}/#/packages/bulletin/article/index?id=1`);
    await page.waitForLoadState('load');
    expect(await page.getByText('指尖党建', { exact: true }).filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('#zj-splash').isVisible()).toBe(false);
  });

  it('does not show it to a member who is signed in (they go straight on to 简报)', async () => {
    const { page } = await phonePage(h5.browser);
    await page.goto(`${h5.server.url}/`);
    await visible(page.locator('#app .zj-signin__name'));
    // Any stored session: the app decides what it is worth; the splash only must not stand in its way.
    await page.evaluate(() => localStorage.setItem('zj.session', JSON.stringify({ data: null })));
    await withoutAppCode(page);
    await page.reload();
    await page.waitForLoadState('load');
    expect(await page.getByText('指尖党建', { exact: true }).filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('#zj-splash').isVisible()).toBe(false);
  });

  it('names the sign-in page’s chunks in index.html, and the router then uses them', async () => {
    const { page } = await phonePage(h5.browser);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().includes('preload')) warnings.push(message.text());
    });
    const html = await (await fetch(`${h5.server.url}/`)).text();
    const preloaded = [...html.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((match) => match[1]);
    expect(preloaded.length).toBeGreaterThan(0);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${h5.server.url}/`);
    await visible(page.locator('#app .zj-signin__name'));
    // Every preloaded file is one the page loaded anyway, and none was fetched twice.
    for (const file of preloaded) expect(requested.filter((path) => path === file)).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});
