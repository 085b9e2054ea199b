import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * 党员卡 and 先锋指数 through the H5 build against the real server and its demo data: the demo member
 * reads an article past its skim time and finds 学习 +1 on the card, declares a bonus item with a
 * photo, the demo unit admin approves it (through the API), and the member's index moves by
 * exactly the approved points. The unit admin then opens the member's A4 print layout.
 */
const h5 = useServedH5();

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const APPROVED_POINTS = 2;

function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

function box(scope: Page | Locator, placeholder: string): Locator {
  return scope.locator(`input[placeholder="${placeholder}"]:visible, textarea[placeholder="${placeholder}"]:visible`);
}

function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('.zj-button:visible').filter({ hasText: new RegExp(`^${text}$`) });
}

/** The same page at the phone's size and at the desk's, once Taro's page transition is over. */
async function snapBoth(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESK);
  await settled(page);
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize(PHONE);
}

/** What the card shows now: 学习积分 and the index with its 正向加分 line. */
async function readCard(page: Page): Promise<{ study: number; index: number; bonus: string }> {
  const card = shown(page, '.zj-member-card');
  await visible(card.locator('.zj-breakdown__figure'));
  const study = await card.locator('.zj-points__row--study .zj-points__value').textContent();
  const index = await card.locator('.zj-breakdown__figure').textContent();
  const bonus = await card
    .locator('.zj-breakdown__line')
    .filter({ hasText: /^正向加分/ })
    .locator('.zj-breakdown__value')
    .textContent();
  return { study: Number(/^\s*(-?\d+)/.exec(study!)![1]), index: Number(index), bonus: bonus! };
}

const CARD_ANSWER = (response: { url(): string; status(): number }) =>
  /\/api\/me\/card(\?|$)/.test(response.url()) && response.status() === 200;

/**
 * The card, answering the card the page loaded (for the member's id): from 我的 when the tab bar
 * is shown, else by its address (Taro's H5 shows the tab bar on tab pages only).
 */
async function openCard(page: Page, from: 'me' | 'address', serverUrl: string): Promise<{ memberId: number; year: number }> {
  const loaded = page.waitForResponse(CARD_ANSWER);
  // Awaited below; a failure before then is the one to report, not this waiter's.
  loaded.catch(() => undefined);
  if (from === 'me') {
    for (let attempt = 1; ; attempt += 1) {
      await tab(page, '我的').click();
      await page.waitForURL(/#\/pages\/me\/index/);
      const ok = await shown(page, '.zj-me')
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      if (ok || attempt === 2) break;
    }
    await shown(page, '.zj-me .zj-cell__title')
      .filter({ hasText: /^党员卡$/ })
      .click();
  } else {
    await settled(page);
    await page.goto(`${serverUrl}/#/packages/record/card/index`);
  }
  await page.waitForURL(/#\/packages\/record\/card\/index/);
  const card = (await (await loaded).json()) as { year: number; member: { id: number } };
  return { memberId: card.member.id, year: card.year };
}

/** Signs in through the API with a demo account (the dev sign-in the H5 picker uses). */
async function apiSignIn(serverUrl: string, code: string): Promise<{ token: string; unitId: number }> {
  const response = await fetch(`${serverUrl}/api/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { token: string; user: { unit: { id: number } | null } };
  return { token: body.token, unitId: body.user.unit!.id };
}

describe('党员卡 in the H5 build against the real server', () => {
  it('a read shows as 学习 +1, a declared item once approved moves the index by exactly its points', async () => {
    const { page, errors } = await phonePage(h5.browser);
    await h5.signIn(page, '党员（演示单位）');

    // 1. The card before: 学习 points now.
    const { memberId, year } = await openCard(page, 'me', h5.server.url);
    const before = await readCard(page);
    await visible(shown(page, '.zj-identity-qr img, img.zj-identity-qr__image').first());
    await snapBoth(page, 'record-01-card');

    // 2. Read an article not read yet, past its skim time (the reader reports it and marks it 已读).
    // Back to 我的 (the tab bar shows on tab pages only), then to 简报.
    await settled(page);
    await page.goBack();
    await page.waitForURL(/#\/pages\/me\/index/);
    await visible(shown(page, '.zj-me'));
    await settled(page);
    await tab(page, '简报').click();
    await page.waitForURL(/#\/pages\/bulletin\/index/);
    await shown(page, '.zj-issue-row__label').first().click();
    await page.waitForURL(/#\/packages\/bulletin\/issue\/index\?id=\d+/);
    // The offline library may already hold the articles, so the reader can revalidate its
    // copy (304, no body): the read state is taken from the page, not from the answer.
    await shown(page, '.zj-issue__toc-entry').first().click();
    await page.waitForURL(/#\/packages\/bulletin\/article\/index\?id=\d+/);
    const shownTitle = async () => (await shown(page, '.zj-reader__title').first().innerText()).trim();
    let title = await shownTitle();
    while ((await shown(page, '.zj-reader__meta').first().innerText()).includes('已读')) {
      await shown(page, '.zj-reader__nav-item').filter({ hasText: '下一篇' }).click();
      await page.waitForFunction(
        (before) =>
          [...document.querySelectorAll<HTMLElement>('.zj-reader__title')].some((el) => el.offsetParent && el.innerText.trim() !== before),
        title,
      );
      title = await shownTitle();
    }
    const reported = await page.waitForResponse(
      (r) => /\/api\/bulletins\/articles\/\d+\/read$/.test(r.url()) && r.request().method() === 'POST',
      // The longest skim time in the demo issues is under a minute.
      { timeout: 90_000 },
    );
    expect(((await reported.json()) as { read: boolean }).read).toBe(true);
    await visible(shown(page, '.zj-reader__meta').filter({ hasText: '已读' }));

    // 3. Back on the card: 学习 +1.
    await openCard(page, 'address', h5.server.url);
    await expect.poll(async () => (await readCard(page)).study).toBe(before.study + 1);
    const afterRead = await readCard(page);

    // 4. Declare a bonus item with a photo.
    await button(page, '申报加分').click();
    await page.waitForURL(/#\/packages\/record\/declare\/index/);
    const form = shown(page, '.zj-declare');
    await visible(form);
    await form.getByRole('radio', { name: /^志愿服务/ }).click();
    await box(form, '做了什么、在哪里、有什么成效（至少 5 个字）').fill('周末在社区开展垃圾分类宣传志愿服务半天');
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#1e6b34' } })
      .jpeg()
      .toBuffer();
    const chooser = page.waitForEvent('filechooser');
    await button(form, '添加照片').click();
    await (await chooser).setFiles({ name: '志愿服务.jpg', mimeType: 'image/jpeg', buffer: photo });
    await visible(form.getByText('照片（1/9）'));
    await snapBoth(page, 'record-02-declare');
    await button(form, '提交申报').click();
    await page.waitForURL(/#\/packages\/record\/records\/index/);
    const claim = shown(page, '.zj-record-item').filter({ hasText: '周末在社区开展垃圾分类宣传志愿服务半天' });
    await visible(claim.getByText('待审核', { exact: true }));
    await visible(claim.locator('.zj-record-item__photo img').first());
    await visible(claim.getByText('提交申报', { exact: true }));
    await snapBoth(page, 'record-03-records');

    // 5. The unit admin approves it, with points in the kind's range.
    const admin = await apiSignIn(h5.server.url, 'dev:demo-unit-admin');
    const auth = { authorization: `Bearer ${admin.token}` };
    const pending = await fetch(`${h5.server.url}/api/units/${admin.unitId}/bonuses?status=pending&memberId=${memberId}`, {
      headers: auth,
    });
    expect(pending.status).toBe(200);
    const items = ((await pending.json()) as { items: { id: number; description: string }[] }).items;
    const mine = items.find((item) => item.description === '周末在社区开展垃圾分类宣传志愿服务半天');
    expect(mine).toBeDefined();
    const decided = await fetch(`${h5.server.url}/api/bonuses/${mine!.id}/decision`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ approve: true, points: APPROVED_POINTS, note: '事迹属实' }),
    });
    expect(decided.status).toBe(200);

    // 6. The card again: the index moved by exactly the approved points, through 正向加分.
    await openCard(page, 'address', h5.server.url);
    await expect.poll(async () => (await readCard(page)).index).toBe(Math.round((afterRead.index + APPROVED_POINTS) * 10) / 10);
    const after = await readCard(page);
    expect(Number(after.bonus.replace('+', ''))).toBe(Number(afterRead.bonus.replace('+', '')) + APPROVED_POINTS);
    expect(after.study).toBe(afterRead.study);
    expect(errors).toEqual([]);
    await page.close();

    // 7. The unit admin's A4 print layout of the member's year: one page on paper.
    const desk = await phonePage(h5.browser);
    await h5.signIn(desk.page, '党务工作者（演示单位）');
    // A hash change during the sign-in's own page transition is undone by it: wait for it first.
    await settled(desk.page);
    await desk.page.goto(`${h5.server.url}/#/packages/record/print/index?memberId=${memberId}&year=${year}`);
    await desk.page.waitForURL(/#\/packages\/record\/print\/index/);
    const sheet = shown(desk.page, '.zj-print__sheet');
    await visible(sheet);
    await visible(sheet.locator('.zj-print__value').filter({ hasText: '李青' }));
    // Not the live figure: others see the index as published at the end of last month.
    await visible(sheet.getByText('截至上月末（先锋指数按月公布）'));
    await visible(sheet.locator('.zj-breakdown__figure'));
    await snapBoth(desk.page, 'record-04-print');
    await desk.page.emulateMedia({ media: 'print' });
    await screenshot(desk.page, 'record-05-print-media');
    const pdf = await desk.page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    expect(desk.errors).toEqual([]);
    await desk.page.close();
  });
});
