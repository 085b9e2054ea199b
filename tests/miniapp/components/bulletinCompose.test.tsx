import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Article, IssueDetail } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import ArticleEditPage from '../../../miniapp/src/packages/secretariat/article-edit';
import BulletinDeskPage from '../../../miniapp/src/packages/secretariat/bulletins';
import BulletinEditPage from '../../../miniapp/src/packages/secretariat/bulletin-edit';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeArticle, makeIssueDetail, makeIssueSummary } from '../../support/taro/bulletinFactories';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { taroControl } from '../../support/taro/taro';

const secretary = makeMe({ name: '秘书处演示', roles: ['secretariat'] });

function textareas(container: HTMLElement): HTMLTextAreaElement[] {
  return [...container.querySelectorAll('.zj-block-editor textarea')] as HTMLTextAreaElement[];
}

function rows(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll('.zj-block-editor__row')] as HTMLElement[];
}

function type(element: Element, value: string) {
  fireEvent.change(element, { target: { value } });
}

describe('article editor (block editing)', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(secretary));
  });

  it('turns rows of typed blocks into the article body it adds to the issue', async () => {
    taroControl.routerParams = { issueId: '5' };
    const api = installFakeApi({
      'POST /api/bulletins/issues/5/articles': (request: FakeRequest) => json(201, makeArticle({ title: (request.body as Article).title })),
    });
    const { container } = render(<ArticleEditPage />);
    type(screen.getByPlaceholderText('文章标题'), '  协会召开会长办公会  ');
    type(screen.getByPlaceholderText('如：协会动态'), '协会动态');

    type(textareas(container)[0]!, '3月5日，协会召开会长办公会。');
    fireEvent.click(screen.getByRole('button', { name: '添加小标题' }));
    type(textareas(container)[1]!, '一、会议内容');
    fireEvent.click(screen.getByRole('button', { name: '添加段落' }));
    type(textareas(container)[2]!, '传达学习文件');
    fireEvent.click(within(rows(container)[2]!).getByText('列表项'));
    fireEvent.click(screen.getByRole('button', { name: '添加段落' }));
    type(textareas(container)[3]!, '部署全年工作');
    fireEvent.click(within(rows(container)[3]!).getByText('列表项'));
    fireEvent.click(within(rows(container)[3]!).getByText('加粗'));
    // An empty row is dropped; 上移 puts the last item first among the list items.
    fireEvent.click(within(rows(container)[3]!).getByText('下方插入'));
    expect(rows(container)).toHaveLength(5);
    fireEvent.click(within(rows(container)[3]!).getByText('上移'));

    fireEvent.click(screen.getByRole('button', { name: '添加到本期' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/bulletins/issues/5/articles')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/bulletins/issues/5/articles')[0]!.body).toEqual({
      title: '协会召开会长办公会',
      section: '协会动态',
      blocks: [
        { type: 'paragraph', spans: [{ text: '3月5日，协会召开会长办公会。', bold: false }] },
        { type: 'heading', level: 1, spans: [{ text: '一、会议内容', bold: false }] },
        { type: 'listItem', spans: [{ text: '部署全年工作', bold: true }] },
        { type: 'listItem', spans: [{ text: '传达学习文件', bold: false }] },
      ],
    });
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'navigateBack', url: undefined }));
  });

  it('adds pasted text as one paragraph per line, and refuses an article without title or body', async () => {
    taroControl.routerParams = { issueId: '5' };
    const api = installFakeApi({ 'POST /api/bulletins/issues/5/articles': () => json(201, makeArticle()) });
    const { container } = render(<ArticleEditPage />);
    fireEvent.click(screen.getByRole('button', { name: '添加到本期' }));
    expect(screen.getByText('请填写标题')).toBeInTheDocument();
    expect(screen.getByText('正文不能为空')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);

    type(screen.getByPlaceholderText('把整篇文字粘贴到这里，每行一段'), '第一段。\n\n　　第二段。\n');
    fireEvent.click(screen.getByRole('button', { name: '按行加入正文' }));
    expect(textareas(container).map((t) => t.value)).toEqual(['第一段。', '第二段。']);
    type(screen.getByPlaceholderText('文章标题'), '标题');
    fireEvent.click(screen.getByRole('button', { name: '添加到本期' }));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect((api.calls[0]!.body as Article).blocks).toHaveLength(2);
  });

  it('keeps bold runs from an import while a row is not edited, and confirms a correction of a published article', async () => {
    taroControl.routerParams = { id: '12' };
    const imported = makeArticle({
      id: 12,
      issueStatus: 'published',
      blocks: [
        {
          type: 'paragraph',
          spans: [
            { text: '普通，', bold: false },
            { text: '加粗', bold: true },
          ],
        },
        { type: 'paragraph', spans: [{ text: '另一段', bold: false }] },
      ],
    });
    const api = installFakeApi({
      'GET /api/bulletins/articles/12': () => json(200, imported),
      'PATCH /api/bulletins/articles/12': () => json(200, imported),
    });
    const { container } = render(<ArticleEditPage />);
    await waitFor(() => expect(textareas(container)).toHaveLength(2));
    expect(screen.getByText(/本段含部分加粗/)).toBeInTheDocument();
    type(textareas(container)[1]!, '另一段（更正）');
    type(screen.getByPlaceholderText('文章标题'), '第二篇（更正）');
    fireEvent.click(screen.getByRole('button', { name: '保存文章' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/bulletins/articles/12')).toHaveLength(1));
    expect(taroControl.modals[0]!.title).toBe('更正已发布的文章');
    expect(api.callsTo('PATCH', '/api/bulletins/articles/12')[0]!.body).toEqual({
      title: '第二篇（更正）',
      section: null,
      blocks: [
        {
          type: 'paragraph',
          spans: [
            { text: '普通，', bold: false },
            { text: '加粗', bold: true },
          ],
        },
        { type: 'paragraph', spans: [{ text: '另一段（更正）', bold: false }] },
      ],
    });
  });

  it('shows the server’s refusal next to the field', async () => {
    taroControl.routerParams = { issueId: '5' };
    installFakeApi({
      'POST /api/bulletins/issues/5/articles': () =>
        json(400, {
          error: {
            code: 'invalid_input',
            message: '提交的内容有误',
            details: { reason: 'invalid_fields', issues: [{ path: 'body.title', message: '标题太长' }] },
          },
        }),
    });
    const { container } = render(<ArticleEditPage />);
    type(screen.getByPlaceholderText('文章标题'), '标题');
    type(textareas(container)[0]!, '正文');
    fireEvent.click(screen.getByRole('button', { name: '添加到本期' }));
    await screen.findByText('标题太长');
    expect(taroControl.navigations).toEqual([]);
  });
});

describe('issue editor', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(secretary));
  });

  it('suggests the next 期号, 总期号 and today from the latest issues', async () => {
    taroControl.routerParams = {};
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    installFakeApi({
      'GET /api/bulletins/issues': (request: FakeRequest) =>
        json(200, {
          years: [
            {
              year: thisYear,
              issues:
                request.query.get('status') === 'draft'
                  ? [makeIssueSummary({ id: 3, year: thisYear, number: 4, totalNumber: null, status: 'draft' })]
                  : [makeIssueSummary({ id: 2, year: thisYear, number: 3, totalNumber: 36 })],
            },
          ],
          total: 1,
          page: 1,
          pageSize: 5,
        }),
    });
    render(<BulletinEditPage />);
    expect(await screen.findByDisplayValue('5')).toBe(screen.getByPlaceholderText('1'));
    expect(screen.getByPlaceholderText('可不填')).toHaveValue('37');
    expect(screen.getByPlaceholderText('2026')).toHaveValue(String(thisYear));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(screen.getByLabelText('日期')).toHaveValue(today);
    expect(screen.getByLabelText('日期')).toHaveAttribute('type', 'date');
  });

  it('starts a new year at 期号 1, and leaves 总期号 empty when no issue has one', async () => {
    taroControl.routerParams = {};
    installFakeApi({
      'GET /api/bulletins/issues': () =>
        json(200, {
          years: [{ year: 2016, issues: [makeIssueSummary({ year: 2016, number: 2, totalNumber: null })] }],
          total: 1,
          page: 1,
          pageSize: 5,
        }),
    });
    render(<BulletinEditPage />);
    expect(await screen.findByDisplayValue('1')).toBe(screen.getByPlaceholderText('1'));
    expect(screen.getByPlaceholderText('可不填')).toHaveValue('');
  });

  it('creates a draft from the metadata form and opens it for articles', async () => {
    taroControl.routerParams = {};
    const api = installFakeApi({
      'GET /api/bulletins/issues': () => json(200, { years: [], total: 0, page: 1, pageSize: 5 }),
      'POST /api/bulletins/issues': () => json(201, makeIssueDetail({ id: 77, status: 'draft', toc: [] })),
    });
    const { container } = render(<BulletinEditPage />);
    await screen.findByPlaceholderText('2026');
    type(screen.getByPlaceholderText('1'), '');
    fireEvent.click(screen.getByRole('button', { name: '创建草稿' }));
    expect(screen.getByText('年份和期号要一起填写（或填写总期号）')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/bulletins/issues')).toHaveLength(0);

    type(screen.getByPlaceholderText('2026'), '2026');
    type(screen.getByPlaceholderText('1'), '3');
    type(screen.getByPlaceholderText('可不填'), '61');
    type(screen.getByLabelText('日期'), '2026-03-10');
    type(container.querySelectorAll('.zj-issue-form textarea')[0]!, '市委组织部\n\n各区、县（市）委组织部 ');
    fireEvent.click(screen.getByRole('button', { name: '创建草稿' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/bulletins/issues')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/bulletins/issues')[0]!.body).toEqual({
      year: 2026,
      number: 3,
      totalNumber: 61,
      date: '2026-03-10',
      publisher: '杭州市“两新”党务工作者协会',
      distribution: { report: ['市委组织部', '各区、县（市）委组织部'], send: ['协会会员'] },
    });
    await waitFor(() =>
      expect(taroControl.navigations).toContainEqual({ kind: 'redirectTo', url: '/packages/secretariat/bulletin-edit/index?id=77' }),
    );
  });

  function draftApi(issue: IssueDetail) {
    let current = issue;
    return installFakeApi({
      'GET /api/bulletins/issues/9': () => json(200, current),
      'PUT /api/bulletins/issues/9/order': (request: FakeRequest) => {
        const ids = (request.body as { articleIds: number[] }).articleIds;
        current = { ...current, toc: ids.map((id) => current.toc.find((entry) => entry.articleId === id)!) };
        return json(200, current);
      },
      'DELETE /api/bulletins/articles/12': () => {
        current = { ...current, toc: current.toc.filter((entry) => entry.articleId !== 12) };
        return json(200, { ok: true });
      },
      'POST /api/bulletins/issues/9/publish': () => {
        current = { ...current, status: 'published', publishedAt: '2026-03-10T02:00:00.000Z' };
        return json(200, { issue: current, notified: 3 });
      },
    });
  }

  it('reorders and removes articles, previews, and publishes with the reminder option', async () => {
    taroControl.routerParams = { id: '9' };
    const api = draftApi(makeIssueDetail({ id: 9, status: 'draft', publishedAt: null }));
    const { container } = render(<BulletinEditPage />);
    await screen.findByText('1、第一篇');
    expect(screen.getByText('草稿')).toBeInTheDocument();

    fireEvent.click(screen.getAllByText('下移')[0]!);
    await screen.findByText('1、第二篇');
    expect(api.callsTo('PUT', '/api/bulletins/issues/9/order')[0]!.body).toEqual({ articleIds: [12, 11, 13] });

    fireEvent.click(screen.getAllByText('删除')[0]!);
    await screen.findByText('1、第一篇');
    expect(taroControl.modals.at(-1)!.content).toContain('第二篇');
    expect(api.callsTo('DELETE', '/api/bulletins/articles/12')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: '预览本期' }));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/issue/index?id=9&preview=1' });
    fireEvent.click(screen.getByText('1、第一篇'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/article/index?id=11&preview=1' });
    fireEvent.click(screen.getByRole('button', { name: '添加文章' }));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/secretariat/article-edit/index?issueId=9' });

    expect(container.querySelector('.zj-check-row__box--on')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '发布本期' }));
    await screen.findByRole('button', { name: '查看阅读统计' });
    expect(api.callsTo('POST', '/api/bulletins/issues/9/publish')[0]!.body).toEqual({ notify: true });
    expect(taroControl.toasts).toContain('已发布，已提醒 3 人');
    expect(screen.getByRole('button', { name: '保存更正' })).toBeInTheDocument();
  });

  it('publishes without reminders when the box is cleared, and not at all when not confirmed', async () => {
    taroControl.routerParams = { id: '9' };
    const api = draftApi(makeIssueDetail({ id: 9, status: 'draft', publishedAt: null }));
    render(<BulletinEditPage />);
    await screen.findByText('1、第一篇');
    taroControl.modalConfirm = false;
    fireEvent.click(screen.getByRole('button', { name: '发布本期' }));
    await waitFor(() => expect(taroControl.modals).toHaveLength(1));
    expect(api.callsTo('POST', '/api/bulletins/issues/9/publish')).toHaveLength(0);

    taroControl.modalConfirm = true;
    fireEvent.click(screen.getByRole('checkbox', { name: '通知党员' }));
    fireEvent.click(screen.getByRole('button', { name: '发布本期' }));
    await screen.findByRole('button', { name: '查看阅读统计' });
    expect(api.callsTo('POST', '/api/bulletins/issues/9/publish')[0]!.body).toEqual({ notify: false });
  });

  it('corrects a published issue’s metadata after confirmation', async () => {
    taroControl.routerParams = { id: '9' };
    const published = makeIssueDetail({ id: 9 });
    const api = installFakeApi({
      'GET /api/bulletins/issues/9': () => json(200, published),
      'PATCH /api/bulletins/issues/9': (request: FakeRequest) => json(200, { ...published, ...(request.body as object) }),
    });
    render(<BulletinEditPage />);
    await screen.findByText('1、第一篇');
    type(screen.getByLabelText('日期'), '2016-02-19');
    fireEvent.click(screen.getByRole('button', { name: '保存更正' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/bulletins/issues/9')).toHaveLength(1));
    expect(taroControl.modals[0]!.title).toBe('更正已发布的简报');
    expect(api.callsTo('PATCH', '/api/bulletins/issues/9')[0]!.body).toMatchObject({
      year: 2016,
      number: 2,
      totalNumber: 36,
      date: '2016-02-19',
    });
    expect(api.callsTo('PATCH', '/api/bulletins/issues/9')[0]!.body).not.toHaveProperty('titleLines');
  });

  it('is only for the secretariat', () => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
    taroControl.routerParams = { id: '9' };
    const api = installFakeApi({});
    render(<BulletinEditPage />);
    expect(screen.getByText('没有权限查看此页')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });
});

describe('编辑简报 (the desk)', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(secretary));
  });

  it('lists drafts first, then published issues, and leads to a new issue or an existing one', async () => {
    const api = installFakeApi({
      'GET /api/bulletins/issues': (request: FakeRequest) => {
        const status = request.query.get('status');
        const issue =
          status === 'draft' ? makeIssueSummary({ id: 9, status: 'draft', label: '2026 年第 11 期', year: 2026 }) : makeIssueSummary();
        return json(200, { years: [{ year: issue.year, issues: [issue] }], total: 1, page: 1, pageSize: 20 });
      },
    });
    render(<BulletinDeskPage />);
    fireEvent.click(await screen.findByText('2026 年第 11 期'));
    expect(api.calls[0]!.query.get('status')).toBe('draft');
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/secretariat/bulletin-edit/index?id=9' });

    fireEvent.click(screen.getByText('已发布'));
    await screen.findByText('2016 年第 2 期（总第 36 期）');
    expect(api.calls.at(-1)!.query.get('status')).toBe('published');
    fireEvent.click(screen.getByRole('button', { name: '新建一期' }));
    fireEvent.click(screen.getByRole('button', { name: '导入往期' }));
    expect(taroControl.navigations.slice(-2)).toEqual([
      { kind: 'navigateTo', url: '/packages/secretariat/bulletin-edit/index' },
      { kind: 'navigateTo', url: '/packages/secretariat/bulletin-import/index' },
    ]);
  });
});
