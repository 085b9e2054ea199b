import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { UPLOAD_LIMITS } from '@zhijian/shared';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, tab, useServedH5, visible } from './browser';

/**
 * 报送与评审 through the H5 build against the real server and its demo data: the demo unit admin
 * submits a case with two photos (one camera-sized, shrunk in the browser), the secretariat
 * registers, passes and assigns it, and the demo reviewer scores it — blind.
 */
const h5 = useServedH5();

const TITLE = '楼宇“红色小管家”服务站';

/** Taro's H5 inputs are custom elements around a real input; type into the real one. */
function box(scope: Locator, placeholder: string): Locator {
  return scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
}

/** One of our buttons, by its exact text, among those shown. */
function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('.zj-button:visible').filter({ hasText: new RegExp(`^${text}$`) });
}

async function openFromMe(page: Page, entry: string, url: RegExp): Promise<void> {
  // Taro H5 can leave a tab page covered when a tab is tapped while the previous page is still
  // sliding in (its late hide lands on the new page); a second tap shows it.
  for (let attempt = 1; ; attempt += 1) {
    await tab(page, '我的').click();
    await page.waitForURL(/#\/pages\/me\/index/);
    const shown = await page
      .locator('.zj-me:visible')
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown || attempt === 2) break;
  }
  await page.locator('.zj-me:visible').getByText(entry, { exact: true }).click();
  await page.waitForURL(url);
}

describe('报送与评审 in the H5 console', () => {
  it('a unit submits a case with photos, the secretariat registers and assigns it, the reviewer scores it', async () => {
    // 1. The demo unit admin writes the case on the phone and submits it with a photo.
    const unit = await phonePage(h5.browser);
    await h5.signIn(unit.page, '党务工作者（演示单位）');
    await tab(unit.page, '报送').click();
    await unit.page.waitForURL(/#\/pages\/submit\/index/);
    const call = unit.page.locator('.zj-card:visible').filter({ has: unit.page.getByText('小创意发挥大作用', { exact: true }) });
    await visible(call);
    await screenshot(unit.page, 'sub-01-submit-tab');
    await button(call, '新建报送').click();
    await unit.page.waitForURL(/#\/packages\/submit\/edit\/index/);
    const form = unit.page.locator('.zj-entry-form:visible');
    await visible(form);
    await box(form, '案例名称').fill(TITLE);
    await form.getByText('服务员工群众', { exact: true }).click();
    await box(form, '一两句话说明做法和成效').fill('在商务楼宇设立服务站，党员志愿者为白领提供代办服务。');
    await box(form, '背景、做法、成效……').fill('一、背景\n楼宇白领多、党员分散。\n二、做法\n设立“红色小管家”服务站。');
    await box(form, '11 位手机号').fill('13800001111');
    await visible(unit.page.getByText(/^已自动保存/));

    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#b91c1c' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' } })
      .toBuffer();
    const chooser = unit.page.waitForEvent('filechooser');
    await button(form, '添加图片').click();
    await (await chooser).setFiles({ name: '服务站.jpg', mimeType: 'image/jpeg', buffer: photo });
    await visible(form.getByText('图片（1/9）'));
    await visible(form.locator('.zj-entry-form__image img'));
    // A camera-sized photo, over the server's 5 MB limit: it only gets through shrunk in the browser.
    const cameraPhoto = await sharp(randomBytes(4000 * 3000 * 3), { raw: { width: 4000, height: 3000, channels: 3 } })
      .blur(1.2)
      .jpeg({ quality: 98 })
      .toBuffer();
    expect(cameraPhoto.length).toBeGreaterThan(UPLOAD_LIMITS.imageBytes);
    const cameraChooser = unit.page.waitForEvent('filechooser');
    await button(form, '添加图片').click();
    await (await cameraChooser).setFiles({ name: '活动现场.jpg', mimeType: 'image/jpeg', buffer: cameraPhoto });
    await visible(form.getByText('图片（2/9）'));
    await screenshot(unit.page, 'sub-02-entry-form');
    await button(form, '提交').click();
    // The form asks before it submits (Taro.showModal, confirm labelled 提交).
    await unit.page.locator('.taro__modal .taro-modal__foot').getByText('提交', { exact: true }).click();
    await unit.page.waitForURL(/#\/packages\/submit\/entry\/index/);
    const entryPage = unit.page.locator('.zj-entry-page:visible');
    await visible(entryPage.getByText('已提交', { exact: true }).first());
    await visible(entryPage.getByText(TITLE));
    await screenshot(unit.page, 'sub-03-submitted');
    expect(unit.errors).toEqual([]);

    // 2. The secretariat registers it, passes the pre-screen and assigns the demo reviewer.
    const desk = await phonePage(h5.browser);
    await h5.signIn(desk.page, '秘书处（演示）');
    await openFromMe(desk.page, '征集与评审', /#\/packages\/secretariat\/calls\/index/);
    await desk.page
      .locator('.zj-cell:visible')
      .filter({ has: desk.page.getByText('小创意发挥大作用', { exact: true }) })
      .click();
    await desk.page.waitForURL(/#\/packages\/secretariat\/desk\/index/);
    await desk.page.locator('.zj-table__row:visible').filter({ hasText: TITLE }).click();
    await desk.page.waitForURL(/#\/packages\/secretariat\/entry\/index/);
    await button(desk.page, '登记').click();
    // The desk's table behind (hidden) lists registration numbers too: the entry page's own is the one shown.
    await visible(desk.page.getByText(/^\d{4}-AL-\d{3}$/).filter({ visible: true }));
    await button(desk.page, '初审通过').click();
    const reviewerChip = desk.page.getByRole('radio', { name: /^陈评审/ });
    await visible(reviewerChip);
    await reviewerChip.click();
    await button(desk.page, '指定').click();
    await visible(desk.page.getByText(/陈评审 · 未开始/));
    await screenshot(desk.page, 'sub-04-desk-assigned');
    expect(desk.errors).toEqual([]);

    // 3. The demo reviewer finds it in the queue and scores it, without ever seeing the unit.
    const expert = await phonePage(h5.browser);
    await h5.signIn(expert.page, '评审专家（演示）');
    await openFromMe(expert.page, '评审任务', /#\/packages\/reviewer\/queue\/index/);
    await expert.page.locator('.zj-cell:visible').filter({ hasText: TITLE }).click();
    await expert.page.waitForURL(/#\/packages\/reviewer\/score\/index/);
    const scores = expert.page.locator('.zj-score-form:visible');
    await visible(scores);
    await visible(expert.page.locator('.zj-entry-content__image img').first());
    const boxes = box(scores, '0–25');
    for (const [index, value] of ['22', '20', '18', '20'].entries()) await boxes.nth(index).fill(value);
    await visible(scores.getByText('加权得分：80 / 100'));
    await box(scores, '对创新性、实效性、长效性、推广性的具体意见').fill('服务贴近白领需求，可在商务楼宇推广。');
    await screenshot(expert.page, 'sub-05-scoring');
    await button(scores, '提交评分').click();
    await expert.page.getByText('提交', { exact: true }).click();
    await visible(expert.page.getByText('已提交评分：80 分'));
    // Only the reviewer's own screens: the 简报 tab, mounted underneath, may well name the unit.
    for (const route of ['/packages/reviewer/queue/index', '/packages/reviewer/score/index']) {
      const html = await expert.page.locator(`.taro_page[id^="${route}"]`).innerHTML();
      expect(html).toContain('2026-AL-');
      expect(html).not.toContain('建华文创园');
      expect(html).not.toContain('服务站.jpg');
    }
    await screenshot(expert.page, 'sub-06-scored');
    expect(expert.errors).toEqual([]);

    for (const p of [unit.page, desk.page, expert.page]) await p.close();
  });
});
