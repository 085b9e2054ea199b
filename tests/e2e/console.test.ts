import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mostShellsDuring, oneShell, pagesShown, screenshot, settled, tab, useServedH5, visible, watchedPage } from './browser';

const h5 = useServedH5();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const HOME = /#\/packages\/console\/home\/index/;

/** The page Taro shows now (it keeps earlier pages of the stack in the document, hidden). */
function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

async function snap(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
}

describe('the desktop console (1440×900)', () => {
  it('the secretariat lands on the home dashboard with charts drawn, opens every menu group and comes back', async () => {
    const { page, problems } = await watchedPage(h5.browser, DESKTOP);
    await h5.signIn(page, '秘书处（演示）');
    await page.waitForURL(HOME);

    // Header, side menu grouped by job, breadcrumbs.
    await visible(shown(page, '.zj-console__product').filter({ hasText: '指尖党建' }));
    await visible(shown(page, '.zj-console__roles').filter({ hasText: '秘书处' }));
    const groups = await shown(page, '.zj-console__group-label').allTextContents();
    expect(groups.slice(0, 7)).toEqual(['首页', '简报', '报送与评审', '活动与出勤', '党员与积分', '组织', '爱E客栈']);
    expect(groups).toContain('审计');
    expect(groups).toContain('书记直通车');
    await expect.poll(() => shown(page, '.zj-console__crumbs').textContent()).toContain('首页/工作台');

    // Two charts drawn as SVG with a real size, the reading rates, the pipeline and what waits.
    await visible(shown(page, '.zj-chart svg').first());
    await expect.poll(() => shown(page, '.zj-chart svg').count()).toBe(2);
    for (const svg of await shown(page, '.zj-chart svg').all()) {
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(100);
      expect(await svg.locator('path').count()).toBeGreaterThan(2);
    }
    await visible(shown(page, '.zj-card__title').filter({ hasText: '近三期简报阅读率' }));
    await visible(shown(page, '.zj-home__stage-label').filter({ hasText: '已提交' }));
    await visible(shown(page, '.zj-card__title').filter({ hasText: '待办' }));
    // The tab bar and Taro's H5 title bar step aside for the shell.
    expect(await shown(page, '.weui-tabbar__item').count()).toBe(0);
    await snap(page, 'console-01-home');

    // Every group: its first item opens with the group in the breadcrumbs, then back to the dashboard.
    const groupCount = await shown(page, '.zj-console__group').count();
    for (let index = 1; index < groupCount; index += 1) {
      const group = shown(page, '.zj-console__group').nth(index);
      const label = (await group.locator('.zj-console__group-label').textContent())!;
      const item = group.locator('.zj-console__item').first();
      const itemLabel = (await item.textContent())!;
      // One shell in every frame of the way there and back: the page left never shows beside the next.
      expect(
        await mostShellsDuring(page, async () => {
          await item.click();
          await expect.poll(() => page.url()).not.toMatch(HOME);
        }),
      ).toBe(1);
      await oneShell(page);
      await expect.poll(() => shown(page, '.zj-console__crumbs').textContent()).toContain(label);
      await expect.poll(() => shown(page, '.zj-console__item--on').textContent()).toBe(itemLabel);
      await snap(page, `console-02-group-${index}`);
      // Back: the shell's back control where the page was opened on top of the dashboard; a tab
      // (switchTab) starts a new stack, so from there the menu's 工作台 leads home.
      const backControl = shown(page, '.zj-console__back');
      const goBack = (await backControl.count()) > 0;
      expect(
        await mostShellsDuring(page, async () => {
          if (goBack) await backControl.click();
          else await shown(page, '.zj-console__item').filter({ hasText: '工作台' }).click();
          await page.waitForURL(HOME);
        }),
      ).toBe(1);
      await visible(shown(page, '.zj-chart svg').first());
    }

    // A dialog in the app's palette: 退出登录 asks first, with the brand red on its confirm button.
    await oneShell(page);
    await shown(page, '.zj-console__signout').click();
    const confirm = page.locator('.taro-modal__foot div').last();
    await visible(confirm);
    expect(await confirm.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(185, 28, 28)');
    await snap(page, 'console-03-signout-dialog');
    await confirm.click();
    await page.waitForURL(/#\/pages\/signin\/index/);

    expect(problems).toEqual([]);
    await page.close();
  });
});

/** From the 简报 tab: the newest issue, then its first article; answers the article's id. */
async function openFirstArticle(page: Page): Promise<string> {
  await visible(shown(page, '.zj-issue-row__label').first());
  await settled(page);
  await shown(page, '.zj-issue-row__label').first().click();
  await page.waitForURL(/#\/packages\/bulletin\/issue\/index\?id=\d+/);
  await visible(shown(page, '.zj-issue__toc-entry').first());
  await settled(page);
  await shown(page, '.zj-issue__toc-entry').first().click();
  await page.waitForURL(/#\/packages\/bulletin\/article\/index\?id=\d+/);
  await visible(shown(page, '.zj-reader__title'));
  return /article\/index\?id=(\d+)/.exec(page.url())![1]!;
}

describe('the phone app (390×844)', () => {
  it('a member switches tabs with no console error, reads an article with a title and back control, and goes back', async () => {
    const { page, problems } = await watchedPage(h5.browser, PHONE);
    await h5.signIn(page, '党员（演示单位）');
    await visible(shown(page, '.zj-issue-row__label').first());
    for (const [name, path] of [
      ['报送', 'pages/submit/index'],
      ['签到', 'pages/checkin/index'],
      ['客栈', 'pages/aie/index'],
      ['我的', 'pages/me/index'],
      ['简报', 'pages/bulletin/index'],
    ] as const) {
      // As an impatient member does: the next tab as soon as the address has changed, while this
      // tab's code may still be loading. The last tab tapped is the page shown.
      await tab(page, name).click();
      await page.waitForURL(new RegExp(`#/${path}`));
    }
    await visible(shown(page, '.zj-issue-row__label').first());
    await expect.poll(() => pagesShown(page)).toEqual(['/pages/bulletin/index']);
    // No shell on a phone: the tab bar is there, the side menu is not; tab pages have no title bar.
    expect(await shown(page, '.weui-tabbar__item').count()).toBe(5);
    expect(await page.locator('.zj-console').count()).toBe(0);
    expect(await shown(page, '#taro-navigation-bar').count()).toBe(0);
    await snap(page, 'console-10-phone-tabs');

    await openFirstArticle(page);
    // Taro's H5 bar on a sub-page: the page's title and a back control.
    await visible(shown(page, '#taro-navigation-bar .taro-navigation-bar-title').filter({ hasText: /\S/ }));
    const backControl = shown(page, '#taro-navigation-bar .taro-navigation-bar-back');
    await visible(backControl);
    await snap(page, 'console-11-phone-article');
    await backControl.click();
    await page.waitForURL(/#\/packages\/bulletin\/issue\/index\?id=\d+/);
    await visible(shown(page, '.zj-issue__toc-entry').first());

    expect(problems).toEqual([]);
    await page.close();
  });

  it('a link to an article opened signed out leads, after signing in, to that article', async () => {
    const reader = await watchedPage(h5.browser, PHONE);
    await h5.signIn(reader.page, '党员（演示单位）');
    const id = await openFirstArticle(reader.page);
    await reader.page.close();

    // Another browser (no session) opens the link.
    const { page, problems } = await watchedPage(h5.browser, PHONE);
    await page.goto(`${h5.server.url}/#/packages/bulletin/article/index?id=${id}`);
    await page.waitForURL(/#\/pages\/signin\/index\?next=/);
    await page.getByText('党员（演示单位）', { exact: true }).waitFor();
    await page.locator('#privacy-consent').click();
    await page.getByText('党员（演示单位）', { exact: true }).click();
    await page.waitForURL(new RegExp(`#/packages/bulletin/article/index\\?id=${id}$`));
    await visible(shown(page, '.zj-reader__title'));
    await snap(page, 'console-12-deep-link');
    expect(problems).toEqual([]);
    await page.close();
  });
});
