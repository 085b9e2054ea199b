import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { questionRefusals, type Answer, type ModerationQueue, type QuestionDetail, type QuestionSummary } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import QuestionQueuePage from '../../../miniapp/src/packages/aie-admin/questions';
import QuestionsPage from '../../../miniapp/src/packages/aie/questions';
import { parseTags } from '../../../miniapp/src/packages/aie/questions/components/AskForm';
import QuestionDetailPage from '../../../miniapp/src/packages/aie/questions/detail';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiRefusal, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

function makeSummary(overrides: Partial<QuestionSummary> = {}): QuestionSummary {
  return {
    id: 3,
    title: '新员工如何转接组织关系',
    excerpt: '从老家转到公司支部，需要准备哪些材料？',
    tags: ['组织关系'],
    asker: { id: 1, name: '张三' },
    moderation: 'visible',
    moderationLabel: '已发布',
    hiddenReason: null,
    solved: false,
    answerCount: 1,
    createdAt: '2026-11-20T01:00:00.000Z',
    ...overrides,
  };
}

function makeAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    id: 11,
    questionId: 3,
    author: { id: 2, name: '王芳' },
    body: '先在系统里申请，再找支部书记确认。',
    moderation: 'visible',
    moderationLabel: '已发布',
    hiddenReason: null,
    heldLabel: null,
    solution: false,
    points: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

function makeDetail(overrides: Partial<QuestionDetail> = {}): QuestionDetail {
  return {
    ...makeSummary(),
    body: '从老家转到公司支部，需要准备哪些材料？',
    heldLabel: null,
    answers: [makeAnswer(), makeAnswer({ id: 12, author: { id: 1, name: '张三' }, body: '我补充一下：老家在外省。' })],
    mine: true,
    canModerate: false,
    ...overrides,
  };
}

beforeEach(() => {
  taroControl.reset();
  clearSession();
  saveSession(makeSignedIn(makeMe({ id: 1, roles: ['member'] })));
});

describe('the 传帮带 list', () => {
  it('splits tags as typed', () => {
    expect(parseTags(' 党费，组织关系 党费、学习 ')).toEqual(['党费', '组织关系', '学习']);
  });

  it('searches, and asks with the form’s own check first', async () => {
    const api = installFakeApi({
      'GET /api/questions': (request) =>
        json(200, { items: request.query.get('q') ? [] : [makeSummary()], total: 1, page: 1, pageSize: 20 }),
      'POST /api/questions': () => json(201, makeDetail({ id: 4, moderation: 'held', moderationLabel: '待审核', answers: [] })),
    });
    render(<QuestionsPage />);
    expect(await screen.findByText('新员工如何转接组织关系')).toBeInTheDocument();
    expect(screen.getByText('张三 · 2026-11-20 09:00 · 1 个回答')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '问答审核' })).not.toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('搜索问题、标签'), { target: { value: '党费' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    expect(await screen.findByText('没有找到“党费”相关的问题')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/questions').at(-1)!.query.get('q')).toBe('党费');

    fireEvent.click(screen.getByRole('button', { name: '我要提问' }));
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题（至少 4 个字）'), { target: { value: '党费' } });
    fireEvent.click(screen.getByRole('button', { name: '提问' }));
    expect(await screen.findByText('标题至少 4 个字')).toBeInTheDocument();
    expect(screen.getByText('请把问题写清楚（至少 5 个字）')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/questions')).toHaveLength(0);

    fireEvent.change(screen.getByPlaceholderText('一句话说明问题（至少 4 个字）'), { target: { value: '党费基数怎么算' } });
    fireEvent.change(screen.getByPlaceholderText('遇到了什么情况、想知道什么（至少 5 个字）'), {
      target: { value: '工资调整后要重新核定吗？' },
    });
    fireEvent.change(screen.getByPlaceholderText('用空格分隔，如：组织关系 党费'), { target: { value: '党费 工资' } });
    fireEvent.click(screen.getByRole('button', { name: '提问' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/questions')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/questions')[0]!.body).toEqual({
      title: '党费基数怎么算',
      body: '工资调整后要重新核定吗？',
      tags: ['党费', '工资'],
    });
  });
});

describe('a question', () => {
  it('lets the asker mark another member’s answer, after asking', async () => {
    taroControl.routerParams = { id: '3' };
    const api = installFakeApi({
      'GET /api/questions/3': () => json(200, makeDetail()),
      'POST /api/questions/3/solution': () =>
        json(200, makeDetail({ solved: true, answers: [makeAnswer({ solution: true, points: 1 }), makeDetail().answers[1]!] })),
    });
    render(<QuestionDetailPage />);
    expect(await screen.findByText('先在系统里申请，再找支部书记确认。')).toBeInTheDocument();
    // One button: the asker's own answer cannot be marked.
    const buttons = screen.getAllByRole('button', { name: '采纳为解决方案' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(api.callsTo('POST', '/api/questions/3/solution')).toHaveLength(1));
    expect(taroControl.modals[0]!.content).toContain('王芳');
    expect(api.callsTo('POST', '/api/questions/3/solution')[0]!.body).toEqual({ answerId: 11 });
    expect(await screen.findByText('已采纳 · +1 分')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '采纳为解决方案' })).not.toBeInTheDocument();
  });

  it('shows another reader no mark buttons, a hidden answer’s reason to its author, and a refusal of an answer', async () => {
    saveSession(makeSignedIn(makeMe({ id: 2, roles: ['member'] })));
    taroControl.routerParams = { id: '3' };
    installFakeApi({
      'GET /api/questions/3': () =>
        json(
          200,
          makeDetail({
            mine: false,
            answers: [makeAnswer({ moderation: 'hidden', moderationLabel: '已隐藏', hiddenReason: '答非所问' })],
          }),
        ),
      'POST /api/questions/3/answers': () => apiRefusal(questionRefusals.question_not_visible, {}),
    });
    render(<QuestionDetailPage />);
    expect(await screen.findByText('已被党务工作者隐藏：答非所问')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '采纳为解决方案' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('分享你的做法或经验（至少 2 个字）'), { target: { value: '可以问问人事部门。' } });
    fireEvent.click(screen.getByRole('button', { name: '提交回答' }));
    expect(await screen.findByText('该问题正在审核或已隐藏，暂不能回答或采纳')).toBeInTheDocument();
  });
});

describe('the review queue', () => {
  it('lets held text through, and hides only with a reason', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    let queue: ModerationQueue = {
      questions: [{ ...makeSummary({ moderation: 'held', moderationLabel: '待审核' }), heldLabel: '内容安全检测未通过' }],
      answers: [
        {
          ...makeAnswer({ id: 15, moderation: 'held', moderationLabel: '待审核', heldLabel: '20006' }),
          questionTitle: '新员工如何转接组织关系',
        },
      ],
    };
    const api = installFakeApi({
      'GET /api/units/7/question-moderation': () => json(200, queue),
      'POST /api/questions/3/moderation': () => {
        queue = { ...queue, questions: [] };
        return json(200, makeDetail());
      },
      'POST /api/question-answers/15/moderation': (request) =>
        json(200, makeAnswer({ id: 15, moderation: 'hidden', hiddenReason: (request.body as { reason: string }).reason })),
    });
    render(<QuestionQueuePage />);
    const question = (await screen.findByText('问题：新员工如何转接组织关系')).closest('.zj-card') as HTMLElement;
    fireEvent.click(within(question).getByRole('button', { name: '放行' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/questions/3/moderation')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/questions/3/moderation')[0]!.body).toEqual({ action: 'release' });
    await waitFor(() => expect(screen.queryByText('问题：新员工如何转接组织关系')).not.toBeInTheDocument());

    const answer = screen.getByText('回答：新员工如何转接组织关系').closest('.zj-card') as HTMLElement;
    fireEvent.click(within(answer).getByRole('button', { name: '隐藏' }));
    expect(await within(answer).findByText('隐藏时请写明原因')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/question-answers/15/moderation')).toHaveLength(0);
    fireEvent.change(within(answer).getByPlaceholderText('作者会看到这个原因'), { target: { value: '答非所问' } });
    fireEvent.click(within(answer).getByRole('button', { name: '隐藏' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/question-answers/15/moderation')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/question-answers/15/moderation')[0]!.body).toEqual({ action: 'hide', reason: '答非所问' });
  });
});
