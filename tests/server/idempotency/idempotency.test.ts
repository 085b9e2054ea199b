import { api, commonRefusals, randomIdempotencyKey } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletinArticles, idempotencyKeys } from '../../../server/src/db/schema';
import { IDEMPOTENCY_TTL_MS } from '../../../server/src/idempotency/keys';
import { purgeExpiredIdempotencyKeys } from '../../../server/src/idempotency/schedule';
import { createIssue, paragraph } from '../../support/bulletinFactories';
import { signIn, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A secretariat member and a draft issue to add articles to: each added article is a visible effect. */
async function editorWithDraft() {
  const editor = await signedInMember(server, ['secretariat']);
  const { issue } = await createIssue(server.db, { status: 'draft', articles: [] });
  let client = editor.client;
  /** Signs in afresh, e.g. once the clock has moved past the access token's life. */
  const renewSignIn = async () => {
    client = (await signIn(server, editor.member)).client;
  };
  const add = (title: string, idempotencyKey?: string) =>
    client.call(
      api.bulletins.addArticle,
      { params: { id: issue.id }, body: { title, blocks: [paragraph(`${title}的正文。`)] } },
      { idempotencyKey },
    );
  const articleTitles = async () =>
    (await server.db.select({ title: bulletinArticles.title }).from(bulletinArticles).where(eq(bulletinArticles.issueId, issue.id))).map(
      (row) => row.title,
    );
  return { editor, issue, add, articleTitles, renewSignIn };
}

/** A raw write, to read the headers the typed client does not show. */
function rawAddArticle(token: string, issueId: number, key: string, title: string) {
  return fetch(`${server.url}/api/bulletins/issues/${issueId}/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ title, blocks: [paragraph(`${title}的正文。`)] }),
  });
}

describe('Idempotency-Key on writes', () => {
  it('does the write once and answers a repeat with the kept answer, marked as a replay', async () => {
    const { editor, issue, articleTitles } = await editorWithDraft();
    const key = randomIdempotencyKey();
    const first = await rawAddArticle(editor.token, issue.id, key, '一次');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const second = await rawAddArticle(editor.token, issue.id, key, '一次');
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await articleTitles()).toEqual(['一次']);
  });

  it('refuses the same key with a different body (409) and does nothing', async () => {
    const { add, articleTitles } = await editorWithDraft();
    const key = randomIdempotencyKey();
    await add('原来的', key);
    await expectRefused(add('另一篇', key), commonRefusals.idempotency_key_reused);
    expect(await articleTitles()).toEqual(['原来的']);
  });

  it('refuses a key of the wrong format with 400 before doing anything', async () => {
    const { add, articleTitles } = await editorWithDraft();
    for (const bad of ['short', 'has spaces in it, 1234567890', 'x'.repeat(129), 'has/slash/1234567890abcdef']) {
      await expectRefused(add('不该写入', bad), commonRefusals.idempotency_key_invalid);
    }
    expect(await articleTitles()).toEqual([]);
  });

  it('does the write once when the same request arrives several times at once', async () => {
    const { add, articleTitles } = await editorWithDraft();
    const key = randomIdempotencyKey();
    const answers = await Promise.all(Array.from({ length: 5 }, () => add('同时到达', key)));
    expect(new Set(answers.map((article) => article.id)).size).toBe(1);
    expect(await articleTitles()).toEqual(['同时到达']);
  });

  it('keeps a refusal too: a repeat gets the same refusal without running again', async () => {
    const editor = await signedInMember(server, ['secretariat']);
    const key = randomIdempotencyKey();
    const call = () =>
      editor.client.call(
        api.bulletins.addArticle,
        { params: { id: 999_999 }, body: { title: '无处可放', blocks: [paragraph('正文')] } },
        { idempotencyKey: key },
      );
    await expectRefused(call(), commonRefusals.not_found);
    await expectRefused(call(), commonRefusals.not_found);
    const [row] = await server.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.memberId, editor.member.id), eq(idempotencyKeys.key, key)));
    expect(row).toMatchObject({ state: 'done', responseStatus: 404 });
  });

  it('keys by the caller: another member with the same key does their own write', async () => {
    const { issue, add, articleTitles } = await editorWithDraft();
    const other = await signedInMember(server, ['secretariat']);
    const key = randomIdempotencyKey();
    await add('甲的', key);
    await other.client.call(
      api.bulletins.addArticle,
      { params: { id: issue.id }, body: { title: '乙的', blocks: [paragraph('乙的正文')] } },
      { idempotencyKey: key },
    );
    expect((await articleTitles()).sort()).toEqual(['乙的', '甲的'].sort());
  });

  it('forgets a key after 24 hours by the clock: the same request then writes again, and the purge removes old keys', async () => {
    const { editor, add, articleTitles, renewSignIn } = await editorWithDraft();
    const key = randomIdempotencyKey();
    await add('昨天的', key);
    server.clock.advance(IDEMPOTENCY_TTL_MS - 1000);
    await renewSignIn();
    await add('昨天的', key);
    expect(await articleTitles()).toEqual(['昨天的']);

    server.clock.advance(2000);
    await renewSignIn();
    await add('昨天的', key);
    expect(await articleTitles()).toEqual(['昨天的', '昨天的']);

    const oldKey = randomIdempotencyKey();
    await add('更早的', oldKey);
    server.clock.advance(IDEMPOTENCY_TTL_MS);
    expect(await purgeExpiredIdempotencyKeys(server.db, server.clock)).toBeGreaterThanOrEqual(2);
    const left = await server.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.memberId, editor.member.id));
    expect(left).toEqual([]);
  });

  it('checks the key on a public write but keeps nothing: a sign-in answer carries fresh tokens', async () => {
    const refused = await fetch(`${server.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'bad key' },
      body: JSON.stringify({ refreshToken: 'x' }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('idempotency_key_invalid');

    const { refreshToken } = await signedInMember(server, ['member']);
    const key = randomIdempotencyKey();
    const renewed = await server.client.call(api.auth.refresh, { body: { refreshToken } }, { idempotencyKey: key });
    expect(renewed.refreshToken).not.toBe(refreshToken);
    expect(await server.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toEqual([]);
  });
});
