import { api, commonRefusals, DEFAULT_RECORD_SETTINGS, questionRefusals, type ApiClient } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, pointsLedger, recordSettings } from '../../../server/src/db/schema';
import { signedInMember } from '../../support/factories';
import { setClock, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  // Sign-ins outlive the month the tests' clock moves through.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(30 * 24 * 3600) });
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

function ask(client: ApiClient, overrides: Partial<{ title: string; body: string; tags: string[] }> = {}) {
  return client.call(api.questions.ask, {
    body: { title: '新员工如何转接组织关系', body: '从老家转到公司支部，需要准备哪些材料？', tags: ['组织关系'], ...overrides },
  });
}

function answer(client: ApiClient, id: number, body = '先在全国党员管理信息系统里申请，再找支部书记确认。') {
  return client.call(api.questions.answer, { params: { id }, body: { body } });
}

function markSolved(client: ApiClient, id: number, answerId: number) {
  return client.call(api.questions.markSolved, { params: { id }, body: { answerId } });
}

async function ledgerOf(memberId: number) {
  return server.db
    .select({ points: pointsLedger.points, category: pointsLedger.category, sourceType: pointsLedger.sourceType })
    .from(pointsLedger)
    .where(eq(pointsLedger.memberId, memberId));
}

describe('POST /api/questions (ask) and reading', () => {
  it('shows a passed question to the unit, audited, never to another unit', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const asked = await ask(alice.client);
    expect(asked).toMatchObject({
      title: '新员工如何转接组织关系',
      tags: ['组织关系'],
      asker: { id: alice.member.id },
      moderation: 'visible',
      solved: false,
      answerCount: 0,
      answers: [],
      mine: true,
      canModerate: false,
    });
    expect(await bob.client.call(api.questions.get, { params: { id: asked.id } })).toMatchObject({ mine: false });
    expect((await admin.client.call(api.questions.get, { params: { id: asked.id } })).canModerate).toBe(true);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'question.ask'), eq(auditLog.entityId, String(asked.id))));
    expect(entry?.actorId).toBe(alice.member.id);
    const other = await unitWithPeople(server);
    await expectRefused(other.alice.client.call(api.questions.get, { params: { id: asked.id } }), commonRefusals.not_found);
    await expectRefused(answer(other.alice.client, asked.id), commonRefusals.not_found);
    const theirs = await other.alice.client.call(api.questions.list, { query: {} });
    expect(theirs.items.map((item) => item.id)).not.toContain(asked.id);
    await expectRefused(
      other.admin.client.call(api.questions.moderateQuestion, { params: { id: asked.id }, body: { action: 'hide', reason: '不当内容' } }),
      commonRefusals.forbidden,
    );
  });

  it('holds flagged text for the author and the unit admin only, until the admin lets it through', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const held = await ask(alice.client, { body: '这里有违规词，请帮忙看看怎么办' });
    expect(held).toMatchObject({ moderation: 'held', moderationLabel: '待审核' });
    expect(held.heldLabel).not.toBeNull();
    await expectRefused(bob.client.call(api.questions.get, { params: { id: held.id } }), commonRefusals.not_found);
    expect((await bob.client.call(api.questions.list, { query: {} })).items.map((item) => item.id)).not.toContain(held.id);
    expect((await alice.client.call(api.questions.list, { query: {} })).items.map((item) => item.id)).toContain(held.id);
    await expectRefused(answer(alice.client, held.id), questionRefusals.question_not_visible);
    const queue = await admin.client.call(api.questions.queue, { params: { unitId: alice.member.unitId! } });
    expect(queue.questions.map((item) => item.id)).toEqual([held.id]);
    const released = await admin.client.call(api.questions.moderateQuestion, { params: { id: held.id }, body: { action: 'release' } });
    expect(released.moderation).toBe('visible');
    expect((await bob.client.call(api.questions.get, { params: { id: held.id } })).id).toBe(held.id);
    await expectRefused(
      admin.client.call(api.questions.moderateQuestion, { params: { id: held.id }, body: { action: 'release' } }),
      questionRefusals.already_moderated,
    );
  });

  it('refuses a caller outside any unit', async () => {
    const drifter = await signedInMember(server, ['member'], { unitId: null });
    await expectRefused(drifter.client.call(api.questions.list, { query: {} }), questionRefusals.not_in_unit);
    await expectRefused(ask(drifter.client), questionRefusals.not_in_unit);
  });

  it('refuses bad input with field problems', async () => {
    const { alice } = await unitWithPeople(server);
    const refusal = await expectRefused(
      ask(alice.client, { title: '短', tags: ['一', '二', '三', '四', '五', '六'] }),
      commonRefusals.invalid_fields,
    );
    expect(refusal.issues.map((issue) => issue.path).sort()).toEqual(['body.tags', 'body.title']);
  });
});

describe('GET /api/questions?q= (search)', () => {
  it('finds substrings of titles, bodies and tags with the bigram search, in the caller’s unit only', async () => {
    const { alice, bob } = await unitWithPeople(server);
    const dues = await ask(alice.client, { title: '党费基数怎么算', body: '工资调整以后党费要不要重新核定？', tags: ['党费'] });
    const study = await ask(bob.client, { title: '学习强国积分', body: '每天学习多少分钟比较合适？', tags: ['学习'] });
    const other = await unitWithPeople(server);
    await ask(other.alice.client, { title: '党费基数怎么算（别的单位）' });
    const search = async (q: string) => (await bob.client.call(api.questions.list, { query: { q } })).items.map((item) => item.id);
    expect(await search('党费基数')).toEqual([dues.id]);
    expect(await search('重新核定')).toEqual([dues.id]);
    expect(await search('学习')).toEqual([study.id]);
    expect(await search('费')).toEqual([dues.id]);
    expect(await search('ＰＣ')).toEqual([]);
    // No match across the parts: the title's end and the body's start are kept apart.
    expect(await search('怎么算工资')).toEqual([]);
  });
});

describe('answers and the solution', () => {
  it('pays the marked answer’s author 1 公益 point, once, and refuses a second mark', async () => {
    const { alice, bob, admin } = await unitWithPeople(server);
    const asked = await ask(alice.client);
    const first = await answer(bob.client, asked.id);
    const second = await answer(admin.client, asked.id, '可以先问问人事部门的党务专员。');
    expect(first).toMatchObject({ author: { id: bob.member.id }, moderation: 'visible', solution: false });
    await expectRefused(markSolved(bob.client, asked.id, first.id), questionRefusals.not_asker);
    const solved = await markSolved(alice.client, asked.id, first.id);
    expect(solved).toMatchObject({ solved: true, answerCount: 2 });
    expect(solved.answers.find((a) => a.id === first.id)).toMatchObject({ solution: true, points: 1 });
    expect(await ledgerOf(bob.member.id)).toEqual([{ points: 1, category: 'public_service', sourceType: 'question_answer' }]);
    const again = await expectRefused(markSolved(alice.client, asked.id, second.id), questionRefusals.already_solved);
    expect(again.answerId).toBe(first.id);
    await expectRefused(markSolved(alice.client, asked.id, first.id), questionRefusals.already_solved);
    expect(await ledgerOf(admin.member.id)).toEqual([]);
    expect(await ledgerOf(bob.member.id)).toHaveLength(1);
  });

  it('lets one of two marks made at once through', async () => {
    const { alice, bob, admin } = await unitWithPeople(server);
    const asked = await ask(alice.client);
    const answers = [await answer(bob.client, asked.id), await answer(admin.client, asked.id, '找支部书记。')];
    const results = await Promise.allSettled(answers.map((a) => markSolved(alice.client, asked.id, a.id)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const paid = [...(await ledgerOf(bob.member.id)), ...(await ledgerOf(admin.member.id))];
    expect(paid).toHaveLength(1);
  });

  it('refuses marking one’s own answer or a held one', async () => {
    const { alice, bob } = await unitWithPeople(server);
    const asked = await ask(alice.client);
    const own = await answer(alice.client, asked.id, '我自己补充一下情况。');
    await expectRefused(markSolved(alice.client, asked.id, own.id), questionRefusals.own_answer);
    const held = await answer(bob.client, asked.id, '答案里有违规词');
    expect(held.moderation).toBe('held');
    await expectRefused(markSolved(alice.client, asked.id, held.id), questionRefusals.answer_not_visible);
  });

  it('pays an author at most 4 solutions a month, even when they are marked at once', async () => {
    const { unitId, bob } = await unitWithPeople(server);
    const askers = await Promise.all(Array.from({ length: 6 }, () => signedInMember(server, ['member'], { unitId })));
    const pairs = await Promise.all(
      askers.map(async (asker, i) => {
        const asked = await ask(asker.client, { title: `第${i + 1}个问题：党员活动怎么记录` });
        return { asker, asked, reply: await answer(bob.client, asked.id) };
      }),
    );
    await Promise.all(pairs.map(({ asker, asked, reply }) => markSolved(asker.client, asked.id, reply.id)));
    expect(await ledgerOf(bob.member.id)).toHaveLength(4);
    // A new month pays again.
    setClock(server, '2026-12-01 09:00:00');
    const asker = await signedInMember(server, ['member'], { unitId });
    const asked = await ask(asker.client);
    const reply = await answer(bob.client, asked.id);
    const solved = await markSolved(asker.client, asked.id, reply.id);
    expect(solved.answers[0]!.points).toBe(1);
    expect(await ledgerOf(bob.member.id)).toHaveLength(5);
  });

  it('takes the category and amount from the record settings in force', async () => {
    const { alice, bob } = await unitWithPeople(server);
    const settings = structuredClone(DEFAULT_RECORD_SETTINGS);
    settings.volunteering = { ...settings.volunteering!, answerCategory: 'study', perSolvedAnswer: 2 };
    await server.db
      .insert(recordSettings)
      .values({ effectiveFrom: new Date('2026-11-01T00:00:00+08:00'), settings, createdAt: new Date() });
    try {
      const asked = await ask(alice.client);
      const reply = await answer(bob.client, asked.id);
      await markSolved(alice.client, asked.id, reply.id);
      expect(await ledgerOf(bob.member.id)).toEqual([{ points: 2, category: 'study', sourceType: 'question_answer' }]);
    } finally {
      await server.db.delete(recordSettings);
    }
  });
});

describe('moderation by the unit admin', () => {
  it('hides an answer with a reason its author reads and others do not see', async () => {
    const { admin, alice, bob, unitId } = await unitWithPeople(server);
    const asked = await ask(alice.client);
    const reply = await answer(bob.client, asked.id, '去隔壁单位问问吧');
    const hidden = await admin.client.call(api.questions.moderateAnswer, {
      params: { id: reply.id },
      body: { action: 'hide', reason: '答非所问' },
    });
    expect(hidden).toMatchObject({ moderation: 'hidden', hiddenReason: '答非所问' });
    expect((await alice.client.call(api.questions.get, { params: { id: asked.id } })).answers).toEqual([]);
    const authorView = await bob.client.call(api.questions.get, { params: { id: asked.id } });
    expect(authorView.answers).toEqual([expect.objectContaining({ id: reply.id, moderation: 'hidden', hiddenReason: '答非所问' })]);
    const queue = await admin.client.call(api.questions.queue, { params: { unitId } });
    expect(queue.answers).toEqual([expect.objectContaining({ id: reply.id, questionTitle: asked.title })]);
    await expectRefused(
      admin.client.call(api.questions.moderateAnswer, { params: { id: reply.id }, body: { action: 'hide', reason: '再次隐藏' } }),
      questionRefusals.already_moderated,
    );
    await expectRefused(markSolved(alice.client, asked.id, reply.id), questionRefusals.answer_not_visible);
  });

  it('hides a question with a reason its asker reads', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const asked = await ask(alice.client);
    const refusal = await expectRefused(
      admin.client.call(api.questions.moderateQuestion, { params: { id: asked.id }, body: { action: 'hide' } }),
      commonRefusals.invalid_fields,
    );
    expect(refusal.issues.map((issue) => issue.path)).toEqual(['body.reason']);
    await admin.client.call(api.questions.moderateQuestion, { params: { id: asked.id }, body: { action: 'hide', reason: '与工作无关' } });
    expect(await alice.client.call(api.questions.get, { params: { id: asked.id } })).toMatchObject({
      moderation: 'hidden',
      hiddenReason: '与工作无关',
    });
    await expectRefused(bob.client.call(api.questions.get, { params: { id: asked.id } }), commonRefusals.not_found);
  });

  it('pays nobody for an answer to a hidden question', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const asked = await ask(alice.client);
    const answered = await answer(bob.client, asked.id);
    await admin.client.call(api.questions.moderateQuestion, { params: { id: asked.id }, body: { action: 'hide', reason: '与工作无关' } });
    await expectRefused(markSolved(alice.client, asked.id, answered.id), questionRefusals.question_not_visible);
    expect(await ledgerOf(bob.member.id)).toEqual([]);
  });

  it('refuses the queue and moderation to members and other units’ admins', async () => {
    const { unitId, alice, bob } = await unitWithPeople(server);
    const asked = await ask(alice.client);
    const reply = await answer(bob.client, asked.id);
    const other = await unitWithPeople(server);
    await expectRefused(other.admin.client.call(api.questions.queue, { params: { unitId } }), commonRefusals.forbidden);
    await expectRefused(
      other.admin.client.call(api.questions.moderateAnswer, { params: { id: reply.id }, body: { action: 'hide', reason: '不当' } }),
      commonRefusals.forbidden,
    );
    await expectRefused(alice.client.call(api.questions.queue, { params: { unitId } }), commonRefusals.forbidden);
    const secretariat = await signedInMember(server, ['secretariat']);
    await expectRefused(secretariat.client.call(api.questions.queue, { params: { unitId } }), commonRefusals.forbidden);
  });
});
