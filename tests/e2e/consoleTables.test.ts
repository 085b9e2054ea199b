import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, settled, useServedH5, visible } from './browser';

const h5 = useServedH5();

/** The console at a desktop's size, recording what must not happen: uncaught errors, console errors, failed requests. */
async function consolePage(): Promise<{ page: Page; problems: string[] }> {
  const page = await h5.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // A blob: copy released by its page is not a failed request.
    if (!request.url().startsWith('blob:')) problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${h5.server.url}/#${path}`);
  await page.waitForURL(new RegExp(path.replace(/\//g, '\\/')));
  await settled(page);
}

/** The cells of one column of a visible table, top to bottom. */
async function column(table: Locator, index: number): Promise<string[]> {
  return table
    .locator('.zj-table__row:not(.zj-table__row--head)')
    .evaluateAll(
      (rows, i) => rows.map((row) => (row.querySelectorAll('.zj-table__cell')[i] as HTMLElement | undefined)?.innerText.trim() ?? ''),
      index,
    );
}

const heading = (table: Locator, title: string) => table.locator('.zj-table__head').filter({ hasText: title });

describe('the console’s tables at 1440×900', () => {
  it('sorts the units, filters the audit log in Chinese, and opens the 出勤看板 on months with figures', async () => {
    const { page, problems } = await consolePage();
    await h5.signIn(page, '秘书处（演示）');

    // 会员单位: sorted by 党员, ascending then descending.
    await open(page, '/packages/secretariat/units/index');
    const units = page.locator('.zj-table:visible').first();
    await visible(units.locator('.zj-table__row:not(.zj-table__row--head)').first());
    const count = (cells: string[]) => cells.map((cell) => Number.parseInt(cell, 10));
    await heading(units, '党员').click();
    const ascending = count(await column(units, 3));
    expect(ascending.length).toBeGreaterThan(1);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await heading(units, '党员').click();
    const descending = count(await column(units, 3));
    expect(descending).toEqual([...ascending].reverse().sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThan(descending[descending.length - 1]!);
    await screenshot(page, 'tables-01-units-sorted');

    // 审计日志: actions and records in Chinese, then narrowed to one action.
    await open(page, '/packages/secretariat/audit/index');
    const log = page.locator('.zj-audit:visible .zj-table').first();
    await visible(log.locator('.zj-table__row:not(.zj-table__row--head)').first());
    const actions = await column(log, 2);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of [...actions, ...(await column(log, 3))]) expect(action).toMatch(/[\u4e00-\u9fff]/);
    expect(actions.join(' ')).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    await screenshot(page, 'tables-02-audit');
    const picked = actions[actions.length - 1]!;
    await page.locator('.zj-audit:visible select[aria-label="操作"]').selectOption({ label: picked });
    await page
      .locator('.zj-audit:visible .zj-button')
      .filter({ hasText: /^查询$/ })
      .click();
    await page.waitForFunction(
      (label) => {
        const cells = [...document.querySelectorAll('.zj-audit .zj-table__row:not(.zj-table__row--head)')]
          .filter((row) => (row as HTMLElement).offsetParent !== null)
          .map((row) => (row.querySelectorAll('.zj-table__cell')[2] as HTMLElement | undefined)?.innerText.trim());
        return cells.length > 0 && cells.every((cell) => cell === label);
      },
      picked,
      { timeout: 20_000 },
    );
    await screenshot(page, 'tables-03-audit-filtered');

    // 出勤看板: opens on the last months with figures, not an all-zero current month; a month picked.
    await open(page, '/packages/secretariat/attendance/index');
    const board = page.locator('.zj-board:visible');
    const from = board.locator('input[aria-label="开始月份"]');
    const to = board.locator('input[aria-label="结束月份"]');
    await visible(board.locator('.zj-table').first());
    const opened = { from: await from.inputValue(), to: await to.inputValue() };
    expect(opened.from).toMatch(/^\d{4}-\d{2}$/);
    const total = board.locator('.zj-card').filter({ hasText: '全协会出勤率' });
    expect(Number((await total.innerText()).match(/(\d+) 次活动/)?.[1])).toBeGreaterThan(0);
    await screenshot(page, 'tables-04-board-opened');

    await from.fill(opened.to);
    await board
      .locator('.zj-button')
      .filter({ hasText: /^查询$/ })
      .click();
    await visible(total.filter({ hasText: `${opened.to}：` }));
    const groups = board.locator('.zj-table').first();
    await heading(groups, '出勤率').click();
    await screenshot(page, 'tables-05-board-one-month');

    // A 片组 picked: the units table asks the server for that 片组's units only (paged by unit).
    const firstGroup = groups.locator('.zj-table__row--link').first();
    const groupName = (await firstGroup.locator('.zj-table__cell').first().innerText()).trim();
    await firstGroup.click();
    await visible(board.locator('.zj-button').filter({ hasText: `${groupName} · 显示全部片组` }));
    const unitTable = board.locator('.zj-table').nth(1);
    await expect
      .poll(async () => {
        const names = await unitTable
          .locator('.zj-table__row:not(.zj-table__row--head)')
          .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('.zj-table__cell')[1]?.textContent?.trim()));
        return names.length > 0 && names.every((name) => name === groupName);
      })
      .toBe(true);
    await screenshot(page, 'tables-05b-board-one-group');
    await board.locator('.zj-button').filter({ hasText: '显示全部片组' }).click();

    // A range out of order is named by its field, in Chinese, before anything is sent.
    await from.fill(opened.to);
    const earlier = `${Number(opened.to.slice(0, 4)) - 1}${opened.to.slice(4)}`;
    await to.fill(earlier);
    await board
      .locator('.zj-button')
      .filter({ hasText: /^查询$/ })
      .click();
    await visible(board.getByText('结束月份不能早于开始月份'));
    await screenshot(page, 'tables-06-board-range-refused');

    // On a phone the tables still read: each scrolls sideways inside its card, the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    const widths = await board
      .locator('.zj-table__scroll')
      .first()
      .evaluate((scroll) => ({ inner: scroll.scrollWidth, box: scroll.clientWidth, page: document.documentElement.scrollWidth }));
    expect(widths.inner).toBeGreaterThan(widths.box);
    expect(widths.page).toBeLessThanOrEqual(390);
    await screenshot(page, 'tables-07-board-phone');

    expect(problems).toEqual([]);
    await page.close();
  });
});
