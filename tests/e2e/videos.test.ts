import { shanghaiToday } from '@zhijian/shared';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { videoFixturePath } from '../support/videoFixtures';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * 网络击鼓传花 through the H5 build against the real server and its demo data: the secretariat opens
 * a round, the demo unit's 党务工作者 uploads a generated 10-second MP4 (ffmpeg testsrc) with
 * progress, the secretariat approves it, and a member of another unit (the demo reviewer) watches it,
 * seeks to the middle (range requests) and likes it.
 */
const h5 = useServedH5();

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const ROUND = `击鼓传花第${Date.now() % 100000}轮`;
const TITLE = '园区里的红色驿站';

const shown = (page: Page, selector: string): Locator => page.locator(`${selector}:visible`);
const button = (page: Page, text: string): Locator => page.locator('.zj-button:visible').filter({ hasText: new RegExp(`^${text}$`) });

async function snapBoth(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESK);
  await settled(page);
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize(PHONE);
}

/** Opens an entry of 我的. */
async function openFromMe(page: Page, entry: string, url: RegExp): Promise<void> {
  await settled(page);
  await tab(page, '我的').click();
  await page.waitForURL(/#\/pages\/me\/index/);
  await shown(page, '.zj-me .zj-cell__title')
    .filter({ hasText: new RegExp(`^${entry}$`) })
    .click();
  await page.waitForURL(url);
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  await shown(page, '.zj-field').filter({ hasText: label }).locator('input').fill(value);
}

describe('网络击鼓传花 in the H5 build against the real server', () => {
  it('a unit uploads a 10-second MP4, the secretariat approves it, a member of another unit watches, seeks and likes it', async () => {
    const video = await videoFixturePath('good', 10);

    // 1. The secretariat opens a round starting today.
    const secretary = await phonePage(h5.browser);
    await h5.signIn(secretary.page, '秘书处（演示）');
    const s = secretary.page;
    await openFromMe(s, '击鼓传花管理', /#\/packages\/videos-admin\/rounds\/index/);
    await fill(s, '标题', ROUND);
    await fill(s, '主题', '展示各单位党建特色');
    await fill(s, '开始日期', shanghaiToday(new Date()));
    await button(s, '开启').click();
    await visible(shown(s, '.zj-cell__title').filter({ hasText: ROUND }));
    await snapBoth(s, 'videos-01-rounds');

    // 2. The demo unit's 党务工作者 uploads the video, with progress, from the round's page.
    const admin = await phonePage(h5.browser);
    await h5.signIn(admin.page, '党务工作者（演示单位）');
    const a = admin.page;
    await openFromMe(a, '本单位展示视频', /#\/packages\/videos\/round\/index/);
    await shown(a, '.zj-cell__title').filter({ hasText: ROUND }).click();
    await a.waitForURL(/#\/packages\/videos\/round\/index\?id=\d+/);
    const roundId = Number(/id=(\d+)/.exec(a.url())![1]);
    await fill(a, '标题', TITLE);
    const chooser = a.waitForEvent('filechooser');
    await button(a, '选择视频并上传').click();
    await (await chooser).setFiles(video);
    await visible(shown(a, '.zj-video-card').filter({ hasText: TITLE }), 60_000);
    await visible(shown(a, '.zj-video-tag').filter({ hasText: '待审核' }));
    await snapBoth(a, 'videos-02-uploaded');

    // 3. The secretariat approves it.
    await s.goto(`${h5.server.url}/#/packages/videos-admin/review/index?id=${roundId}`);
    await visible(shown(s, '.zj-video-card').filter({ hasText: TITLE }));
    await snapBoth(s, 'videos-03-review');
    await button(s, '通过').click();
    await visible(button(s, '保存评分'));

    // 4. A member of another unit watches it, seeks to the middle and likes it.
    const viewer = await phonePage(h5.browser);
    await h5.signIn(viewer.page, '评审专家（演示）');
    const v = viewer.page;
    await v.goto(`${h5.server.url}/#/packages/videos/round/index?id=${roundId}`);
    await shown(v, '.zj-video-card').filter({ hasText: TITLE }).click();
    await v.waitForURL(/#\/packages\/videos\/watch\/index\?id=\d+/);
    const player = v.locator('video').first();
    await player.waitFor({ state: 'attached', timeout: 20_000 });
    const ranged = v.waitForResponse((response) => response.url().includes('/api/video-streams/') && response.status() === 206, {
      timeout: 30_000,
    });
    const duration = await player.evaluate(
      (element: HTMLVideoElement) =>
        new Promise<number>((resolve, reject) => {
          const done = () => resolve(element.duration);
          if (element.readyState >= 1) return done();
          element.addEventListener('loadedmetadata', done, { once: true });
          element.addEventListener('error', () => reject(new Error(`video error ${element.error?.code}`)), { once: true });
          element.load();
        }),
    );
    expect(duration).toBeGreaterThan(9);
    const position = await player.evaluate(
      (element: HTMLVideoElement) =>
        new Promise<number>((resolve) => {
          element.addEventListener('seeked', () => resolve(element.currentTime), { once: true });
          element.currentTime = 6;
        }),
    );
    expect(position).toBeCloseTo(6, 0);
    expect((await ranged).headers()['content-range']).toMatch(/^bytes \d+-\d+\/\d+$/);
    await snapBoth(v, 'videos-04-watch');
    await button(v, '点赞').click();
    await visible(button(v, '今日已赞'));
    await visible(shown(v, '.zj-video-actions__note').filter({ hasText: '已公布 0 赞' }));
    await snapBoth(v, 'videos-05-liked');
  });
});
