import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * 书记直通车 through the H5 build against the real server and its demo data: the demo member (李青)
 * writes to the unit's secretary with "不向书记显示我的姓名", the demo secretary replies, 李青 rates
 * the reply 不满意, the letter comes back as 待复审 and is replied to again. At every step the
 * secretary's screen carries no trace of her name.
 */
const h5 = useServedH5();

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const WRITER = '李青';
const LETTER_TEXT = '建议把每月固定活动日的学习材料提前一周发到群里，方便大家预习。';

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

/** The secretary's page shows nothing of the anonymous writer. */
async function expectNoWriter(page: Page): Promise<void> {
  await settled(page);
  expect(await page.locator('body').innerText()).not.toContain(WRITER);
}

describe('书记直通车 in the H5 build against the real server', () => {
  it('an anonymous letter is replied, rated 不满意, reopened and replied again; the secretary never sees the name', async () => {
    const member = await phonePage(h5.browser);
    await h5.signIn(member.page, '党员（演示单位）');
    const m = member.page;

    // 1. 我的 → 书记直通车 → 写信.
    await settled(m);
    await tab(m, '我的').click();
    await m.waitForURL(/#\/pages\/me\/index/);
    await shown(m, '.zj-me .zj-cell__title')
      .filter({ hasText: /^书记直通车$/ })
      .click();
    await m.waitForURL(/#\/packages\/letters\/mine\/index/);
    await visible(shown(m, '.zj-letter-card').first());
    await snapBoth(m, 'letters-01-mine');
    await settled(m);
    await button(m, '写信').click();
    await m.waitForURL(/#\/packages\/letters\/write\/index/);
    await visible(shown(m, '.zj-letter-form'));
    await shown(m, '.zj-chips__chip')
      .filter({ hasText: /^建议$/ })
      .click();
    await shown(m, 'textarea').fill(LETTER_TEXT);
    await shown(m, '.zj-letter-form__anon').click();
    await visible(shown(m, '.zj-letter-form__anon--on'));
    // One photo, from the phone's album (the browser's file chooser).
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c0392b' } })
      .jpeg()
      .toBuffer();
    const chooser = m.waitForEvent('filechooser');
    await button(m, '添加照片').click();
    await (await chooser).setFiles({ name: 'board.jpg', mimeType: 'image/jpeg', buffer: photo });
    await visible(shown(m, '.zj-letter-form__thumb img'));
    await snapBoth(m, 'letters-02-write');
    await button(m, '提交').click();
    await m.waitForURL(/#\/packages\/letters\/detail\/index\?id=\d+/);
    const letterId = Number(/id=(\d+)/.exec(m.url())![1]);
    await visible(shown(m, '.zj-letter__body').filter({ hasText: LETTER_TEXT }));
    await expect(shown(m, '.zj-letter__meta').first().innerText()).resolves.toContain('我（对书记匿名）');
    await visible(shown(m, '.zj-letter__photo img'));

    // 2. The secretary's inbox and the letter: 匿名来信, no name; reply.
    const secretary = await phonePage(h5.browser);
    await h5.signIn(secretary.page, '书记（演示单位）');
    const s = secretary.page;
    await settled(s);
    await tab(s, '我的').click();
    await s.waitForURL(/#\/pages\/me\/index/);
    await shown(s, '.zj-me .zj-cell__title')
      .filter({ hasText: /^书记信箱$/ })
      .click();
    await s.waitForURL(/#\/packages\/letters-admin\/inbox\/index/);
    const card = shown(s, '.zj-letter-card').filter({ hasText: LETTER_TEXT.slice(0, 10) });
    await visible(card);
    await expect(card.innerText()).resolves.toContain('匿名来信');
    await expectNoWriter(s);
    await snapBoth(s, 'letters-03-inbox');
    await card.click();
    await s.waitForURL(new RegExp(`#/packages/letters-admin/handle/index\\?id=${letterId}`));
    await visible(shown(s, '.zj-letter__body').filter({ hasText: LETTER_TEXT }));
    await visible(shown(s, '.zj-letter__photo img'));
    await expectNoWriter(s);
    await s.locator('textarea:visible').fill('谢谢建议。自下月起，学习材料在活动日前一周发到支部群。');
    await snapBoth(s, 'letters-04-handle');
    await button(s, '发送答复').click();
    await visible(shown(s, '.zj-letter-tag--replied'));
    await expectNoWriter(s);

    // 3. The member sees the reply and rates it 不满意: the letter comes back as 待复审.
    await m.reload();
    await visible(shown(m, '.zj-letter__reply'));
    await snapBoth(m, 'letters-05-replied');
    await button(m, '不满意').click();
    await shown(m, '.taro-model__btn')
      .filter({ hasText: /^不满意$/ })
      .click();
    await visible(shown(m, '.zj-letter-tag--reopened'));

    // 4. The secretary replies again, still without a name on the page.
    await s.reload();
    await visible(shown(s, '.zj-letter-tag--reopened'));
    await expectNoWriter(s);
    await visible(shown(s, '.zj-card__title').filter({ hasText: /^复审答复$/ }));
    await s.locator('textarea:visible').fill('已与支部委员商定：材料提前一周发群，并在活动日前两天再提醒一次。');
    await button(s, '发送答复').click();
    await visible(shown(s, '.zj-letter-tag--replied'));
    await expectNoWriter(s);
    await snapBoth(s, 'letters-06-replied-again');

    // 5. The member sees both replies.
    await m.reload();
    await visible(shown(m, '.zj-letter-tag--replied'));
    await expect(shown(m, '.zj-letter__reply').count()).resolves.toBe(2);

    expect(member.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
  });
});
