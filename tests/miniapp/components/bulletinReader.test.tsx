import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Article } from '@zhijian/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ArticlePage from '../../../miniapp/src/packages/bulletin/article';
import { DEFAULT_FONT_SIZE, setFontSize } from '../../../miniapp/src/services/fontSize';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeArticle, makeIssueDetail, para } from '../../support/taro/bulletinFactories';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { taroControl } from '../../support/taro/taro';

const articles: Record<number, Article> = {
  11: makeArticle({ id: 11, position: 1, title: '第一篇', prev: null, next: { id: 12, title: '第二篇' } }),
  12: makeArticle({
    id: 12,
    title: '第二篇',
    blocks: [
      para('开头一段，'),
      { type: 'heading', level: 1, spans: [{ text: '一、主要做法', bold: false }] },
      {
        type: 'paragraph',
        spans: [
          { text: '普通文字', bold: false },
          { text: '加粗文字', bold: true },
        ],
      },
      { type: 'listItem', spans: [{ text: '不带编号的一项', bold: false }] },
      { type: 'listItem', spans: [{ text: '1、带编号的一项', bold: false }] },
    ],
  }),
  13: makeArticle({
    id: 13,
    position: 3,
    title: '座谈会',
    section: '协会动态',
    prev: { id: 12, title: '第二篇' },
    next: null,
    secondsToRead: 10,
  }),
};

/** Moves the faked interval clock, then lets the requests it started reach the fake API (real timeouts). */
async function advance(ms: number) {
  act(() => vi.advanceTimersByTime(ms));
  await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
}

/**
 * Polls with real timeouts. Testing Library's waitFor polls with setInterval, which these tests fake,
 * so it would only look again on a DOM change — a request being sent is none.
 */
async function until(condition: () => boolean) {
  for (let attempt = 0; attempt < 200 && !condition(); attempt += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  expect(condition()).toBe(true);
}

function setUp(options: { articleId?: number; preview?: boolean; read?: boolean; favouriteAnswered?: Promise<void> } = {}) {
  saveSession(makeSignedIn(makeMe({ name: '李青', phoneTail: '0003', phoneMasked: '139****0003' })));
  taroControl.routerParams = { id: String(options.articleId ?? 12), ...(options.preview ? { preview: '1' } : {}) };
  const favourites = new Set<number>();
  const api = installFakeApi({
    'GET /api/bulletins/articles/11': () => json(200, articles[11]),
    'GET /api/bulletins/articles/12': () => json(200, { ...articles[12], read: options.read ?? false, favourite: favourites.has(12) }),
    'GET /api/bulletins/articles/13': () => json(200, articles[13]),
    'GET /api/bulletins/issues/1': () => json(200, makeIssueDetail()),
    'POST /api/bulletins/articles/12/read': (request: FakeRequest) =>
      json(200, { read: (request.body as { seconds: number }).seconds >= 8, secondsToRead: 8 }),
    'POST /api/bulletins/articles/13/read': () => json(200, { read: true, secondsToRead: 10 }),
    'PUT /api/bulletins/articles/12/favourite': async () => {
      await options.favouriteAnswered;
      favourites.add(12);
      return json(200, { favourite: true });
    },
    'DELETE /api/bulletins/articles/12/favourite': () => {
      favourites.delete(12);
      return json(200, { favourite: false });
    },
  });
  return api;
}

describe('article reader', () => {
  beforeEach(() => {
    clearSession();
    setFontSize(DEFAULT_FONT_SIZE);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('renders paragraphs, headings, list items and bold spans as text', async () => {
    setUp();
    const { container } = render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    expect(container.querySelector('.zj-article-body__heading--1')).toHaveTextContent('一、主要做法');
    expect(screen.getByText('加粗文字')).toHaveClass('zj-article-body__bold');
    expect(screen.getByText('普通文字')).not.toHaveClass('zj-article-body__bold');
    const items = container.querySelectorAll('.zj-article-body__item');
    expect(items).toHaveLength(2);
    // A bullet only where the item has no number of its own.
    expect(items[0]!.querySelector('.zj-article-body__bullet')).not.toBeNull();
    expect(items[1]!.querySelector('.zj-article-body__bullet')).toBeNull();
    expect(container.querySelectorAll('.zj-article-body__paragraph')).toHaveLength(2);
    expect(container.innerHTML).not.toContain('<b>');
  });

  it('lays a watermark with the reader’s name, masked phone tail and 内部刊物 注意保存 over the page', async () => {
    setUp();
    const { container } = render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    const watermark = container.querySelector('.zj-watermark')!;
    expect(watermark).not.toBeNull();
    const cells = watermark.querySelectorAll('.zj-watermark__cell');
    expect(cells.length).toBeGreaterThanOrEqual(12);
    for (const cell of cells) {
      expect(cell).toHaveTextContent('李青 ****0003');
      expect(cell).toHaveTextContent('内部刊物 注意保存');
    }
    expect(watermark.textContent).not.toContain('139');
  });

  it('changes the font size right in the reader, as 我的 → 阅读字号 does', async () => {
    setUp();
    const { container } = render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    const page = container.querySelector('.zj-page') as HTMLElement;
    expect(page.style.fontSize).toBe(`${DEFAULT_FONT_SIZE}px`);
    fireEvent.click(screen.getByRole('button', { name: '调整字号' }));
    fireEvent.click(screen.getByRole('button', { name: '字号特大' }));
    expect(page.style.fontSize).toBe('20px');
    expect(taroControl.storage.get('zj.fontSize')).toBe(20);
  });

  it('opens the 字号 panel over a backdrop that closes it, and closes with 完成', async () => {
    setUp();
    render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    fireEvent.click(screen.getByRole('button', { name: '调整字号' }));
    expect(screen.getByRole('dialog', { name: '阅读字号' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '关闭字号设置' }));
    expect(screen.queryByRole('dialog', { name: '阅读字号' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '调整字号' }));
    fireEvent.click(screen.getByText('完成'));
    expect(screen.queryByRole('dialog', { name: '阅读字号' })).not.toBeInTheDocument();
    // The text it changes is still there underneath.
    expect(screen.getByText('第二篇', { selector: '.zj-reader__title' })).toBeInTheDocument();
  });

  it('goes to the next and previous article in place, back to the top', async () => {
    const api = setUp();
    render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    fireEvent.click(screen.getByText('座谈会'));
    await screen.findByText('座谈会', { selector: '.zj-reader__title' });
    expect(screen.getByText('协会动态')).toBeInTheDocument();
    expect(screen.queryByText('下一篇')).not.toBeInTheDocument();
    expect(taroControl.scrolls).toEqual([0]);
    fireEvent.click(screen.getByText('上一篇'));
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    expect(api.callsTo('GET', '/api/bulletins/articles/13')).toHaveLength(1);
  });

  it('opens the issue’s 导读 in one tap and jumps to an article from it', async () => {
    const api = setUp();
    render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    fireEvent.click(screen.getByRole('button', { name: '本期导读' }));
    const sheet = await screen.findByRole('dialog', { name: '本期导读' });
    await within(sheet).findByText('第一篇');
    expect(within(sheet).getByText('协会动态：座谈会')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/bulletins/issues/1')).toHaveLength(1);
    fireEvent.click(within(sheet).getByText('第一篇'));
    await screen.findByText('第一篇', { selector: '.zj-reader__title' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('toggles the favourite and says where to find it', async () => {
    let answer = () => {};
    const api = setUp({ favouriteAnswered: new Promise<void>((resolve) => (answer = resolve)) });
    render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    fireEvent.click(screen.getByRole('button', { name: '收藏' }));
    // Shown at once; a second tap while the first is on its way does nothing.
    fireEvent.click(await screen.findByRole('button', { name: '取消收藏' }));
    await waitFor(() => expect(api.callsTo('PUT', '/api/bulletins/articles/12/favourite')).toHaveLength(1));
    answer();
    await waitFor(() => expect(taroControl.toasts.at(-1)).toContain('我的收藏'));
    expect(api.callsTo('PUT', '/api/bulletins/articles/12/favourite')).toHaveLength(1);
    expect(api.callsTo('DELETE', '/api/bulletins/articles/12/favourite')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '取消收藏' }));
    await screen.findByRole('button', { name: '收藏' });
    await waitFor(() => expect(api.callsTo('DELETE', '/api/bulletins/articles/12/favourite')).toHaveLength(1));
  });

  it('reports the read once, after secondsToRead of the page being visible, pausing while hidden', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const api = setUp();
    render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    const reads = () => api.callsTo('POST', '/api/bulletins/articles/12/read');

    await advance(5000);
    act(() => taroControl.fireDidHide());
    await advance(60_000);
    expect(reads()).toHaveLength(0);
    act(() => taroControl.fireDidShow());
    await advance(2000);
    expect(reads()).toHaveLength(0);
    await advance(1000);
    await until(() => reads().length === 1);
    // With when it was read: a report that has to wait in the outbox still counts for that time.
    expect(reads()[0]!.body).toEqual({ seconds: 8, readAt: expect.any(String) });
    await screen.findByText(/已读/);
    await advance(60_000);
    expect(reads()).toHaveLength(1);
  });

  it('starts the count over for the next article, and reports nothing for one already read or a preview', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const api = setUp({ read: true });
    render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    await advance(30_000);
    expect(api.callsTo('POST', '/api/bulletins/articles/12/read')).toHaveLength(0);
    fireEvent.click(screen.getByText('座谈会'));
    await screen.findByText('座谈会', { selector: '.zj-reader__title' });
    await advance(9000);
    expect(api.callsTo('POST', '/api/bulletins/articles/13/read')).toHaveLength(0);
    await advance(1000);
    await until(() => api.callsTo('POST', '/api/bulletins/articles/13/read').length === 1);
  });

  it('shows a draft to the secretariat as a preview, without read reports or favourites', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const api = setUp({ preview: true });
    render(<ArticlePage />);
    await screen.findByText('第二篇', { selector: '.zj-reader__title' });
    expect(screen.getByText(/预览：本期尚未发布/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '收藏' })).not.toBeInTheDocument();
    await advance(60_000);
    expect(api.callsTo('POST', '/api/bulletins/articles/12/read')).toHaveLength(0);
  });

  it('shows the server’s message and retries when the article cannot be loaded', async () => {
    saveSession(makeSignedIn());
    taroControl.routerParams = { id: '99' };
    let attempts = 0;
    installFakeApi({
      'GET /api/bulletins/articles/99': () => {
        attempts += 1;
        return attempts === 1
          ? json(404, { error: { code: 'not_found', message: '文章不存在', details: { reason: 'not_found', resource: '文章' } } })
          : json(200, makeArticle({ id: 99, title: '找回来了' }));
      },
    });
    render(<ArticlePage />);
    await screen.findByText('文章不存在');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await screen.findByText('找回来了', { selector: '.zj-reader__title' });
  });
});
