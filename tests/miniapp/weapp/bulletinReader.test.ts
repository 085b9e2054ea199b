import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderPage, setResponder, tapText, waitFor, waitForText, wxLog, type WxRequestOptions } from './harness';

const reader = {
  id: 212,
  name: '李青',
  phoneMasked: '139****0003',
  phoneTail: '0003',
  kind: 'fixed',
  roles: ['member'],
  unit: { id: 1, name: '建华文创园党总支' },
  branch: null,
  group: { id: 1, name: '第一片组' },
};

function article(id: number, title: string, prev: { id: number; title: string } | null, next: { id: number; title: string } | null) {
  return {
    id,
    issueId: 3,
    issueLabel: '2016 年第 2 期（总第 36 期）',
    issueStatus: 'published',
    position: id - 20,
    title,
    section: null,
    blocks: [
      { type: 'paragraph', spans: [{ text: `${title}的第一段。`, bold: false }] },
      { type: 'heading', level: 1, spans: [{ text: '一、打造“131”青春党建体系', bold: false }] },
      {
        type: 'paragraph',
        spans: [
          { text: '普通文字，', bold: false },
          { text: '加粗的要点', bold: true },
        ],
      },
      { type: 'listItem', spans: [{ text: '1、建立台账', bold: false }] },
    ],
    prev,
    next,
    favourite: false,
    read: false,
    // Short enough for the test to see the report without a long wait.
    secondsToRead: 1,
  };
}

const articles: Record<string, ReturnType<typeof article>> = {
  '/api/bulletins/articles/21': article(21, '建华文创园党总支着力打造青春党建体系', null, { id: 22, title: '新安集团实施“四双四化”' }),
  '/api/bulletins/articles/22': article(22, '新安集团实施“四双四化”', { id: 21, title: '建华文创园党总支着力打造青春党建体系' }, null),
};

function api(options: WxRequestOptions) {
  const path = new URL(options.url).pathname;
  const method = options.method ?? 'GET';
  if (method === 'GET' && articles[path]) return { status: 200, body: articles[path] };
  if (method === 'POST' && /^\/api\/bulletins\/articles\/\d+\/read$/.test(path))
    return { status: 200, body: { read: true, secondsToRead: 1 } };
  if (method === 'PUT' && /^\/api\/bulletins\/articles\/\d+\/favourite$/.test(path)) return { status: 200, body: { favourite: true } };
  return { status: 404, body: { error: { code: 'not_found', message: '请求的内容不存在' } } };
}

describe('weapp build: 简报 article reader (bulletin subpackage)', () => {
  beforeAll(() => {
    wxLog.storage.set('zj.session', {
      token: 'reader-token',
      expiresAt: new Date(Date.now() + 7200_000).toISOString(),
      refreshToken: 'refresh-token',
      refreshExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      receivedAt: Date.now(),
      user: reader,
    });
    setResponder(api);
  });
  beforeEach(() => {
    wxLog.requests.length = 0;
  });

  it('renders the article’s blocks under the reader’s watermark', async () => {
    const page = renderPage('packages/bulletin/article/index', { id: '21' });
    await waitForText(page, '建华文创园党总支着力打造青春党建体系的第一段。');
    const text = page.dom.textContent ?? '';
    expect(text).toContain('一、打造“131”青春党建体系');
    expect(text).toContain('加粗的要点');
    expect(text).toContain('1、建立台账');
    expect(text).toContain('2016 年第 2 期（总第 36 期）');
    const html = page.dom.innerHTML;
    expect(html).toContain('zj-article-body__heading--1');
    expect(html).toContain('zj-article-body__bold');
    // The watermark: name, masked phone tail and 内部刊物 注意保存, repeated over the page.
    const marks = text.split('李青 ****0003').length - 1;
    expect(marks).toBeGreaterThanOrEqual(12);
    expect(text.split('内部刊物 注意保存').length - 1).toBe(marks);
    expect(html).toContain('zj-watermark');
    expect(wxLog.requests[0]!.header!.authorization).toBe('Bearer reader-token');
    page.detach();
  });

  it('goes to the next article on a tap, favourites it, and reports the read after its reading time', async () => {
    const page = renderPage('packages/bulletin/article/index', { id: '21' });
    await waitForText(page, '下一篇');
    tapText(page, '新安集团实施“四双四化”');
    await waitForText(page, '新安集团实施“四双四化”的第一段。');
    expect(page.dom.textContent).toContain('上一篇');
    expect(wxLog.scrolls).toContain(0);

    tapText(page, '收藏');
    await waitForText(page, '已收藏');
    expect(wxLog.requests.some((r) => r.method === 'PUT' && r.url.endsWith('/api/bulletins/articles/22/favourite'))).toBe(true);

    await waitFor(() => wxLog.requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/bulletins/articles/22/read')), 5000);
    const report = wxLog.requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/bulletins/articles/22/read'))!;
    // With when it was read: a report that waits in the outbox still counts for that time.
    expect(JSON.parse(report.data as string)).toEqual({ seconds: 1, readAt: expect.any(String) });
    await waitForText(page, '已读');
    page.detach();
  });
});
