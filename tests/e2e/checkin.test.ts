import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, miniappDir, staleReason } from '../../miniapp/scripts/freshness.mjs';
import { startServer, type RunningServer } from '../../miniapp/scripts/realServer.mjs';
import { launchChromium, phonePage, screenshot } from './browser';

/**
 * 党员固定活动日 in two browsers side by side: the organiser (demo unit admin) opens check-in and
 * shows the rotating code; the member (demo member) types the code read from the organiser's
 * page; the member sees success and the organiser's live list shows the member as in. The demo
 * data gives 建华文创园 an activity whose check-in window is open right after the first start.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (staleReason(path.join(miniappDir, 'dist', 'h5', 'index.html'))) build('h5', { quiet: true });
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 15_000 });
}

async function signIn(page: Page, label: string): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByText(label, { exact: true }).waitFor();
  await page.locator('#privacy-consent').click();
  await page.getByText(label, { exact: true }).click();
  await page.waitForURL(/#\/pages\/bulletin\/index/);
}

/** Taro H5 slides a new page in from the right; screenshots wait until it has arrived. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.taro_page')].some((el) => getComputedStyle(el).display !== 'none' && Math.abs(el.getBoundingClientRect().left) < 1),
  );
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await screenshot(page, name);
}

function tab(page: Page, name: string) {
  return page.locator('.weui-tabbar__item').filter({ hasText: name });
}

describe('fixed activity day check-in, organiser and member side by side', () => {
  it('the member checks in with the code read from the organiser’s screen', async () => {
    const organiser = await phonePage(browser);
    const member = await phonePage(browser);

    await signIn(organiser.page, '党务工作者（演示单位）');
    await tab(organiser.page, '我的').click();
    await organiser.page.getByText('活动签到', { exact: true }).click();
    await organiser.page.waitForURL(/#\/packages\/checkin-admin\/desk\/index/);
    const open = organiser.page.locator('.zj-activity--checkin_open:visible').filter({ hasText: '签到进行中' });
    await visible(open);
    await shoot(organiser.page, 'checkin-01-desk');
    await open.getByText('开启签到', { exact: true }).click();
    await organiser.page.waitForURL(/#\/packages\/checkin-admin\/code\/index/);
    const codeText = organiser.page.locator('.zj-code__text:visible');
    await visible(codeText);
    await visible(organiser.page.locator('.zj-code__qr:visible'));
    await shoot(organiser.page, 'checkin-02-code');

    await signIn(member.page, '党员（演示单位）');
    await tab(member.page, '签到').click();
    await member.page.waitForURL(/#\/pages\/checkin\/index/);
    await visible(member.page.getByText('我的活动', { exact: true }));
    await shoot(member.page, 'checkin-03-member-tab');

    // Read the code now (it changes every 15 s and stays valid for the next slot too).
    const token = (await codeText.textContent())!.trim();
    expect(token).toMatch(/^QD1\.\d+\.\d+\.[A-Za-z0-9_-]{22}$/);
    await member.page.locator('.zj-scan input:visible').fill(token);
    await member.page.locator('.zj-scan .zj-button:visible').filter({ hasText: /^签到$/ }).click();
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
