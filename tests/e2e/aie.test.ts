import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * 爱E客栈 through the H5 build against the real server and its demo data: the demo member opens the
 * 客栈 tab, claims the wish first in the list, marks it contacted, uploads a photo and marks it
 * realised; the demo unit admin finds it in the review queue's reach and confirms it on the wish's
 * page; the member's card then shows the 公益 points it earned.
 */
const h5 = useServedH5();

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const WISH_POINTS = 2;

function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('.zj-button:visible').filter({ hasText: new RegExp(`^${text}$`) });
}

async function snapBoth(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESK);
  await settled(page);
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize(PHONE);
}

/** 公益积分 on the member's own card. */
async function publicServicePoints(page: Page): Promise<number> {
  await page.goto(`${h5.server.url}/#/packages/record/card/index`);
  const value = shown(page, '.zj-points__row--public_service .zj-points__value');
  await visible(value);
  return Number(/^\s*(-?\d+)/.exec((await value.textContent())!)![1]);
}

/** Waits for the wish's answer to a step (`claim`, `contacted`, …) after `tap`. */
async function step(page: Page, path: string, tap: () => Promise<void>): Promise<void> {
  const answered = page.waitForResponse((r) => new RegExp(`/api/wishes/\\d+/${path}$`).test(r.url()) && r.request().method() === 'POST');
  await tap();
  expect((await answered).status()).toBe(200);
}

describe('爱E客栈 in the H5 build against the real server', () => {
  it('a member claims a wish, contacts, uploads a photo; the unit admin confirms; 公益 points show on the card', async () => {
    const { page, errors } = await phonePage(h5.browser);
    await h5.signIn(page, '党员（演示单位）');
    const before = await publicServicePoints(page);

    // 1. The 客栈 tab: wishes to claim, the way to 志愿活动, 传帮带 and 亮身份.
    await page.goto(`${h5.server.url}/#/pages/bulletin/index`);
    await settled(page);
    await tab(page, '客栈').click();
    await page.waitForURL(/#\/pages\/aie\/index/);
    const hub = shown(page, '.zj-aie-hub');
    await visible(hub);
    await visible(hub.getByText('志愿活动', { exact: true }));
    await visible(hub.getByText('传帮带', { exact: true }));
    await snapBoth(page, 'aie-01-hub');

    // 2. The first wish (back in the pool after a revoked claim): claim it.
    await hub.locator('.zj-cell--link').first().click();
    await page.waitForURL(/#\/packages\/aie\/wish\/index\?id=\d+/);
    const wish = shown(page, '.zj-wish');
    await visible(wish);
    await visible(wish.getByText(/某（/).first());
    await step(page, 'claim', () => button(wish, '认领心愿').click());
    await visible(wish.getByText('已认领', { exact: true }));
    await step(page, 'contacted', () => button(wish, '已联系心愿人').click());
    await visible(wish.getByText('已联系', { exact: true }));

    // 3. A photo of the wish realised, then 已实现.
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#b91c1c' } })
      .jpeg()
      .toBuffer();
    const chooser = page.waitForEvent('filechooser');
    const uploaded = page.waitForResponse((r) => /\/api\/wishes\/\d+\/photos$/.test(r.url()));
    await button(wish, '上传照片').click();
    await (await chooser).setFiles({ name: '心愿.jpg', mimeType: 'image/jpeg', buffer: photo });
    expect((await uploaded).status()).toBe(201);
    await visible(wish.getByText('心愿实现的照片（1/9）'));
    await step(page, 'realised', () => button(wish, '心愿已实现').click());
    await visible(wish.getByText('已实现', { exact: true }));
    await snapBoth(page, 'aie-02-wish');
    const wishUrl = page.url();

    // 4. The unit admin: the review queue, then the wish's page, 确认完成.
    const desk = await phonePage(h5.browser);
    await h5.signIn(desk.page, '党务工作者（演示单位）');
    await desk.page.goto(`${h5.server.url}/#/packages/aie-admin/review/index`);
    const queue = shown(desk.page, '.zj-aie-review');
    await visible(queue);
    await visible(queue.getByText('一辆二手自行车'));
    await snapBoth(desk.page, 'aie-03-review');
    await desk.page.goto(`${h5.server.url}/#/packages/aie-admin/publish/index`);
    await visible(shown(desk.page, '.zj-aie-page').getByText('心愿对本单位以外的党员显示为“姓氏 + 某”。'));
    await snapBoth(desk.page, 'aie-04-publish');
    await desk.page.goto(wishUrl);
    const adminWish = shown(desk.page, '.zj-wish');
    await visible(adminWish);
    await step(desk.page, 'confirm', () => button(adminWish, '确认完成').click());
    await visible(adminWish.getByText('已完成', { exact: true }));
    expect(desk.errors).toEqual([]);
    await desk.page.close();

    // 5. The member's card: 公益 points up by the wish's points.
    await expect.poll(() => publicServicePoints(page)).toBe(before + WISH_POINTS);
    expect(errors).toEqual([]);
    await page.close();
  });
});
