import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

/**
 * 年度评优 through the H5 build against the real server and its demo data. Last year's review (the
 * demo's) has 公示 over with 李青's objection open: the secretariat answers it, publishes the list into
 * a 简报 draft and prints the winner's certificate. This year's is opened in the browser: the 片组长
 * recommends the demo unit, the committee selects it with a note and starts 公示, and 李青 objects.
 * (The real server's clock cannot be moved, so one review cannot go from candidates to published in
 * one run; the server tests take a single review through every step with the test clock.)
 */
const h5 = useServedH5();

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const UNIT = '建华文创园党总支';
/** The demo's review is last year's (in Shanghai time, as the seed counts it). */
const LAST_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;

function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('.zj-button:visible').filter({ hasText: new RegExp(`^${text}$`) });
}

async function confirmModal(page: Page, text: string): Promise<void> {
  await shown(page, '.taro-model__btn')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .click();
}

async function snapBoth(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESK);
  await settled(page);
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize(PHONE);
}

async function openFromMe(page: Page, title: string): Promise<void> {
  await settled(page);
  await tab(page, '我的').click();
  await page.waitForURL(/#\/pages\/me\/index/);
  await shown(page, '.zj-me .zj-cell__title')
    .filter({ hasText: new RegExp(`^${title}$`) })
    .click();
}

function honoursCard(page: Page): Locator {
  return shown(page, '.zj-card').filter({ has: page.locator('.zj-card__title', { hasText: /^本单位荣誉$/ }) });
}

function candidateCard(page: Page): Locator {
  return shown(page, '.zj-card').filter({ has: page.locator('.zj-award__name', { hasText: new RegExp(`^${UNIT}$`) }) });
}

describe('年度评优 in the H5 build against the real server', () => {
  it('answers an objection, publishes and prints a certificate; opens this year, recommends, selects, 公示 and an objection', async () => {
    const secretary = await phonePage(h5.browser);
    const s = secretary.page;
    await h5.signIn(s, '秘书处（演示）');

    // 0. A 简报 draft for the list.
    await openFromMe(s, '编辑简报');
    await s.waitForURL(/#\/packages\/secretariat\/bulletins\/index/);
    await shown(s, '.zj-button').filter({ hasText: '新建一期' }).click();
    await s.waitForURL(/#\/packages\/secretariat\/bulletin-edit\/index$/);
    const field = (placeholder: string) => shown(s, `input[placeholder="${placeholder}"]`);
    await field('2026').fill('2026');
    await field('1').fill('12');
    await field('可不填').fill('91');
    // The date comes preset to today from the date picker.
    await shown(s, '.zj-button').filter({ hasText: '创建草稿' }).click();
    await s.waitForURL(/#\/packages\/secretariat\/bulletin-edit\/index\?id=\d+/);

    // The demo unit's admin: no honours on the records desk before the list is published.
    const unitAdmin = await phonePage(h5.browser);
    const u = unitAdmin.page;
    await h5.signIn(u, '党务工作者（演示单位）');
    await openFromMe(u, '党员档案与先锋指数');
    await u.waitForURL(/#\/packages\/record-admin\/desk\/index/);
    await visible(honoursCard(u).getByText(/^暂无荣誉记录$/));

    // 1. Last year's review: answer the objection, publish into the draft.
    await s.goto(`${h5.server.url}/#/pages/me/index`);
    await openFromMe(s, '年度评优');
    await s.waitForURL(/#\/packages\/awards-admin\/reviews\/index/);
    const lastYear = shown(s, '.zj-card').filter({ hasText: '公示中' });
    await visible(lastYear);
    await snapBoth(s, 'awards-01-reviews');
    await button(lastYear, '进入').click();
    await s.waitForURL(/#\/packages\/awards-admin\/review\/index\?id=\d+/);
    const process = shown(s, '.zj-card').filter({ has: s.locator('.zj-card__title', { hasText: /^评审流程$/ }) });
    await visible(process.getByText('希望公布各单位出勤率的具体数据，便于大家了解。'));
    await visible(candidateCard(s));
    await snapBoth(s, 'awards-02-objection');
    await process.locator('textarea').fill('各单位出勤率已在候选数据中列明，评优结果公布时一并说明。');
    await button(process, '答复').click();
    await visible(process.getByText(/^答复：各单位出勤率已在候选数据中列明/));
    await process.locator('.zj-chips__chip').first().click();
    await button(process, '发布评优结果').click();
    await confirmModal(s, '发布');
    await visible(process.getByText(/^已于 .* 发布/));
    await snapBoth(s, 'awards-03-published');

    // The unit's honour on its admin's records desk.
    await u.reload();
    const honour = honoursCard(u)
      .locator('.zj-honours__row')
      .filter({ hasText: `${LAST_YEAR} 年度先进集体` });
    await visible(honour);
    await expect(honour.innerText()).resolves.toContain(UNIT);
    await expect(
      honoursCard(u)
        .getByText(/^暂无荣誉记录$/)
        .count(),
    ).resolves.toBe(0);
    await snapBoth(u, 'awards-03b-unit-honours');

    // 2. The winner's certificate, on the desk.
    await button(candidateCard(s), '打印证书').click();
    await s.waitForURL(/#\/packages\/awards-admin\/certificate\/index\?id=\d+/);
    await visible(shown(s, '.zj-certificate__sheet'));
    await expect(shown(s, '.zj-certificate__sheet').innerText()).resolves.toContain(UNIT);
    await snapBoth(s, 'awards-04-certificate');

    // 3. This year's review, opened in the browser.
    await s.goto(`${h5.server.url}/#/pages/me/index`);
    await openFromMe(s, '年度评优');
    await s.waitForURL(/#\/packages\/awards-admin\/reviews\/index/);
    const openCard = shown(s, '.zj-card').filter({ has: s.locator('.zj-card__title', { hasText: /^开启年度评优$/ }) });
    await openCard.locator('.zj-chips__chip').first().click();
    await button(openCard, '开启并冻结数据').click();
    await confirmModal(s, '开启');
    await s.waitForURL(/#\/packages\/awards-admin\/review\/index\?id=\d+/);
    const thisYearUrl = s.url();
    await shown(s, '.zj-chips__chip')
      .filter({ hasText: /^全部候选$/ })
      .click();
    await visible(shown(s, '.zj-award__name').first());
    await snapBoth(s, 'awards-05-candidates');

    // 4. The 片组长 recommends the demo unit.
    const leader = await phonePage(h5.browser);
    const l = leader.page;
    await h5.signIn(l, '片组长（演示）');
    await openFromMe(l, '年度评优');
    await l.waitForURL(/#\/packages\/awards-admin\/reviews\/index/);
    await button(shown(l, '.zj-card').filter({ hasText: '推荐评审中' }), '进入').click();
    await l.waitForURL(/#\/packages\/awards-admin\/review\/index\?id=\d+/);
    const ours = candidateCard(l);
    await visible(ours);
    await ours.locator('textarea').fill('党员固定活动日坚持得好，志愿服务人次多');
    await snapBoth(l, 'awards-06-recommend');
    // Going to the console width and back remounts the page's form: the note is typed again.
    await candidateCard(l).locator('textarea').fill('党员固定活动日坚持得好，志愿服务人次多');
    await button(ours, '推荐').click();
    await visible(candidateCard(l).getByText(/^片组推荐/));

    // 5. The committee selects it with a note and starts 公示.
    await s.goto(thisYearUrl);
    await s.reload();
    const decided = candidateCard(s);
    await visible(decided.getByText(/^片组推荐/));
    await decided.locator('textarea').fill('各项指标居片组前列，同意评选');
    await button(decided, '评选').click();
    await visible(candidateCard(s).getByText(/^评审：评选/));
    await button(s, '开始公示').click();
    await confirmModal(s, '开始公示');
    await visible(shown(s, '.zj-award__tag').filter({ hasText: /^公示中$/ }));

    // 6. 李青 reads the 公示 and objects.
    const member = await phonePage(h5.browser);
    const m = member.page;
    await h5.signIn(m, '党员（演示单位）');
    await settled(m);
    await tab(m, '我的').click();
    await m.waitForURL(/#\/pages\/me\/index/);
    await shown(m, '.zj-me .zj-cell__title')
      .filter({ hasText: /^评优公示$/ })
      .click();
    await m.waitForURL(/#\/packages\/awards\/publicity\/index/);
    const current = shown(m, '.zj-card').filter({ has: m.locator('.zj-card__title', { hasText: /年度评优公示$/ }) });
    await visible(current);
    await visible(shown(m, '.zj-card__title').filter({ hasText: /年度评优结果$/ }));
    await button(current, '提出异议').click();
    await current.locator('textarea').fill('建议在公示中附上各单位的得分明细。');
    await snapBoth(m, 'awards-07-objection');
    if ((await current.locator('textarea').count()) === 0) await button(current, '提出异议').click();
    await current.locator('textarea').fill('建议在公示中附上各单位的得分明细。');
    await button(current, '提交异议').click();
    await visible(button(current, '提出异议'));

    expect(secretary.errors).toEqual([]);
    expect(leader.errors).toEqual([]);
    expect(member.errors).toEqual([]);
    expect(unitAdmin.errors).toEqual([]);
  });
});
