import { describe, expect, it } from 'vitest';
import { checkAll } from '../../../server/src/contentCheck/contentChecker';
import { createWechatContentChecker } from '../../../server/src/contentCheck/wechatContentChecker';
import { createLogger } from '../../../server/src/logger';

const logger = createLogger('silent');

/** A fetch that answers msg_sec_check with `reply` and keeps what it was sent. */
function fakeWechat(reply: () => unknown) {
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const fetchImpl = (async (url: URL | string, init?: RequestInit) => {
    requests.push({ url: String(url), body: JSON.parse(String(init?.body)) as Record<string, unknown> });
    return new Response(JSON.stringify(reply()), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { requests, fetchImpl };
}

function checkerWith(reply: () => unknown) {
  const wechat = fakeWechat(reply);
  const checker = createWechatContentChecker({
    apiBase: 'https://wechat.test',
    accessToken: async () => 'TOKEN',
    logger,
    fetchImpl: wechat.fetchImpl,
  });
  return { checker, requests: wechat.requests };
}

describe('msgSecCheck client', () => {
  it('passes what WeChat passes, sending version 2 with the scene and the writer', async () => {
    const { checker, requests } = checkerWith(() => ({ errcode: 0, result: { suggest: 'pass', label: 100 } }));
    await expect(checker.check({ text: '帮忙修电脑', scene: 'forum', openid: 'o-1' })).resolves.toEqual({ verdict: 'pass' });
    expect(requests[0]!.url).toBe('https://wechat.test/wxa/msg_sec_check?access_token=TOKEN');
    expect(requests[0]!.body).toEqual({ content: '帮忙修电脑', version: 2, scene: 3, openid: 'o-1' });
  });

  it('holds risky and doubtful text with its label', async () => {
    for (const suggest of ['risky', 'review']) {
      const { checker } = checkerWith(() => ({ errcode: 0, result: { suggest, label: 20006 } }));
      await expect(checker.check({ text: '某段文字', scene: 'comment', openid: 'o-1' })).resolves.toEqual({
        verdict: 'review',
        label: '内容安全标签 20006',
      });
    }
  });

  it('holds the text when WeChat refuses the request, is unreachable, or the writer has no openid', async () => {
    const refused = checkerWith(() => ({ errcode: 40001, errmsg: 'invalid credential' }));
    expect((await refused.checker.check({ text: '文字', scene: 'profile', openid: 'o-1' })).verdict).toBe('review');

    const unreachable = createWechatContentChecker({
      apiBase: 'https://wechat.test',
      accessToken: async () => 'TOKEN',
      logger,
      fetchImpl: (async () => {
        throw new Error('ECONNRESET');
      }) as typeof fetch,
    });
    expect(await unreachable.check({ text: '文字', scene: 'profile', openid: 'o-1' })).toEqual({
      verdict: 'review',
      label: '内容安全接口不可用',
    });

    const { checker, requests } = checkerWith(() => ({ errcode: 0, result: { suggest: 'pass' } }));
    expect((await checker.check({ text: '文字', scene: 'profile', openid: null })).verdict).toBe('review');
    expect(requests).toHaveLength(0);
  });

  it('checks every non-empty text of an item and holds it if any one is held', async () => {
    const { checker, requests } = checkerWith(() =>
      requests.length === 2 ? { errcode: 0, result: { suggest: 'risky', label: 20001 } } : { errcode: 0, result: { suggest: 'pass' } },
    );
    const verdict = await checkAll(checker, ['标题', '', null, '正文'], 'forum', 'o-1');
    expect(verdict.verdict).toBe('review');
    expect(requests.map((request) => request.body.content)).toEqual(['标题', '正文']);
  });
});
