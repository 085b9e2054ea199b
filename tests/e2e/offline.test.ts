import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * One bar of signal on a bus (issue 19), in the H5 build against the real server, with Playwright's
 * offline mode: the demo unit admin reads an issue kept on the device, saves a draft offline, comes
 * back online, and the server has the draft — saved exactly once.
 */
const h5 = useServedH5();

const TITLE = '离线也能写的案例';
const OFFLINE_TITLE = '离线也能写的案例（公交车上改的）';

function box(scope: Locator, placeholder: string): Locator {
  return scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
}

function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('.zj-button:visible').filter({ hasText: new RegExp(`^${text}$`) });
}

function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

/** Once Taro has slid the page fully in (its transition may start after the animations settled() sees). */
async function inPlace(page: Page, selector: string): Promise<void> {
  await settled(page);
  await page.waitForFunction(
    (css) => [...document.querySelectorAll(css)].some((el) => (el as HTMLElement).offsetParent && el.getBoundingClientRect().left === 0),
    selector,
  );
}

/** The signed-in member's access token, as the app keeps it (Taro's H5 storage wraps values in `data`). */
async function tokenOf(page: Page): Promise<string> {
  const stored = await page.evaluate(() => localStorage.getItem('zj.session'));
  return (JSON.parse(stored!) as { data: { token: string } }).data.token;
}

/** The server's own view, asked directly (not through the page, which may be offline). */
async function myEntry(page: Page, title: string): Promise<{ id: number; title: string; version: number }> {
  const token = await tokenOf(page);
  const list = (await (
    await fetch(`${h5.server.url}/api/me/entries?pageSize=50`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    items: { id: number; title: string }[];
  };
  const item = list.items.find((entry) => entry.title.startsWith(title));
  expect(item).toBeDefined();
  const entry = await fetch(`${h5.server.url}/api/entries/${item!.id}`, { headers: { authorization: `Bearer ${token}` } });
  return (await entry.json()) as { id: number; title: string; version: number };
}

describe('offline use in the H5 build', () => {
  it('reads an issue offline, saves a draft offline, and sends it exactly once when back online', async () => {
    const { page, errors } = await phonePage(h5.browser);
    await h5.signIn(page, '党务工作者（演示单位）');

    // Signed in, the app downloads the last issues for offline reading.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('zj.offline.index')), { timeout: 30_000 }).toContain('"recent"');

    // Online once through the pages used offline (H5 loads each page's code on first use; the
    // mini-program has all of it on the phone).
    const firstIssue = shown(page, '.zj-issue-row__label').first();
    await visible(firstIssue);
    const issueLabel = (await firstIssue.textContent())!;
    await firstIssue.click();
    await page.waitForURL(/#\/packages\/bulletin\/issue\/index\?id=\d+/);
    const firstEntry = shown(page, '.zj-issue__toc-entry').first();
    await visible(firstEntry);
    await settled(page);
    await page.goBack();
    await visible(shown(page, '.zj-issue-row__label').first());
    await settled(page);
    await page.evaluate(() => (location.hash = '#/packages/offline/outbox/index'));
    await visible(shown(page, '.zj-outbox__figure').filter({ hasText: /已保存 \d+ 期简报/ }));
    await settled(page);
    await page.goBack();
    await visible(shown(page, '.zj-issue-row__label').first());

    // A draft, saved online first.
    await tab(page, '报送').click();
    await page.waitForURL(/#\/pages\/submit\/index/);
    const call = shown(page, '.zj-card').filter({ has: page.getByText('小创意发挥大作用', { exact: true }) });
    await visible(call);
    await button(call, '新建报送').click();
    await page.waitForURL(/#\/packages\/submit\/edit\/index/);
    const form = shown(page, '.zj-entry-form');
    await visible(form);
    await box(form, '案例名称').fill(TITLE);
    await visible(page.getByText(/^已自动保存/));
    const before = await myEntry(page, TITLE);
    expect(before.title).toBe(TITLE);

    // Offline: the banner says so, and the change waits on the device.
    await page.context().setOffline(true);
    await visible(shown(page, '.zj-net--offline'));
    await box(form, '案例名称').fill(OFFLINE_TITLE);
    await visible(page.getByText('网络不通：草稿已存到本机，联网后自动发送'));
    await visible(shown(page, '.zj-net__count').filter({ hasText: '1 项待发送' }));
    await settled(page);
    await screenshot(page, 'offline-01-draft-waiting');

    // Reading offline: the list and the issue come from the device.
    await page.goBack();
    await page.waitForURL(/#\/pages\/submit\/index/);
    await settled(page);
    await tab(page, '简报').click();
    await page.waitForURL(/#\/pages\/bulletin\/index/);
    await visible(shown(page, '.zj-issue-row__label').filter({ hasText: issueLabel }));
    await shown(page, '.zj-issue-row__label').filter({ hasText: issueLabel }).click();
    await page.waitForURL(/#\/packages\/bulletin\/issue\/index\?id=\d+/);
    await visible(shown(page, '.zj-issue__toc-entry').first());
    await visible(shown(page, '.zj-issue__label').filter({ hasText: issueLabel }));
    await settled(page);
    await screenshot(page, 'offline-02-issue-read-offline');

    // The outbox: what waits, with a cancel.
    // The page on top is the last in the document; a tab page below it may show its own banner.
    await shown(page, '.zj-net').last().click();
    await page.waitForURL(/#\/packages\/offline\/outbox\/index/);
    await visible(shown(page, '.zj-outbox-item__label').filter({ hasText: '保存报送草稿' }));
    await inPlace(page, '.zj-outbox');
    await screenshot(page, 'offline-03-outbox-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await settled(page);
    await screenshot(page, 'offline-04-outbox-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    // Nothing has reached the server meanwhile.
    expect((await myEntry(page, TITLE)).version).toBe(before.version);

    // Back online: the outbox sends the draft, and says so.
    await page.context().setOffline(false);
    await visible(shown(page, '.zj-outbox-item--sent').filter({ hasText: '保存报送草稿' }), 30_000);
    await visible(shown(page, '.zj-outbox__empty'));
    await settled(page);
    await screenshot(page, 'offline-05-sent');

    // Exactly once: the title changed and the version moved by one save, not two.
    const after = await myEntry(page, TITLE);
    expect(after.title).toBe(OFFLINE_TITLE);
    expect(after.version).toBe(before.version + 1);
    expect(errors).toEqual([]);
  });
});
