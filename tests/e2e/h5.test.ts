import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktopPage, oneShell, phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

const h5 = useServedH5();

/** Browser back to 我的; Taro shows the kept page again once the route has changed. */
async function backToMe(page: Page): Promise<void> {
  // Taro hides the page left behind only when the next page's slide-in ends; going back before
  // that lets the late hide cover the page we return to, so wait until 我的 is really hidden.
  await page.locator('.zj-me:visible').waitFor({ state: 'hidden', timeout: 15_000 });
  // Back only once the page has finished sliding in: a back during Taro's transition can leave no page shown.
  await settled(page);
  await page.goBack();
  await page.waitForURL(/#\/pages\/me\/index/);
  await visible(page.locator('.zj-me:visible'));
}

describe('H5 console against the real server', () => {
  it('signs in as a unit admin with a dev code and moves through every tab and the roster', async () => {
    const { page, errors } = await phonePage(h5.browser);
    await page.goto(`${h5.server.url}/`);
    await visible(page.getByText('开发环境 · 演示账号登录'));
    await screenshot(page, '01-signin');

    await h5.signIn(page, '党务工作者（演示单位）');
    await visible(page.locator('.zj-issue-row__label:visible').first());
    await screenshot(page, '02-tab-bulletin');

    await tab(page, '报送').click();
    await page.waitForURL(/#\/pages\/submit\/index/);
    await visible(page.getByText('正在征集', { exact: true }));
    await visible(page.getByText('小创意发挥大作用', { exact: true }));
    await screenshot(page, '03-tab-submit');

    await tab(page, '签到').click();
    await page.waitForURL(/#\/pages\/checkin\/index/);
    await visible(page.getByText('我的活动', { exact: true }));
    await screenshot(page, '04-tab-checkin');

    await tab(page, '我的').click();
    await page.waitForURL(/#\/pages\/me\/index/);
    await visible(page.getByText('党务工作者', { exact: true }));
    await visible(page.getByText(/^1\d{2}\*{4}\d{4}$/));
    expect(await page.getByText('会员单位').count()).toBe(0);
    await screenshot(page, '05-tab-me');

    await page.locator('.zj-font-picker__option').filter({ hasText: /^大$/ }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.zj-page')?.style.fontSize === '18px');

    await page.getByText('单位名册', { exact: true }).click();
    await page.waitForURL(/#\/packages\/unit-admin\/roster\/index/);
    await visible(page.getByText(/^共 \d+ 人$/));
    await visible(
      page
        .getByText(/1\d{2}\*{4}\d{4}/)
        .filter({ visible: true })
        .first(),
    );
    await screenshot(page, '06-roster');

    expect(errors).toEqual([]);
    await page.close();
  });

  it('signs in as the secretariat and opens 会员单位 and 审计日志', async () => {
    const { page, errors } = await phonePage(h5.browser);
    await h5.signIn(page, '秘书处（演示）');
    await tab(page, '我的').click();
    await page.getByText('会员单位', { exact: true }).click();
    await page.waitForURL(/#\/packages\/secretariat\/units\/index/);
    await visible(page.getByText(/\d+ 人$/).first());
    await screenshot(page, '07-units');

    await backToMe(page);
    await page.getByText('审计日志', { exact: true }).click();
    await page.waitForURL(/#\/packages\/secretariat\/audit\/index/);
    await visible(page.locator('.zj-table:visible').first());
    await screenshot(page, '08-audit');

    await backToMe(page);
    await page.getByText('退出登录', { exact: true }).click();
    await page.getByText('退出', { exact: true }).click();
    await page.waitForURL(/#\/pages\/signin\/index/);
    await visible(page.getByText('秘书处（演示）', { exact: true }));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays the console out at desktop width too', async () => {
    const { page, errors } = await desktopPage(h5.browser);
    await page.goto(`${h5.server.url}/`);
    await visible(page.getByText('开发环境 · 演示账号登录'));
    await screenshot(page, 'desktop-01-signin');

    await h5.signIn(page, '秘书处（演示）');
    // The secretariat lands on the console's home dashboard; the tabs are items of its side menu.
    await page.waitForURL(/#\/packages\/console\/home\/index/);
    await visible(page.locator('.zj-chart:visible').first());
    // A tab switch during Taro's page transition can leave no page shown.
    await settled(page);
    await tab(page, '简报').click();
    await page.waitForURL(/#\/pages\/bulletin\/index/);
    await visible(page.locator('.zj-issue-row__label:visible').first());
    await screenshot(page, 'desktop-02-tab-bulletin');

    await oneShell(page);
    await tab(page, '报送').click();
    await page.waitForURL(/#\/pages\/submit\/index/);
    await visible(page.getByText('正在征集', { exact: true }));
    await screenshot(page, 'desktop-03-tab-submit');

    await tab(page, '我的').click();
    await page.waitForURL(/#\/pages\/me\/index/);
    // 会员单位 is in the side menu too; the one of the 我的 page is in the content column.
    await visible(page.locator('.zj-console__content:visible').getByText('会员单位', { exact: true }));
    await screenshot(page, 'desktop-04-tab-me');

    expect(errors).toEqual([]);
    await page.close();
  });
});
