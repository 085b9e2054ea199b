import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * 党员固定活动日 in two browsers side by side: the organiser (demo unit admin) opens check-in and
 * shows the rotating code; the member (demo member) types the code read from the organiser's
 * page; the member sees success and the organiser's live list shows the member as in. The demo
 * data gives 建华文创园 an activity whose check-in window is open right after the first start.
 */
const h5 = useServedH5();

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

describe('fixed activity day check-in, organiser and member side by side', () => {
  it('the member checks in with the code read from the organiser’s screen', async () => {
    const organiser = await phonePage(h5.browser);
    const member = await phonePage(h5.browser);

    await h5.signIn(organiser.page, '党务工作者（演示单位）');
    await tab(organiser.page, '我的').click();
    await organiser.page.getByText('活动签到', { exact: true }).click();
    await organiser.page.waitForURL(/#\/packages\/checkin-admin\/desk\/index/);
    const open = organiser.page.locator('.zj-activity--checkin_open:visible').filter({ hasText: '签到进行中' });
    await visible(open);
    await shoot(organiser.page, 'checkin-01-desk');
    await open.getByText(/^(开启签到|签到码)$/).click();
    await organiser.page.waitForURL(/#\/packages\/checkin-admin\/code\/index/);
    const codeText = organiser.page.locator('.zj-code__text:visible');
    await visible(codeText);
    await visible(organiser.page.locator('.zj-code__qr:visible'));
    await shoot(organiser.page, 'checkin-02-code');

    await h5.signIn(member.page, '党员（演示单位）');
    await tab(member.page, '签到').click();
    await member.page.waitForURL(/#\/pages\/checkin\/index/);
    await visible(member.page.getByText('我的活动', { exact: true }));
    await shoot(member.page, 'checkin-03-member-tab');

    // Read the code now (it changes every 15 s and stays valid for the next slot too).
    const token = (await codeText.textContent())!.trim();
    expect(token).toMatch(/^QD1\.\d+\.\d+\.[A-Za-z0-9_-]{22}$/);
    await member.page.locator('.zj-scan input:visible').fill(token);
    await member.page
      .locator('.zj-scan .zj-button:visible')
      .filter({ hasText: /^签到$/ })
      .click();
    await visible(member.page.locator('.zj-scan-result--success:visible, .zj-scan-result--late:visible').first());
    await visible(member.page.getByText(/^签到成功/).first());
    await shoot(member.page, 'checkin-04-member-success');

    await organiser.page.getByText('查看签到名单', { exact: true }).click();
    await organiser.page.waitForURL(/#\/packages\/checkin-admin\/live\/index/);
    const row = organiser.page.locator('.zj-live__row:visible').filter({ hasText: '李青' });
    await visible(row);
    await visible(row.getByText(/^(出席|迟到) \d{2}:\d{2}$/));
    await visible(organiser.page.getByText(/已到 1（迟到 \d）/));
    await shoot(organiser.page, 'checkin-05-live');

    expect(organiser.errors).toEqual([]);
    expect(member.errors).toEqual([]);
    await organiser.page.close();
    await member.page.close();
  });
});
