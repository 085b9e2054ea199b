import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import IssuePage from '../../../miniapp/src/packages/bulletin/issue';
import BulletinTab from '../../../miniapp/src/pages/bulletin';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeIssueDetail, makeIssueSummary } from '../../support/taro/bulletinFactories';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { taroControl } from '../../support/taro/taro';

/** 25 issues: 2016 第 1–2 期, 2015 第 1–12 期, 2014 第 1–11 期, newest first, served in pages like the server. */
const catalogue = [
  ...[2, 1].map((n) => makeIssueSummary({ id: 1600 + n, year: 2016, number: n, label: `2016 年第 ${n} 期` })),
  ...Array.from({ length: 12 }, (_, i) => 12 - i).map((n) =>
    makeIssueSummary({ id: 1500 + n, year: 2015, number: n, label: `2015 年第 ${n} 期` }),
  ),
  ...Array.from({ length: 11 }, (_, i) => 11 - i).map((n) =>
    makeIssueSummary({ id: 1400 + n, year: 2014, number: n, label: `2014 年第 ${n} 期` }),
  ),
];

function listPage(request: FakeRequest) {
  const page = Number(request.query.get('page'));
  const pageSize = Number(request.query.get('pageSize'));
  const issues = catalogue.slice((page - 1) * pageSize, page * pageSize);
  const years: { year: number | null; issues: typeof issues }[] = [];
  for (const issue of issues) {
    const last = years[years.length - 1];
    if (last && last.year === issue.year) last.issues.push(issue);
    else years.push({ year: issue.year, issues: [issue] });
  }
  return json(200, { years, total: catalogue.length, page, pageSize });
}

describe('简报 tab', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe()));
  });

  it('lists published issues newest first under year headers, a year continuing across pages', async () => {
    const api = installFakeApi({ 'GET /api/bulletins/issues': listPage });
    const { container } = render(<BulletinTab />);
    await screen.findByText('2016 年第 2 期');
    const headers = () => [...container.querySelectorAll('.zj-list__group-title')].map((el) => el.textContent);
    expect(headers()).toEqual(['2016 年', '2015 年', '2014 年']);
    expect(api.calls[0]!.query.get('status')).toBe('published');
    // Order inside a year: newest first.
    const labels = [...container.querySelectorAll('.zj-issue-row__label')].map((el) => el.textContent);
    expect(labels.slice(0, 4)).toEqual(['2016 年第 2 期', '2016 年第 1 期', '2015 年第 12 期', '2015 年第 11 期']);
    expect(labels).toHaveLength(20);

    fireEvent.click(screen.getByText('加载更多（已显示 20 / 25）'));
    await screen.findByText('2014 年第 1 期');
    // Page 2 starts inside 2014: still one 2014 header.
    expect(headers()).toEqual(['2016 年', '2015 年', '2014 年']);
    expect(container.querySelectorAll('.zj-issue-row')).toHaveLength(25);
    expect(screen.getByText('共 25 条，已全部显示')).toBeInTheDocument();
  });

  it('opens an issue and the search page', async () => {
    installFakeApi({ 'GET /api/bulletins/issues': listPage });
    render(<BulletinTab />);
    fireEvent.click(await screen.findByText('2015 年第 3 期'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/issue/index?id=1503' });
    fireEvent.click(screen.getByRole('search'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/search/index' });
  });

  it('says so when nothing is published yet, and offers a retry on failure', async () => {
    installFakeApi({ 'GET /api/bulletins/issues': () => json(200, { years: [], total: 0, page: 1, pageSize: 20 }) });
    const { unmount } = render(<BulletinTab />);
    await screen.findByText('还没有发布的简报');
    unmount();
    installFakeApi({
      'GET /api/bulletins/issues': () =>
        json(500, { error: { code: 'internal', message: '服务器出错了', details: { reason: 'internal' } } }),
    });
    render(<BulletinTab />);
    await screen.findByText('服务器出错了');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});

describe('issue page', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ name: '李青', phoneTail: '0003' })));
  });

  it('shows the header (label, date, publisher), the 导读 and the distribution; a 导读 entry opens its article', async () => {
    taroControl.routerParams = { id: '1' };
    installFakeApi({ 'GET /api/bulletins/issues/1': () => json(200, makeIssueDetail()) });
    const { container } = render(<IssuePage />);
    await screen.findByText('2016 年第 2 期（总第 36 期）');
    expect(screen.getByText('内部刊物 注意保存', { selector: '.zj-issue__title-lines' })).toBeInTheDocument();
    expect(screen.getByText('杭州市“两新”党务工作者协会编印')).toBeInTheDocument();
    expect(screen.getByText('2016年2月18日')).toBeInTheDocument();
    expect(screen.getByText('【本期导读】')).toBeInTheDocument();
    expect(screen.getByText('报：市委组织部、各区、县（市）委组织部')).toBeInTheDocument();
    expect(screen.getByText('发：协会会员')).toBeInTheDocument();
    expect(container.querySelector('.zj-watermark')).toHaveTextContent('李青 ****0003');
    fireEvent.click(screen.getByText('座谈会'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/article/index?id=13' });
  });

  it('marks a draft the secretariat previews, and opens its articles as previews', async () => {
    taroControl.routerParams = { id: '5', preview: '1' };
    installFakeApi({ 'GET /api/bulletins/issues/5': () => json(200, makeIssueDetail({ id: 5, status: 'draft', publishedAt: null })) });
    render(<IssuePage />);
    await screen.findByText(/草稿预览/);
    fireEvent.click(screen.getByText('第一篇'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/article/index?id=11&preview=1' });
  });

  it('says an issue is missing, with the server’s words', async () => {
    taroControl.routerParams = { id: '404' };
    installFakeApi({
      'GET /api/bulletins/issues/404': () =>
        json(404, { error: { code: 'not_found', message: '简报不存在', details: { reason: 'not_found', resource: '简报' } } }),
    });
    render(<IssuePage />);
    await waitFor(() => expect(screen.getByText('简报不存在')).toBeInTheDocument());
  });
});

describe('“new issue” reminders on the 简报 tab', () => {
  const emptyList = () => json(200, { years: [], total: 0, page: 1, pageSize: 20 });

  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe()));
    process.env.TARO_APP_BULLETIN_TEMPLATE_ID = 'tmpl-bulletin';
  });
  afterEach(() => {
    delete process.env.TARO_APP_BULLETIN_TEMPLATE_ID;
  });

  it('asks WeChat for the allowance on a tap, then records it on the server', async () => {
    process.env.TARO_ENV = 'weapp';
    const api = installFakeApi({
      'GET /api/bulletins/issues': emptyList,
      'POST /api/bulletins/subscription': () => json(200, { remaining: 2 }),
    });
    render(<BulletinTab />);
    fireEvent.click(screen.getByText('新一期发布时提醒我'));
    await waitFor(() => expect(taroControl.toasts).toContain('已开启：新一期发布时提醒您（共 2 次）'));
    expect(taroControl.subscribeRequests).toEqual([['tmpl-bulletin']]);
    expect(api.callsTo('POST', '/api/bulletins/subscription')).toHaveLength(1);
  });

  it('records nothing when the member declines, and is not offered in H5 or without a template', async () => {
    process.env.TARO_ENV = 'weapp';
    taroControl.subscribeAnswer = 'reject';
    const api = installFakeApi({
      'GET /api/bulletins/issues': emptyList,
      'POST /api/bulletins/subscription': () => json(200, { remaining: 1 }),
    });
    const { unmount } = render(<BulletinTab />);
    fireEvent.click(screen.getByText('新一期发布时提醒我'));
    await waitFor(() => expect(taroControl.toasts).toContain('未开启提醒，可随时再点这里开启'));
    expect(api.callsTo('POST', '/api/bulletins/subscription')).toHaveLength(0);
    unmount();

    process.env.TARO_ENV = 'h5';
    const h5 = render(<BulletinTab />);
    expect(screen.queryByText('新一期发布时提醒我')).not.toBeInTheDocument();
    h5.unmount();

    process.env.TARO_ENV = 'weapp';
    delete process.env.TARO_APP_BULLETIN_TEMPLATE_ID;
    render(<BulletinTab />);
    expect(screen.queryByText('新一期发布时提醒我')).not.toBeInTheDocument();
  });
});

describe('unread markers', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe()));
  });

  function issuesAnswer(newest: { unreadCount: number }) {
    return () =>
      json(200, {
        years: [
          {
            year: 2016,
            issues: [
              makeIssueSummary({ id: 1602, number: 2, label: '2016 年第 2 期', articleCount: 3, ...newest }),
              makeIssueSummary({ id: 1601, number: 1, label: '2016 年第 1 期', articleCount: 3, unreadCount: 0 }),
            ],
          },
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      });
  }

  it('dots an unread issue and badges the 简报 tab while the newest issue is unopened', async () => {
    installFakeApi({ 'GET /api/bulletins/issues': issuesAnswer({ unreadCount: 3 }) });
    render(<BulletinTab />);
    await screen.findByText('2016 年第 2 期');
    const rows = [...document.querySelectorAll('.zj-issue-row')];
    expect(rows[0]!.querySelector('.zj-unread-dot')).not.toBeNull();
    expect(rows[1]!.querySelector('.zj-unread-dot')).toBeNull();
    await waitFor(() => expect(taroControl.tabBadges.get(0)).toBe('新'));
  });

  it('drops the badge once the newest issue has been opened, and dots the 导读 entries not read', async () => {
    installFakeApi({
      'GET /api/bulletins/issues': issuesAnswer({ unreadCount: 1 }),
      'GET /api/bulletins/issues/1': () =>
        json(
          200,
          makeIssueDetail({
            unreadCount: 1,
            toc: [
              { articleId: 11, title: '第一篇', section: null, read: true },
              { articleId: 12, title: '第二篇', section: null, read: false },
            ],
          }),
        ),
    });
    taroControl.tabBadges.set(0, '新');
    render(<BulletinTab />);
    await screen.findByText('2016 年第 2 期');
    await waitFor(() => expect(taroControl.tabBadges.has(0)).toBe(false));

    taroControl.routerParams = { id: '1' };
    render(<IssuePage />);
    const second = await screen.findByText('第二篇');
    expect(second.closest('.zj-issue__toc-entry')!.querySelector('.zj-unread-dot')).not.toBeNull();
    expect(screen.getByText('第一篇').closest('.zj-issue__toc-entry')!.querySelector('.zj-unread-dot')).toBeNull();
  });
});
