import { api, letterRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setClock } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';
import { unitWithSecretary, write } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-18 09:00:00');
});

async function repliedLetter(people: Awaited<ReturnType<typeof unitWithSecretary>>, anonymous: boolean) {
  const letter = await write(people.alice.client, { anonymous, body: '建议在园区设立党员先锋岗，方便群众找到党员' });
  await people.secretary.client.call(api.letters.reply, { params: { id: letter.id }, body: { body: '好建议，下月起在一楼大厅设岗。' } });
  return letter;
}

describe('PUT /api/letters/:id/board (consent)', () => {
  it('puts a replied letter on the unit’s board only with the writer’s consent, named only if asked', async () => {
    const people = await unitWithSecretary(server);
    const letter = await repliedLetter(people, false);
    expect((await people.bob.client.call(api.letters.board, { query: {} })).items).toEqual([]);
    await people.alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true } });
    const board = await people.bob.client.call(api.letters.board, { query: {} });
    expect(board.items).toEqual([
      expect.objectContaining({
        id: letter.id,
        writerName: null,
        replies: [expect.objectContaining({ body: '好建议，下月起在一楼大厅设岗。' })],
        followCount: 0,
      }),
    ]);
    await people.alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true, showName: true } });
    expect((await people.bob.client.call(api.letters.board, { query: {} })).items[0]!.writerName).toBe('李爱丽');
    await people.alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: false } });
    expect((await people.bob.client.call(api.letters.board, { query: {} })).items).toEqual([]);
  });

  it('never names the writer of an anonymous letter on the board', async () => {
    const people = await unitWithSecretary(server);
    const letter = await repliedLetter(people, true);
    await expectRefused(
      people.alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true, showName: true } }),
      letterRefusals.board_needs_name,
    );
    await people.alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true } });
    const board = await people.secretary.client.call(api.letters.board, { query: {} });
    expect(JSON.stringify(board)).not.toContain('李爱丽');
    expect(board.items[0]!.writerName).toBeNull();
  });

  it('refuses consent before a reply, and to anyone but the writer', async () => {
    const people = await unitWithSecretary(server);
    const letter = await write(people.alice.client);
    await expectRefused(
      people.alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true } }),
      letterRefusals.wrong_status,
    );
    await expectRefused(
      people.bob.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true } }),
      letterRefusals.letter_not_yours,
    );
  });

  it('shows one unit’s board to its own members only', async () => {
    const people = await unitWithSecretary(server);
    const letter = await repliedLetter(people, false);
    await people.alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true } });
    const other = await unitWithSecretary(server);
    expect((await other.alice.client.call(api.letters.board, { query: {} })).items).toEqual([]);
    await expectRefused(other.alice.client.call(api.letters.follow, { params: { id: letter.id } }), letterRefusals.not_on_board);
  });
});

describe('POST /api/letters/:id/follow (我也关注)', () => {
  it('counts one per member, even when tapped many times at once', async () => {
    const people = await unitWithSecretary(server);
    const letter = await repliedLetter(people, false);
    await expectRefused(people.bob.client.call(api.letters.follow, { params: { id: letter.id } }), letterRefusals.not_on_board);
    await people.alice.client.call(api.letters.setBoard, { params: { id: letter.id }, body: { onBoard: true } });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => people.bob.client.call(api.letters.follow, { params: { id: letter.id } })),
    );
    expect(results.at(-1)).toEqual({ following: true, followCount: 1 });
    await people.secretary.client.call(api.letters.follow, { params: { id: letter.id } });
    const board = await people.bob.client.call(api.letters.board, { query: {} });
    expect(board.items[0]).toMatchObject({ followCount: 2, following: true });
    expect(await people.bob.client.call(api.letters.unfollow, { params: { id: letter.id } })).toEqual({ following: false, followCount: 1 });
  });
});
