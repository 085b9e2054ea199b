import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * The rough edges of issue 15, walked at 390×844 against the real server and its demo data, as a
 * reviewer, a member and an organiser would: no console error and no failed request anywhere.
 */
const h5 = useServedH5();

interface Watched {
  page: Page;
  /** Uncaught errors, console errors and warnings Taro prints for an unsupported API. */
  problems: string[];
  /** Requests that failed or answered 5xx. */
  failed: string[];
}

async function phone(browser: Browser): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const problems: string[] = [];
  const failed: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().includes('暂时不支持')) problems.push(message.text());
  });
  page.on('requestfailed', (request) => failed.push(`${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 500) failed.push(`${response.request().method()} ${response.url()} ${response.status()}`);
  });
  return { page, problems, failed };
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

/** Taro H5's own modal (Taro.showModal): its confirm button. */
async function confirmModal(page: Page, text: string): Promise<void> {
  const button = page.locator('.taro__modal__btn_confirm, .taro-modal__btn_confirm').filter({ hasText: text });
  if ((await button.count()) > 0) await button.first().click();
  else await page.getByText(text, { exact: true }).last().click();
}

function expectClean(watched: Watched): void {
  expect({ problems: watched.problems, failed: watched.failed }).toEqual({ problems: [], failed: [] });
}

describe('on the phone (issue 15)', () => {
  it('a reviewer leaves a half-scored form and finds it again, typed with the numeric keyboard', async () => {
    const expert = await phone(h5.browser);
    const { page } = expert;
    await h5.signIn(page, '评审专家（演示）');
    await tab(page, '报送').click();
    await page.waitForURL(/#\/pages\/submit\/index/);
    await page.locator('.zj-cell:visible').filter({ hasText: '评审任务' }).click();
    await page.waitForURL(/#\/packages\/reviewer\/queue\/index/);
    const pending = page.locator('.zj-cell:visible').filter({ hasText: /待评审|草稿/ });
    await visible(pending.first());
    await pending.first().click();
    await page.waitForURL(/#\/packages\/reviewer\/score\/index/);
    const form = page.locator('.zj-score-form:visible');
    await visible(form);
    const boxes = form.locator('input[placeholder="0–25"]');
    expect(await boxes.first().getAttribute('type')).toBe('number');
    await boxes.nth(0).fill('21');
    await form.locator('textarea').fill('做法清楚，可以推广。');
    await settled(page);
    await page.goBack();
    await page.waitForURL(/#\/packages\/reviewer\/queue\/index/);
    await settled(page);
    await pending.first().click();
    await page.waitForURL(/#\/packages\/reviewer\/score\/index/);
    await visible(page.getByText('已恢复未保存的内容').last());
    expect(await page.locator('.zj-score-form:visible input[placeholder="0–25"]').first().inputValue()).toBe('21');
    await shoot(page, 'phone-01-reviewer-restored');
    expectClean(expert);
    await page.close();
  });

  it('a member: 案例库 on 报送, records and calendar on 签到, unread dots and the 字号 panel on 简报', async () => {
    const member = await phone(h5.browser);
    const { page } = member;
    await h5.signIn(page, '党员（演示单位）');
    await visible(page.locator('.zj-issue-row:visible').first());
    await shoot(page, 'phone-02-member-bulletin');

    await tab(page, '报送').click();
    await page.waitForURL(/#\/pages\/submit\/index/);
    await visible(page.locator('.zj-case-card:visible').first());
    expect(await page.getByText('正在征集', { exact: true }).count()).toBe(0);
    await shoot(page, 'phone-03-member-submit');

    await tab(page, '签到').click();
    await page.waitForURL(/#\/pages\/checkin\/index/);
    await visible(page.getByText('我的记录', { exact: true }));
    const input = page.locator('.zj-scan input:visible');
    const fits = await input.evaluate((el: HTMLInputElement) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(el).font;
      return context.measureText(el.placeholder).width <= el.clientWidth;
    });
    expect(fits).toBe(true);
    const title = page.locator('.zj-calendar__title:visible');
    const thisMonth = await title.textContent();
    await page.getByRole('button', { name: '上个月' }).click();
    expect(await title.textContent()).not.toBe(thisMonth);
    await page.getByText('本月', { exact: true }).click();
    expect(await title.textContent()).toBe(thisMonth);
    await shoot(page, 'phone-04-member-checkin');

    await tab(page, '简报').click();
    await page.waitForURL(/#\/pages\/bulletin\/index/);
    const unread = page.locator('.zj-issue-row:visible').filter({ has: page.locator('.zj-unread-dot') });
    await visible(unread.first());
    await unread.first().click();
    await page.waitForURL(/#\/packages\/bulletin\/issue\/index/);
    await visible(page.locator('.zj-issue__toc-entry:visible').first());
    await page.locator('.zj-issue__toc-entry:visible').first().click();
    await page.waitForURL(/#\/packages\/bulletin\/article\/index/);
    await visible(page.locator('.zj-reader__title:visible'));
    await page.getByRole('button', { name: '调整字号' }).click();
    const panel = page.getByRole('dialog', { name: '阅读字号' });
    await visible(panel);
    // The panel leaves the article's title and first lines in view.
    const panelTop = (await panel.boundingBox())!.y;
    const titleBox = (await page.locator('.zj-reader__title:visible').boundingBox())!;
    expect(titleBox.y + titleBox.height).toBeLessThan(panelTop);
    await shoot(page, 'phone-05-member-font-panel');
    await page.getByRole('button', { name: '关闭字号设置' }).click();
    await expect.poll(() => panel.count()).toBe(0);

    await page.goto(`${h5.server.url}/#/packages/bulletin/search/index`);
    const search = page.locator('.zj-search-page input:visible');
    await visible(search);
    await search.fill('党建');
    await search.press('Enter');
    await visible(page.getByText(/^找到 \d+ 篇$/));
    await search.fill('党');
    await search.press('Enter');
    await visible(page.getByText('请至少输入两个字再搜索。'));
    expect(await page.getByText(/^找到 \d+ 篇$/).count()).toBe(0);
    await shoot(page, 'phone-06-member-search-short');
    expectClean(member);
    await page.close();
  });

  it('an organiser: 代签 and 撤销 without a console error, the code without a lone character, no setKeepScreenOn', async () => {
    const organiser = await phone(h5.browser);
    const { page } = organiser;
    await h5.signIn(page, '党务工作者（演示单位）');
    await tab(page, '我的').click();
    await page.getByText('活动签到', { exact: true }).click();
    await page.waitForURL(/#\/packages\/checkin-admin\/desk\/index/);
    const open = page.locator('.zj-activity--checkin_open:visible').first();
    await visible(open);
    await shoot(page, 'phone-07-organiser-desk');
    // The action buttons under an activity stand apart.
    const buttons = await open.locator('.zj-activity__actions .zj-button').evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top };
      }),
    );
    for (let i = 1; i < buttons.length; i += 1) {
      const [a, b] = [buttons[i - 1]!, buttons[i]!];
      if (Math.abs(a.top - b.top) < 1) expect(b.left - a.right).toBeGreaterThanOrEqual(6);
    }

    await open.getByText(/^(开启签到|签到码)$/).click();
    await page.waitForURL(/#\/packages\/checkin-admin\/code\/index/);
    const code = page.locator('.zj-code__text:visible');
    await visible(code);
    // Each line of the code carries more than a lone character.
    const lines = await code.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = [...range.getClientRects()];
      const tops = [...new Set(rects.map((r) => Math.round(r.top)))];
      return tops.map((top) => rects.filter((r) => Math.round(r.top) === top).reduce((w, r) => w + r.width, 0));
    });
    const widest = Math.max(...lines);
    for (const width of lines) expect(width).toBeGreaterThan(widest / 4);
    await shoot(page, 'phone-08-organiser-code');

    await page.getByText('查看签到名单', { exact: true }).click();
    await page.waitForURL(/#\/packages\/checkin-admin\/live\/index/);
    const waiting = page.locator('.zj-live__row:visible').filter({ has: page.locator('.zj-button', { hasText: '代签' }) });
    await visible(waiting.first());
    const name = (await waiting.first().locator('.zj-live__name').textContent())!;
    await waiting.first().locator('.zj-button', { hasText: '代签' }).click();
    const row = page.locator('.zj-live__row:visible').filter({ hasText: name });
    await visible(row.locator('.zj-button', { hasText: '撤销' }));
    await row.locator('.zj-button', { hasText: '撤销' }).click();
    await confirmModal(page, '撤销');
    await visible(row.locator('.zj-button', { hasText: '代签' }));
    await shoot(page, 'phone-09-organiser-live');

    // Search by name and the 未到 filter: only that member, waiting, with 代签.
    await page.locator('.zj-live__search input:visible').fill(name);
    await page
      .locator('.zj-chips__chip:visible')
      .filter({ hasText: /^未到 \d+$/ })
      .click();
    await expect(page.locator('.zj-live__row:visible').count()).resolves.toBe(1);
    await visible(row.locator('.zj-button', { hasText: '代签' }));
    await page
      .locator('.zj-chips__chip:visible')
      .filter({ hasText: /^已到 \d+$/ })
      .click();
    await visible(page.getByText(`没有姓名含“${name}”的党员`));
    await page.locator('.zj-live__search input:visible').fill('');
    await page
      .locator('.zj-chips__chip:visible')
      .filter({ hasText: /^全部 \d+$/ })
      .click();
    // One tap reminds those not yet in (logged in development: the demo members have no WeChat).
    await page.locator('.zj-live__remind .zj-button:visible').filter({ hasText: '一键提醒未到' }).click();
    await confirmModal(page, '提醒');
    await visible(page.getByText(/^已提醒 \d+ 人/));
    await shoot(page, 'phone-10-organiser-live-reminded');
    expectClean(organiser);
    await page.close();
  });
});
