import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import SearchPage from '../../../miniapp/src/packages/bulletin/search';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeHit } from '../../support/taro/bulletinFactories';
import { makeSignedIn } from '../../support/taro/factories';
import { installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { taroControl } from '../../support/taro/taro';

function search(text: string) {
  fireEvent.change(screen.getByPlaceholderText('搜索标题和正文，至少两个字'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: '搜索' }));
}

const hits = Array.from({ length: 23 }, (_, i) =>
  makeHit({
    articleId: i + 1,
    title:
      i === 0
        ? [
            { text: '智慧', hit: false },
            { text: '党建', hit: true },
            { text: '平台', hit: false },
          ]
        : [{ text: `文章${i + 1}`, hit: false }],
    titleHit: i === 0,
    snippet: [
      { text: '…推进', hit: false },
      { text: '党建', hit: true },
      { text: `工作${i + 1}…`, hit: false },
    ],
  }),
);

function searchApi(request: FakeRequest) {
  const page = Number(request.query.get('page'));
  const pageSize = Number(request.query.get('pageSize'));
  return json(200, { items: hits.slice((page - 1) * pageSize, page * pageSize), total: hits.length, page, pageSize });
}

describe('简报 search', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn());
  });

  it('refuses a query under two characters with a hint, and sends nothing', () => {
    const api = installFakeApi({ 'GET /api/bulletins/search': searchApi });
    render(<SearchPage />);
    search('党');
    expect(screen.getByText('请至少输入两个字再搜索。')).toBeInTheDocument();
    search('  ');
    expect(screen.getByText('请至少输入两个字再搜索。')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('shows only the hint for a one-character search after a real one, not the old results', async () => {
    installFakeApi({ 'GET /api/bulletins/search': searchApi });
    render(<SearchPage />);
    search('党建');
    expect(await screen.findByText('找到 23 篇')).toBeInTheDocument();
    search('党');
    expect(screen.getByText('请至少输入两个字再搜索。')).toBeInTheDocument();
    expect(screen.queryByText('找到 23 篇')).not.toBeInTheDocument();
    expect(screen.queryByText('文章2')).not.toBeInTheDocument();
  });

  it('shows hits with the matched text in the hit style, as plain text, and pages', async () => {
    const api = installFakeApi({ 'GET /api/bulletins/search': searchApi });
    const { container } = render(<SearchPage />);
    search('党建');
    await screen.findByText('找到 23 篇');
    expect(api.calls[0]!.query.get('q')).toBe('党建');
    const firstTitle = container.querySelector('.zj-search-hit__title')!;
    expect(firstTitle).toHaveTextContent('智慧党建平台');
    const marked = [...firstTitle.querySelectorAll('.zj-hit')].map((el) => el.textContent);
    expect(marked).toEqual(['党建']);
    const snippetHits = container.querySelectorAll('.zj-search-hit__snippet .zj-hit');
    expect(snippetHits).toHaveLength(20);
    expect([...snippetHits].every((el) => el.textContent === '党建')).toBe(true);
    expect(screen.getByText('工作1…')).not.toHaveClass('zj-hit');

    fireEvent.click(screen.getByText('加载更多（已显示 20 / 23）'));
    await screen.findByText('文章23');
    expect(api.calls.at(-1)!.query.get('page')).toBe('2');
  });

  it('renders markup in a snippet as text, never as HTML', async () => {
    installFakeApi({
      'GET /api/bulletins/search': () =>
        json(200, {
          items: [
            makeHit({
              snippet: [
                { text: '<img src=x onerror=alert(1)>', hit: false },
                { text: '党建', hit: true },
              ],
            }),
          ],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
    });
    const { container } = render(<SearchPage />);
    search('党建');
    await screen.findByText('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });

  it('opens the article of a hit, and says when nothing matched', async () => {
    const api = installFakeApi({ 'GET /api/bulletins/search': searchApi });
    render(<SearchPage />);
    search('党建');
    fireEvent.click(await screen.findByText('文章2'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/article/index?id=2' });

    api.calls.length = 0;
    installFakeApi({ 'GET /api/bulletins/search': () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }) });
    search('区块链');
    await screen.findByText('没有找到相关文章');
  });
});
