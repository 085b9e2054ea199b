import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopPage, phonePage, screenshot, useServedH5, visible } from './browser';

const h5 = useServedH5();

/** Everything the app's code needs: what index.html works without. */
const APP_CODE = /\/js\/(?!splash\.)[^/]+\.js$/;
const SIGN_IN = '**/api/auth/password';

/** Requests matching `pattern` wait until `release()` (the app's code "still downloading"); later ones go through. */
async function holdBack(page: Page, pattern: RegExp | string): Promise<{ release(): void }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const handler = async (route: Route) => {
    await gate;
    await route.continue();
  };
  await page.route(pattern, handler);
  return { release: open };
}

/** index.html's own form (not the app's page): its elements by their ids. */
function splashForm(page: Page) {
  const splash = page.locator('#zj-splash');
  return {
    splash,
    username: splash.locator('#zj-splash-username'),
    password: splash.locator('#zj-splash-password'),
    consent: splash.locator('#zj-splash-consent'),
    button: splash.getByRole('button', { name: '登录' }),
    message: splash.locator('#zj-splash-message'),
  };
}

async function storedSession(page: Page): Promise<{ token?: string; user?: { name?: string } } | null> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('zj.session') ?? 'null')?.data ?? null);
}

describe('the H5 sign-in form before the app’s code has run (issue 21)', () => {
  it('signs in while the code still downloads, and the app then goes straight on', async () => {
    const { page, errors } = await phonePage(h5.browser);
    const code = await holdBack(page, APP_CODE);
    await page.goto(`${h5.server.url}/`, { waitUntil: 'commit' });
    const form = splashForm(page);
    await visible(form.button);
    await screenshot(page, 'first-screen-form-phone');

    // Refusals, in the form's own words and the server's.
    await form.button.click();
    await expect.poll(() => form.message.textContent()).toBe('请先阅读并同意《隐私保护指引》');
    await form.consent.click();
    expect(await form.consent.getAttribute('aria-checked')).toBe('true');
    await form.button.click();
    await expect.poll(() => form.message.textContent()).toBe('请填写用户名');
    await form.username.fill('secretary');
    await form.password.fill('wrong-password');
    await form.password.press('Enter');
    await expect.poll(() => form.message.textContent()).toBe('用户名或密码错误');
    expect(await storedSession(page)).toBeNull();

    await form.password.fill('zhijian-demo');
    await form.button.click();
    await expect.poll(() => form.message.textContent()).toBe('登录成功，正在进入…');
    expect(await form.button.isDisabled()).toBe(true);
    const session = await storedSession(page);
    expect(session?.token).toEqual(expect.any(String));
    expect(session?.user?.name).toBe('秘书处演示');
    expect(await page.evaluate(() => localStorage.getItem('zj.privacyAgreed'))).not.toBeNull();

    // The code arrives: the app finds the sign-in and goes on to the 简报 tab.
    code.release();
    await page.waitForURL(/#\/pages\/bulletin\/index/);
    expect(await form.splash.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('hands what was typed to the page when the page takes its place, in the same place', async () => {
    const { page, errors } = await phonePage(h5.browser);
    const code = await holdBack(page, APP_CODE);
    await page.goto(`${h5.server.url}/`, { waitUntil: 'commit' });
    const form = splashForm(page);
    await visible(form.button);
    const logoBefore = await form.splash.locator('.zj-signin__logo').boundingBox();
    const buttonBefore = await form.button.boundingBox();
    await form.consent.click();
    await form.username.fill('secretary');
    await form.password.fill('wrong-password');
    await form.button.click();
    await expect.poll(() => form.message.textContent()).toBe('用户名或密码错误');
    await form.password.fill('zhijian');
    await form.password.focus();

    code.release();
    await visible(page.locator('#app .zj-signin__name'));
    expect(await form.splash.count()).toBe(0);
    expect(await page.locator('#app input[name=username]').inputValue()).toBe('secretary');
    expect(await page.locator('#app input[name=password]').inputValue()).toBe('zhijian');
    expect(await page.locator('#privacy-consent').getAttribute('aria-label')).toBe('已同意隐私保护指引');
    await visible(page.locator('#app .zj-signin__error').getByText('用户名或密码错误'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    expect(await page.locator('#app .zj-signin__logo').boundingBox()).toEqual(logoBefore);
    expect(await page.locator('#app .zj-button--primary').boundingBox()).toEqual(buttonBefore);

    // The page goes on from there: the rest of the password, and in.
    await page.locator('#app input[name=password]').pressSequentially('-demo');
    await page.locator('#app .zj-button--primary').click();
    await page.waitForURL(/#\/pages\/bulletin\/index/);
    expect(errors).toEqual([]);
  });

  it('keeps the form up while its sign-in is on its way, then goes on', async () => {
    const { page, errors } = await phonePage(h5.browser);
    const code = await holdBack(page, APP_CODE);
    const answer = await holdBack(page, SIGN_IN);
    await page.goto(`${h5.server.url}/`, { waitUntil: 'commit' });
    const form = splashForm(page);
    await visible(form.button);
    await form.consent.click();
    await form.username.fill('secretary');
    await form.password.fill('zhijian-demo');
    await form.button.click();
    await expect.poll(() => form.button.textContent()).toBe('登录中…');

    // The page is drawn under it; the form stays until the answer comes.
    code.release();
    await page.locator('#app .zj-signin__name').waitFor({ state: 'attached' });
    expect(await form.splash.isVisible()).toBe(true);
    answer.release();
    await page.waitForURL(/#\/pages\/bulletin\/index/);
    expect(await form.splash.count()).toBe(0);
    expect((await storedSession(page))?.token).toEqual(expect.any(String));
    expect(errors).toEqual([]);
  });

  it('stays hidden where its script cannot run, and the app shows as without it', async () => {
    const { page } = await phonePage(h5.browser);
    // index.html as served, under a policy that no longer allows its inline script.
    await page.route(`${h5.server.url}/`, async (route) => {
      const response = await route.fetch();
      const policy = response.headers()['content-security-policy']!.replace(/ 'sha256-[^']+'/g, '');
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${h5.server.url}/`, { waitUntil: 'commit' });
    await page.locator('#zj-splash').waitFor({ state: 'attached' });
    expect(await page.locator('#zj-splash').isVisible()).toBe(false);
    await visible(page.locator('#app .zj-signin__name'));
    expect(await page.locator('#zj-splash').isVisible()).toBe(false);
    await page.getByRole('textbox', { name: '请输入用户名' }).fill('secretary');
    expect(requests.filter((url) => url.includes('/api/auth/password'))).toEqual([]);
  });

  it('looks like the page at desktop width too', async () => {
    const { page } = await desktopPage(h5.browser);
    const code = await holdBack(page, APP_CODE);
    await page.goto(`${h5.server.url}/`, { waitUntil: 'commit' });
    const form = splashForm(page);
    await visible(form.button);
    await screenshot(page, 'first-screen-form-desktop');
    const before = await form.button.boundingBox();
    code.release();
    await visible(page.locator('#app .zj-signin__name'));
    expect(await page.locator('#app .zj-button--primary').boundingBox()).toEqual(before);
  });

  it('does not show the form on a link to another page', async () => {
    const { page } = await phonePage(h5.browser);
    await page.route(APP_CODE, (route) => route.abort());
    await page.goto(`${h5.server.url}/#/packages/bulletin/article/index?id=1`);
    await page.waitForLoadState('load');
    expect(await page.getByText('指尖党建', { exact: true }).filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('#zj-splash').isVisible()).toBe(false);
  });

  it('does not show it to a member who is signed in (they go straight on to 简报)', async () => {
    const { page } = await phonePage(h5.browser);
    await page.goto(`${h5.server.url}/`);
    await visible(page.locator('#app .zj-signin__name'));
    // Any stored session: the app decides what it is worth; the form only must not stand in its way.
    await page.evaluate(() => localStorage.setItem('zj.session', JSON.stringify({ data: null })));
    await page.route(APP_CODE, (route) => route.abort());
    await page.reload();
    await page.waitForLoadState('load');
    expect(await page.getByText('指尖党建', { exact: true }).filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('#zj-splash').isVisible()).toBe(false);
  });

  it('carries the first screen’s CSS in index.html and preloads its scripts; the router then uses both', async () => {
    const { page } = await phonePage(h5.browser);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().includes('preload')) warnings.push(message.text());
    });
    const html = await (await fetch(`${h5.server.url}/`)).text();
    const inline = [...html.matchAll(/<style data-href="([^"]+\.css)">/g)].map((match) => match[1]!);
    const preloaded = [...html.matchAll(/<link rel="preload" href="([^"]+\.js)"/g)].map((match) => match[1]!);
    // The entry's stylesheet and the sign-in page's own chunk; no stylesheet left to wait for.
    expect(inline.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/rel="stylesheet"/);
    expect(preloaded.length).toBeGreaterThan(0);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${h5.server.url}/`);
    await visible(page.locator('#app .zj-signin__name'));
    // Every preloaded file is one the page loaded anyway, none was fetched twice, and the CSS in
    // line was taken for loaded: not fetched at all.
    for (const file of preloaded) expect(requested.filter((path) => path === file)).toHaveLength(1);
    for (const file of inline) expect(requested).not.toContain(file);
    expect(warnings).toEqual([]);
  });
});
