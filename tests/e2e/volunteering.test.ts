import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, useServedH5, visible } from './browser';

/**
 * 爱E客栈 through the H5 build against the real server and its demo data: the demo unit admin
 * publishes a volunteer activity starting soon, the demo member signs up, the organiser scans
 * (pastes) the member's card identity code and the attendance pays 公益 points; then the member
 * asks a 传帮带 question, the unit admin answers it, and the member marks the answer as the
 * solution, which pays its author a point. Then the organiser edits an activity and calls it off,
 * and the member reads why.
 */
const h5 = useServedH5();

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };

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

/** Signs in through the API with a demo account (the dev sign-in the H5 picker uses). */
async function apiSignIn(code: string): Promise<{ token: string; memberId: number }> {
  const response = await fetch(`${h5.server.url}/api/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { token: string; user: { id: number } };
  return { token: body.token, memberId: body.user.id };
}

async function apiCall<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${h5.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function publicServicePoints(token: string): Promise<number> {
  const card = await apiCall<{ points: Array<{ category: string; points: number }> }>(token, 'GET', '/api/me/card');
  expect(card.status).toBe(200);
  return card.body.points.find((row) => row.category === 'public_service')?.points ?? 0;
}

async function go(page: Page, path: string): Promise<void> {
  await settled(page);
  await page.goto(`${h5.server.url}/#${path}`);
  await page.waitForURL(new RegExp(`#${path.replace(/[?]/g, '\\?')}`));
}

describe('爱E客栈 in the H5 build against the real server', () => {
  it('a member signs up, the organiser takes attendance from the card code, a question is answered and marked solved', async () => {
    const admin = await apiSignIn('dev:demo-unit-admin');
    const member = await apiSignIn('dev:demo-member');
    const now = Date.now();
    const title = `午间读书角志愿服务${now % 10000}`;
    const published = await apiCall<{ id: number }>(admin.token, 'POST', '/api/volunteer-activities', {
      scope: 'unit',
      title,
      description: '午休时在园区读书角整理图书、为大家推荐好书。',
      placeName: '园区读书角',
      startsAt: new Date(now + 40 * 60_000).toISOString(),
      endsAt: new Date(now + 100 * 60_000).toISOString(),
      signUpDeadline: new Date(now + 30 * 60_000).toISOString(),
      places: 2,
    });
    expect(published.status).toBe(201);
    const pointsBefore = await publicServicePoints(member.token);

    // 1. The member's list, then the activity: sign up.
    const { page, errors } = await phonePage(h5.browser);
    await h5.signIn(page, '党员（演示单位）');
    await go(page, '/packages/aie/volunteer/index');
    const card = shown(page, '.zj-vol-card').filter({ hasText: title });
    await visible(card);
    await visible(card.getByText('剩余 2/2 个名额'));
    await snapBoth(page, 'volunteering-01-list');
    await card.click();
    await page.waitForURL(/#\/packages\/aie\/volunteer\/detail\/index/);
    await button(page, '报名参加').click();
    await visible(shown(page, '.zj-vol__tag--confirmed').filter({ hasText: /^已报名/ }));
    await visible(button(page, '取消报名'));
    await snapBoth(page, 'volunteering-02-signed-up');

    // 2. The organiser pastes the member's card identity code on the roster page.
    const code = await apiCall<{ code: string }>(member.token, 'POST', '/api/me/card/code');
    expect(code.status).toBe(200);
    const desk = await phonePage(h5.browser);
    await h5.signIn(desk.page, '党务工作者（演示单位）');
    await go(desk.page, `/packages/aie-admin/volunteer/roster/index?id=${published.body.id}`);
    await visible(shown(desk.page, '.zj-vol__row').filter({ hasText: '李青' }));
    await box(desk.page, '扫码或粘贴党员卡上的身份码').fill(code.body.code);
    await button(desk.page, '确认签到').click();
    await visible(shown(desk.page, '.zj-vol__result').filter({ hasText: '李青 签到成功，公益积分 +2' }));
    await visible(shown(desk.page, '.zj-vol__row').filter({ hasText: '已签到（扫党员卡）' }));
    await snapBoth(desk.page, 'volunteering-03-roster');
    await go(desk.page, `/packages/aie-admin/volunteer/code/index?id=${published.body.id}`);
    await visible(shown(desk.page, '.zj-code__qr'));
    await snapBoth(desk.page, 'volunteering-04-code');
    expect(await publicServicePoints(member.token)).toBe(pointsBefore + 2);

    // 3. The member asks a question.
    const question = `读书角的书可以借回家吗${now % 10000}`;
    await go(page, '/packages/aie/questions/index');
    await visible(shown(page, '.zj-card').first());
    await button(page, '我要提问').click();
    await box(page, '一句话说明问题（至少 4 个字）').fill(question);
    await box(page, '遇到了什么情况、想知道什么（至少 5 个字）').fill('想周末在家看，借阅要登记吗？');
    await box(page, '用空格分隔，如：组织关系 党费').fill('读书角 借阅');
    await snapBoth(page, 'volunteering-05-ask');
    await button(page, '提问').click();
    const asked = shown(page, '.zj-card').filter({ hasText: question });
    await visible(asked);
    await snapBoth(page, 'volunteering-06-questions');

    // 4. The unit admin (a member of the unit too) answers it.
    const found = await apiCall<{ items: Array<{ id: number; title: string }> }>(
      admin.token,
      'GET',
      `/api/questions?q=${encodeURIComponent(question)}`,
    );
    const questionId = found.body.items.find((item) => item.title === question)!.id;
    await go(desk.page, `/packages/aie/questions/detail/index?id=${questionId}`);
    await box(desk.page, '分享你的做法或经验（至少 2 个字）').fill('可以借，在读书角的登记本上写下书名和日期，两周内归还。');
    await button(desk.page, '提交回答').click();
    await visible(shown(desk.page, '.zj-qa__answer').filter({ hasText: '两周内归还' }));
    const authorBefore = await publicServicePoints(admin.token);

    // 5. The member marks it as the solution: its author earns a point.
    await asked.click();
    await page.waitForURL(/#\/packages\/aie\/questions\/detail\/index/);
    const answer = shown(page, '.zj-qa__answer').filter({ hasText: '两周内归还' });
    await visible(answer);
    await button(answer, '采纳为解决方案').click();
    await page.locator('.taro__modal .taro-modal__foot').getByText('确定', { exact: true }).click();
    await visible(shown(page, '.zj-qa__tag--solved').filter({ hasText: '已采纳 · +1 分' }));
    await snapBoth(page, 'volunteering-07-solved');
    expect(await publicServicePoints(admin.token)).toBe(authorBefore + 1);

    // 6. The unit admin's review queue (the demo's held answer).
    await go(desk.page, '/packages/aie-admin/questions/index');
    await visible(shown(desk.page, '.zj-qa__tag--held').first());
    await snapBoth(desk.page, 'volunteering-08-queue');

    // 7. The organiser's form for a new volunteer activity.
    await go(desk.page, '/packages/aie-admin/volunteer/publish/index');
    await visible(shown(desk.page, '.zj-aie-page').getByText('活动内容', { exact: true }).first());
    await snapBoth(desk.page, 'volunteering-09-publish');

    expect(errors).toEqual([]);
    expect(desk.errors).toEqual([]);
    await page.close();
    await desk.page.close();
  });
  it('the organiser edits an activity in the publishing form, then calls it off with a reason the member reads', async () => {
    const admin = await apiSignIn('dev:demo-unit-admin');
    const member = await apiSignIn('dev:demo-member');
    const now = Date.now();
    const day = 24 * 3600_000;
    const title = `园区绿植认养志愿服务${now % 10000}`;
    const published = await apiCall<{ id: number }>(admin.token, 'POST', '/api/volunteer-activities', {
      scope: 'unit',
      title,
      description: '为园区公共绿植浇水、松土，认养一盆带回工位。',
      placeName: '园区中庭',
      startsAt: new Date(now + 3 * day).toISOString(),
      endsAt: new Date(now + 3 * day + 2 * 3600_000).toISOString(),
      signUpDeadline: new Date(now + 2 * day).toISOString(),
      places: 1,
    });
    expect(published.status).toBe(201);
    const id = published.body.id;
    expect((await apiCall(member.token, 'POST', `/api/volunteer-activities/${id}/sign-up`)).status).toBe(201);

    // 1. The organiser edits: a new place and more places, in the publishing form filled in.
    const desk = await phonePage(h5.browser);
    await h5.signIn(desk.page, '党务工作者（演示单位）');
    await go(desk.page, `/packages/aie/volunteer/detail/index?id=${id}`);
    await button(desk.page, '编辑').click();
    await desk.page.waitForURL(/#\/packages\/aie-admin\/volunteer\/edit\/index/);
    const place = box(desk.page, '活动地点');
    await expect.poll(() => place.inputValue()).toBe('园区中庭');
    await place.fill('园区中庭北侧花坛');
    const places = shown(desk.page, '.zj-field')
      .filter({ has: desk.page.getByText('名额', { exact: true }) })
      .locator('input');
    await places.fill('4');
    await snapBoth(desk.page, 'volunteering-10-edit');
    await button(desk.page, '保存修改').click();
    await desk.page.waitForURL(/#\/packages\/aie\/volunteer\/detail\/index/);
    await visible(shown(desk.page, '.zj-vol__line').filter({ hasText: '地点：园区中庭北侧花坛' }));
    await visible(shown(desk.page, '.zj-vol__places').filter({ hasText: '剩余 3/4 个名额' }));

    // 2. Then calls it off: the reason first, then the question.
    await button(desk.page, '取消活动').click();
    await box(desk.page, '如：暴雨预警，活动取消（报名的党员会看到）').fill('园区中庭施工，活动取消');
    await snapBoth(desk.page, 'volunteering-11-cancel');
    await button(desk.page, '确认取消活动').click();
    await desk.page.locator('.taro__modal .taro-modal__foot').getByText('取消活动', { exact: true }).click();
    await visible(shown(desk.page, '.zj-vol__cancelled').filter({ hasText: '活动已取消：园区中庭施工，活动取消' }));
    await expect.poll(() => button(desk.page, '编辑').count()).toBe(0);

    // The wish form: its 查找 button keeps a field's distance from the next label.
    await go(desk.page, '/packages/aie-admin/publish/index');
    await visible(button(desk.page, '查找'));
    await snapBoth(desk.page, 'volunteering-14-wish-publish');

    // 3. The member sees 已取消 and the reason on the list (their sign-ups) and on the activity.
    const { page, errors } = await phonePage(h5.browser);
    await h5.signIn(page, '党员（演示单位）');
    await go(page, '/packages/aie/volunteer/index');
    await shown(page, '.zj-segmented__option').filter({ hasText: '我的报名' }).click();
    const card = shown(page, '.zj-vol-card').filter({ hasText: title });
    await visible(card.getByText('已取消', { exact: true }));
    await visible(card.getByText('活动已取消：园区中庭施工，活动取消'));
    await snapBoth(page, 'volunteering-12-cancelled-list');
    await card.click();
    await page.waitForURL(/#\/packages\/aie\/volunteer\/detail\/index/);
    await visible(shown(page, '.zj-vol__cancelled').filter({ hasText: '园区中庭施工' }));
    await expect.poll(() => button(page, '取消报名').count()).toBe(0);
    await snapBoth(page, 'volunteering-13-cancelled-detail');

    expect(errors).toEqual([]);
    expect(desk.errors).toEqual([]);
    await page.close();
    await desk.page.close();
  });
});
