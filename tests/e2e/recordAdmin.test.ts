import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * The unit admin's and the secretariat's record pages on the demo data (建华文创园: a pending
 * 岗位创新创优 claim of 李青, a member three months behind with dues), at phone size and at the
 * console's desktop size.
 */
const h5 = useServedH5();

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

async function sizedPage(browser: Browser, size: (typeof SIZES)[number]): Promise<{ page: Page; errors: string[] }> {
  if (size.name === 'phone') return phonePage(browser);
  const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Taro H5 slides a new page in from the right; screenshots wait until it has arrived. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.taro_page')].some(
      (el) => getComputedStyle(el).display !== 'none' && Math.abs(el.getBoundingClientRect().left) < 1,
    ),
  );
  await settled(page);
  await screenshot(page, name);
}

/** Opens a page of the record-admin package straight from its address (the session is kept). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${h5.server.url}/#/packages/record-admin/${path}/index`);
  await page.waitForURL(new RegExp(`#/packages/record-admin/${path}/index`));
}

describe('record pages of the unit admin and the secretariat', () => {
  for (const size of SIZES) {
    it(`the unit admin reviews claims, dues and the index list (${size.name})`, async () => {
      const { page, errors } = await sizedPage(h5.browser, size);
      await h5.signIn(page, '党务工作者（演示单位）');
      await tab(page, '我的').click();
      await page.getByText('党员档案与先锋指数', { exact: true }).click();
      await page.waitForURL(/#\/packages\/record-admin\/desk\/index/);
      await visible(page.getByText('党员权益', { exact: true }));
      await shoot(page, `record-admin-${size.name}-00-desk`);
      await page.getByText('加分审核', { exact: true }).click();
      await page.waitForURL(/#\/packages\/record-admin\/bonuses\/index/);
      const pending = page.locator('.zj-bonus-claim:visible').filter({ hasText: '岗位创新创优' });
      await visible(pending);
      await visible(pending.getByText('确认认定', { exact: true }));
      await shoot(page, `record-admin-${size.name}-01-approvals`);

      await open(page, 'dues');
      await visible(page.locator('.zj-table__row--flag:visible').first());
      await visible(page.getByText(/^欠交 \d+ 个月$/).first());
      await shoot(page, `record-admin-${size.name}-02-dues`);

      await open(page, 'pioneer');
      await visible(page.locator('.zj-table__row:visible').filter({ hasText: '李青' }));
      await visible(page.getByText(/（上月底）/));
      await shoot(page, `record-admin-${size.name}-03-index`);

      await open(page, 'deductions');
      await visible(page.locator('.zj-card:visible').filter({ hasText: '申诉中' }).first());
      await shoot(page, `record-admin-${size.name}-07-deductions`);

      await open(page, 'appraisals');
      await visible(page.getByText(/已评定 \d+ \/ \d+ 人/));
      await shoot(page, `record-admin-${size.name}-08-appraisals`);

      await open(page, 'sanctions');
      await visible(page.getByText('受纪律处分的党员，处分所在年度的先锋指数为 0。', { exact: true }));
      await shoot(page, `record-admin-${size.name}-09-sanctions`);

      await open(page, 'benefits');
      await visible(page.getByText('还没有设定权益', { exact: true }));
      await page.getByText('新增权益', { exact: true }).first().click();
      await visible(page.getByText('权益名称', { exact: true }));
      await shoot(page, `record-admin-${size.name}-10-benefits`);

      expect(errors).toEqual([]);
      await page.close();
    });

    it(`the secretariat edits the rules and reads the distribution (${size.name})`, async () => {
      const { page, errors } = await sizedPage(h5.browser, size);
      await h5.signIn(page, '秘书处（演示）');
      // At desktop width the secretariat starts on the console's dashboard: 我的 is tapped at once,
      // while the dashboard's code may still be loading, and 我的 is the page shown.
      await tab(page, '我的').click();
      await page.waitForURL(/#\/pages\/me\/index/);
      // The side menu names the page too; the link meant here is the one on 我的.
      await page.locator('.zj-page:visible').getByText('积分与指数规则', { exact: true }).click();
      await page.waitForURL(/#\/packages\/record-admin\/settings\/index/);
      await visible(page.getByText('现行规则', { exact: true }));
      await visible(page.getByText('正向加分项目', { exact: true }));
      await shoot(page, `record-admin-${size.name}-04-settings`);

      await open(page, 'distribution');
      await visible(page.getByText('全协会', { exact: true }));
      // Opening a 片组 lists its units; a unit opens its named list.
      await page.locator('.zj-table__cell--link:visible').first().click();
      const unit = page.locator('.zj-distribution__unit:visible').filter({ hasText: '建华文创园' });
      await visible(unit);
      await shoot(page, `record-admin-${size.name}-05-distribution`);
      await unit.click();
      await page.waitForURL(/#\/packages\/record-admin\/pioneer\/index\?unitId=\d+/);
      await visible(page.locator('.zj-table__row:visible').filter({ hasText: '李青' }));
      await shoot(page, `record-admin-${size.name}-06-unit-index`);

      await open(page, 'years');
      await visible(page.getByText('还没有结账的年度', { exact: true }));
      await shoot(page, `record-admin-${size.name}-11-years`);

      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
