import { api, commonRefusals, letterRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMember, signIn, signedInMember } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';
import { again, unitWithSecretary, write } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-18 09:00:00');
});

describe('POST /api/me/letters (write)', () => {
  it('should require authentication', async () => {
    await expectRefused(
      server.client.call(api.letters.write, { body: { recipient: 'secretary', kind: 'other', body: '一些内容在这里' } }),
      commonRefusals.unauthorized,
    );
  });

  it('stores the letter 待受理 with its acceptance deadline two working days on', async () => {
    const { alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    expect(letter).toMatchObject({
      recipient: 'secretary',
      kind: 'suggestion',
      kindLabel: '建议',
      status: 'pending',
      statusLabel: '待受理',
      mine: true,
      writer: { name: '李爱丽' },
      writtenOn: '2026-11-18',
      acceptDueOn: '2026-11-20',
      dueOn: '2026-11-20',
      overdue: false,
      replies: [],
    });
  });

  it('refuses a letter to the secretary when the unit has none marked on its roster', async () => {
    const member = await signedInMember(server, ['member']);
    await expectRefused(write(member.client), letterRefusals.no_secretary);
  });

  it('lets someone without a unit write to the secretariat only', async () => {
    const loner = await signedInMember(server, ['member'], { unitId: null });
    await expectRefused(write(loner.client), letterRefusals.no_unit);
    const letter = await write(loner.client, { recipient: 'secretariat' });
    expect(letter).toMatchObject({ recipient: 'secretariat', recipientLabel: '协会秘书处', status: 'pending' });
  });

  it('refuses bodies shorter than 5 or longer than 1000 characters, and an unknown kind, with 400', async () => {
    const { alice } = await unitWithSecretary(server);
    await expectRefused(write(alice.client, { body: '太短了' }), commonRefusals.invalid_fields);
    await expectRefused(write(alice.client, { body: '长'.repeat(1001) }), commonRefusals.invalid_fields);
    await expectRefused(write(alice.client, { kind: 'gossip' as never }), commonRefusals.invalid_fields);
    const letter = await write(alice.client, { body: '长'.repeat(1000) });
    expect(letter.body).toHaveLength(1000);
  });

  it('is refused to roles without the member role', async () => {
    const reviewer = await signedInMember(server, ['reviewer']);
    await expectRefused(write(reviewer.client), commonRefusals.forbidden);
  });
});

describe('daily limit', () => {
  it('takes three letters a day and refuses the fourth; the next day opens again', async () => {
    const { alice } = await unitWithSecretary(server);
    for (let i = 0; i < 3; i += 1) await write(alice.client, { recipient: i === 2 ? 'secretariat' : 'secretary' });
    const details = await expectRefused(write(alice.client), letterRefusals.daily_limit);
    expect(details).toMatchObject({ limit: 3 });
    setClock(server, '2026-11-19 00:00:05');
    expect((await write(await again(server, alice))).writtenOn).toBe('2026-11-19');
  });

  it('holds the limit when many letters arrive at once', async () => {
    const { alice } = await unitWithSecretary(server);
    const results = await Promise.allSettled(Array.from({ length: 7 }, () => write(alice.client)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ status: 409, reason: 'daily_limit' });
    }
    const mine = await alice.client.call(api.letters.mine, { query: {} });
    expect(mine.total).toBe(3);
  });
});

describe('GET /api/me/letters (mine)', () => {
  it('lists only the caller’s own letters, newest first', async () => {
    const { alice, bob } = await unitWithSecretary(server);
    const first = await write(alice.client);
    server.clock.advance(60_000);
    const second = await write(alice.client, { kind: 'praise', body: '感谢书记上周组织的志愿服务活动' });
    await write(bob.client);
    const mine = await alice.client.call(api.letters.mine, { query: {} });
    expect(mine.items.map((letter) => letter.id)).toEqual([second.id, first.id]);
  });
});

describe('GET /api/letters/:id (get)', () => {
  it('is refused to another member, another unit’s secretary and the secretariat for a letter to a unit secretary', async () => {
    const { alice, bob } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    const other = await unitWithSecretary(server);
    const secretariat = await signedInMember(server, ['secretariat'], { unitId: null });
    for (const client of [bob.client, other.secretary.client, secretariat.client]) {
      await expectRefused(client.call(api.letters.get, { params: { id: letter.id } }), letterRefusals.letter_not_yours);
    }
  });

  it('answers 404 for a letter that does not exist', async () => {
    const { alice } = await unitWithSecretary(server);
    await expectRefused(alice.client.call(api.letters.get, { params: { id: 99_999_999 } }), commonRefusals.not_found);
  });
});

describe('GET /api/letters/inbox (inbox)', () => {
  it('shows a secretary their unit’s letters to the secretaries, due first, and not letters to the secretariat', async () => {
    const { secretary, alice, bob } = await unitWithSecretary(server);
    const first = await write(alice.client);
    await write(bob.client, { recipient: 'secretariat' });
    const other = await unitWithSecretary(server);
    await write(other.alice.client);
    const inbox = await secretary.client.call(api.letters.inbox, { query: {} });
    expect(inbox.items.map((letter) => letter.id)).toEqual([first.id]);
    expect(inbox.items[0]).toMatchObject({ mine: false, writer: { name: '李爱丽' } });
  });

  it('shows the secretariat letters to the secretariat only', async () => {
    const { alice, bob } = await unitWithSecretary(server);
    await write(alice.client);
    const toAssociation = await write(bob.client, { recipient: 'secretariat' });
    const secretariat = await signedInMember(server, ['secretariat'], { unitId: null });
    const inbox = await secretariat.client.call(api.letters.inbox, { query: { pageSize: 100 } });
    expect(inbox.items.map((letter) => letter.id)).toContain(toAssociation.id);
    expect(inbox.items.every((letter) => letter.recipient === 'secretariat')).toBe(true);
  });

  it('is refused to a plain member and a unit admin', async () => {
    const { alice, admin } = await unitWithSecretary(server);
    await expectRefused(alice.client.call(api.letters.inbox, { query: {} }), commonRefusals.forbidden);
    await expectRefused(admin.client.call(api.letters.inbox, { query: {} }), commonRefusals.forbidden);
  });
});

describe('accept, reply, extend', () => {
  it('accepts, tells the writer, and sets the reply deadline ten working days on', async () => {
    const { secretary, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    const accepted = await secretary.client.call(api.letters.accept, { params: { id: letter.id } });
    expect(accepted).toMatchObject({ status: 'accepted', statusLabel: '已受理', replyDueOn: '2026-12-02', dueOn: '2026-12-02' });
    expect(server.notifier.notices.filter((n) => n.openid === alice.member.openid)).toEqual([
      expect.objectContaining({
        notice: expect.objectContaining({ template: 'letter.accepted', page: `packages/letters/detail/index?id=${letter.id}` }),
      }),
    ]);
    await expectRefused(secretary.client.call(api.letters.accept, { params: { id: letter.id } }), letterRefusals.wrong_status);
  });

  it('replies (accepting a letter not yet accepted), and the writer is told', async () => {
    const { secretary, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    const replied = await secretary.client.call(api.letters.reply, {
      params: { id: letter.id },
      body: { body: '已和物业商量，下月起周六上午开放。' },
    });
    expect(replied).toMatchObject({
      status: 'replied',
      dueOn: null,
      replies: [{ body: '已和物业商量，下月起周六上午开放。', held: false }],
    });
    expect(replied.acceptedAt).not.toBeNull();
    expect(server.notifier.notices.filter((n) => n.openid === alice.member.openid).map((n) => n.notice.template)).toEqual([
      'letter.replied',
    ]);
    const seen = await alice.client.call(api.letters.get, { params: { id: letter.id } });
    expect(seen.replies).toHaveLength(1);
  });

  it('extends once, with the reason the writer sees', async () => {
    const { secretary, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    await secretary.client.call(api.letters.accept, { params: { id: letter.id } });
    const extended = await secretary.client.call(api.letters.extend, {
      params: { id: letter.id },
      body: { days: 5, reason: '需要与街道协调场地' },
    });
    expect(extended).toMatchObject({ replyDueOn: '2026-12-09', extension: { days: 5, reason: '需要与街道协调场地' } });
    const seen = await alice.client.call(api.letters.get, { params: { id: letter.id } });
    expect(seen.extension).toEqual({ days: 5, reason: '需要与街道协调场地' });
    await expectRefused(
      secretary.client.call(api.letters.extend, { params: { id: letter.id }, body: { days: 1, reason: '再等等吧' } }),
      letterRefusals.already_extended,
    );
    await expectRefused(
      secretary.client.call(api.letters.extend, { params: { id: letter.id }, body: { days: 11, reason: '太久了' } }),
      commonRefusals.invalid_fields,
    );
  });

  it('refuses extending a letter not yet accepted', async () => {
    const { secretary, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    await expectRefused(
      secretary.client.call(api.letters.extend, { params: { id: letter.id }, body: { days: 3, reason: '需要时间' } }),
      letterRefusals.wrong_status,
    );
  });

  it('is refused to another unit’s secretary and to the writer', async () => {
    const { alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    const other = await unitWithSecretary(server);
    await expectRefused(other.secretary.client.call(api.letters.accept, { params: { id: letter.id } }), letterRefusals.letter_not_yours);
    await expectRefused(alice.client.call(api.letters.accept, { params: { id: letter.id } }), commonRefusals.forbidden);
  });

  it('lets two secretaries of one unit reply at once without two replies', async () => {
    const { unitId, secretary, alice } = await unitWithSecretary(server);
    const second = await signedInMember(server, ['member', 'party_secretary'], { unitId });
    const letter = await write(alice.client);
    const results = await Promise.allSettled(
      [secretary, second].map((s) =>
        s.client.call(api.letters.reply, { params: { id: letter.id }, body: { body: '收到，我们会尽快处理。' } }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const seen = await alice.client.call(api.letters.get, { params: { id: letter.id } });
    expect(seen.replies).toHaveLength(1);
  });
});

describe('POST /api/letters/:id/rating (rate)', () => {
  it('closes the letter on 满意', async () => {
    const { secretary, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    await expectRefused(
      alice.client.call(api.letters.rate, { params: { id: letter.id }, body: { rating: 'satisfied' } }),
      letterRefusals.wrong_status,
    );
    await secretary.client.call(api.letters.reply, { params: { id: letter.id }, body: { body: '已安排，请放心。' } });
    const rated = await alice.client.call(api.letters.rate, { params: { id: letter.id }, body: { rating: 'satisfied' } });
    expect(rated).toMatchObject({ status: 'rated', rating: 'satisfied', ratingLabel: '满意', reopened: false });
  });

  it('reopens once on 不满意, for another reply; a second 不满意 closes it', async () => {
    const { secretary, alice, bob } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    await secretary.client.call(api.letters.reply, { params: { id: letter.id }, body: { body: '已转交物业处理。' } });
    await expectRefused(
      bob.client.call(api.letters.rate, { params: { id: letter.id }, body: { rating: 'unsatisfied' } }),
      letterRefusals.letter_not_yours,
    );
    const reopened = await alice.client.call(api.letters.rate, { params: { id: letter.id }, body: { rating: 'unsatisfied' } });
    expect(reopened).toMatchObject({
      status: 'reopened',
      statusLabel: '待复审',
      reopened: true,
      replyDueOn: '2026-12-02',
      dueOn: '2026-12-02',
    });
    const again = await secretary.client.call(api.letters.reply, {
      params: { id: letter.id },
      body: { body: '已约物业负责人当面说明，周六开放已落实。' },
    });
    expect(again).toMatchObject({ status: 'replied' });
    expect(again.replies).toHaveLength(2);
    const closed = await alice.client.call(api.letters.rate, { params: { id: letter.id }, body: { rating: 'unsatisfied' } });
    expect(closed).toMatchObject({ status: 'rated', rating: 'unsatisfied', reopened: true });
  });
});

describe('content check', () => {
  it('holds a flagged letter from its reader until the unit admin releases it', async () => {
    const { secretary, admin, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client, { body: '这里有一个违规词需要审核' });
    expect(letter).toMatchObject({ status: 'held', statusLabel: '内容待审核' });
    expect(server.contentChecker.checked.at(-1)).toMatchObject({ scene: 'forum', openid: alice.member.openid });
    expect((await secretary.client.call(api.letters.inbox, { query: {} })).items).toEqual([]);
    await expectRefused(secretary.client.call(api.letters.get, { params: { id: letter.id } }), letterRefusals.letter_not_yours);
    const held = await admin.client.call(api.letters.held, { query: {} });
    expect(held.items.map((item) => item.id)).toEqual([letter.id]);
    setClock(server, '2026-11-20 10:00:00');
    const released = await (await again(server, admin)).call(api.letters.review, { params: { id: letter.id }, body: { release: true } });
    expect(released).toMatchObject({ status: 'pending', acceptDueOn: '2026-11-24' });
    const inbox = await (await again(server, secretary)).call(api.letters.inbox, { query: {} });
    expect(inbox.items.map((item) => item.id)).toEqual([letter.id]);
  });

  it('ends a refused letter as 未通过审核', async () => {
    const { admin, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client, { body: '这里有一个违规词需要审核' });
    const refused = await admin.client.call(api.letters.review, { params: { id: letter.id }, body: { release: false } });
    expect(refused.status).toBe('rejected');
    await expectRefused(
      admin.client.call(api.letters.review, { params: { id: letter.id }, body: { release: true } }),
      letterRefusals.nothing_to_review,
    );
  });

  it('holds a flagged reply from the writer until it is released; the writer is told then', async () => {
    const { secretary, admin, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    const afterReply = await secretary.client.call(api.letters.reply, {
      params: { id: letter.id },
      body: { body: '回复里有违规词的内容' },
    });
    expect(afterReply).toMatchObject({ status: 'accepted', replies: [{ held: true }] });
    expect((await alice.client.call(api.letters.get, { params: { id: letter.id } })).replies).toEqual([]);
    await expectRefused(
      secretary.client.call(api.letters.reply, { params: { id: letter.id }, body: { body: '再补充一句说明。' } }),
      letterRefusals.reply_under_review,
    );
    expect(server.notifier.notices.filter((n) => n.openid === alice.member.openid && n.notice.template === 'letter.replied')).toEqual([]);
    await admin.client.call(api.letters.review, { params: { id: letter.id }, body: { release: true } });
    const seen = await alice.client.call(api.letters.get, { params: { id: letter.id } });
    expect(seen).toMatchObject({ status: 'replied', replies: [{ body: '回复里有违规词的内容', held: false }] });
    expect(server.notifier.notices.filter((n) => n.openid === alice.member.openid && n.notice.template === 'letter.replied')).toHaveLength(
      1,
    );
  });

  it('leaves review of a unit’s letters to its own admin', async () => {
    const { alice } = await unitWithSecretary(server);
    const letter = await write(alice.client, { body: '这里有一个违规词需要审核' });
    const other = await unitWithSecretary(server);
    const secretariat = await signedInMember(server, ['secretariat'], { unitId: null });
    for (const client of [other.admin.client, secretariat.client]) {
      await expectRefused(
        client.call(api.letters.review, { params: { id: letter.id }, body: { release: true } }),
        letterRefusals.letter_not_yours,
      );
    }
  });
});

describe('a signed-in member without a roster unit', () => {
  it('cannot open the board', async () => {
    const loner = await createMember(server.db, { unitId: null });
    const { client } = await signIn(server, loner);
    await expectRefused(client.call(api.letters.board, { query: {} }), letterRefusals.no_unit);
  });
});
