import { api, type ApiClient } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { letters, units } from '../../../server/src/db/schema';
import { signedInMember } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
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

/** Nothing in the answer names the writer: not the name, the roster id, the phone, nor (to the secretariat) the unit. */
function expectNoTraceOf(body: unknown, writer: { id: number; name: string; phone: string }, unitName?: string) {
  const text = JSON.stringify(body);
  expect(text).not.toContain(writer.name);
  expect(text).not.toContain(writer.phone);
  expect(text).not.toMatch(new RegExp(`"(writerId|memberId|actorId|authorId)":${writer.id}\\b`));
  if (unitName) expect(text).not.toContain(unitName);
}

describe('不向书记显示我的姓名', () => {
  it('hides the writer from the secretary at every step, while the letter keeps who wrote it', async () => {
    const { secretary, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client, { anonymous: true });
    expect(letter).toMatchObject({ anonymous: true, mine: true, writer: { name: '李爱丽' } });
    const sec = secretary.client;
    const steps: Array<(client: ApiClient) => Promise<unknown>> = [
      (c) => c.call(api.letters.inbox, { query: {} }),
      (c) => c.call(api.letters.get, { params: { id: letter.id } }),
      (c) => c.call(api.letters.accept, { params: { id: letter.id } }),
      (c) => c.call(api.letters.extend, { params: { id: letter.id }, body: { days: 2, reason: '需要核实情况' } }),
      (c) => c.call(api.letters.reply, { params: { id: letter.id }, body: { body: '已核实，会在下周解决。' } }),
      (c) => c.call(api.letters.inbox, { query: { view: 'done' } }),
    ];
    for (const step of steps) {
      const body = await step(sec);
      expectNoTraceOf(body, alice.member);
    }
    const seen = await sec.call(api.letters.get, { params: { id: letter.id } });
    expect(seen).toMatchObject({ writer: null, mine: false, anonymous: true });
    const [row] = await server.db.select({ writerId: letters.writerId }).from(letters).where(eq(letters.id, letter.id));
    expect(row!.writerId).toBe(alice.member.id);
  });

  it('hides the writer and their unit from the secretariat, in its inbox, the timeliness figures and the audit log', async () => {
    const { unitId, alice } = await unitWithSecretary(server);
    const [unit] = await server.db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    const toAssociation = await write(alice.client, { recipient: 'secretariat', anonymous: true, body: '匿名反映：协会活动通知太晚' });
    const toSecretary = await write(alice.client, { anonymous: true });
    const secretariat = await signedInMember(server, ['secretariat'], { unitId: null });
    const s = secretariat.client;
    expectNoTraceOf(await s.call(api.letters.get, { params: { id: toAssociation.id } }), alice.member, unit!.name);
    expectNoTraceOf(await s.call(api.letters.inbox, { query: { pageSize: 100 } }), alice.member, unit!.name);
    expectNoTraceOf(await s.call(api.letters.accept, { params: { id: toAssociation.id } }), alice.member, unit!.name);
    expectNoTraceOf(
      await s.call(api.letters.reply, { params: { id: toAssociation.id }, body: { body: '已改进通知流程。' } }),
      alice.member,
      unit!.name,
    );
    await alice.client.call(api.letters.rate, { params: { id: toAssociation.id }, body: { rating: 'satisfied' } });
    expectNoTraceOf(await s.call(api.letters.timeliness, {}), alice.member);
    const audit = await s.call(api.audit.list, { query: { entity: 'letter', pageSize: 100 } });
    const entries = audit.items.filter((entry) => [String(toAssociation.id), String(toSecretary.id)].includes(entry.entityId ?? ''));
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'letter.accept',
      'letter.rate',
      'letter.reply',
      'letter.write',
      'letter.write',
    ]);
    expectNoTraceOf(entries, alice.member, unit!.name);
  });

  it('keeps the writer hidden from the unit admin reviewing a held letter', async () => {
    const { admin, alice } = await unitWithSecretary(server);
    await write(alice.client, { anonymous: true, body: '匿名的违规词测试信件' });
    const held = await admin.client.call(api.letters.held, { query: {} });
    expect(held.items).toHaveLength(1);
    expectNoTraceOf(held, alice.member);
  });

  it('shows the name of a writer who did not ask to be hidden', async () => {
    const { secretary, alice } = await unitWithSecretary(server);
    const letter = await write(alice.client);
    expect(await secretary.client.call(api.letters.get, { params: { id: letter.id } })).toMatchObject({ writer: { name: '李爱丽' } });
  });
});
