import { api } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letters } from '../../../server/src/db/schema';
import { flagOverdueLetters } from '../../../server/src/letterDeadlines/schedule';
import { createLogger } from '../../../server/src/logger';
import { signedInMember } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { again, unitWithSecretary, write } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const logger = createLogger('silent');
const flagAt = (local: string) => flagOverdueLetters({ db: server.db, logger }, setClock(server, local));

/**
 * 2026: 国庆 and 中秋 together are 1–7 October; Saturday 10 October is a 调休 working day, as is
 * Sunday 20 September (国务院办公厅 notice, carried by the chinese-days package).
 */
describe('deadlines by the official calendar', () => {
  it('counts working days across 国庆 and its 调休 Saturday, and flags what is overdue', async () => {
    setClock(server, '2026-09-30 10:00:00');
    const people = await unitWithSecretary(server);
    const letter = await write(people.alice.client);
    // Wednesday 30 September: the next working days are Thursday 8 and Friday 9 October.
    expect(letter.acceptDueOn).toBe('2026-10-09');

    setClock(server, '2026-10-09 16:00:00');
    const secretary = await again(server, people.secretary);
    expect((await secretary.call(api.letters.get, { params: { id: letter.id } })).overdue).toBe(false);
    const accepted = await secretary.call(api.letters.accept, { params: { id: letter.id } });
    // Ten working days from Friday 9 October: Saturday 10 (调休), 12–16, 19–22.
    expect(accepted.replyDueOn).toBe('2026-10-22');

    setClock(server, '2026-10-22 18:00:00');
    expect((await (await again(server, people.secretary)).call(api.letters.get, { params: { id: letter.id } })).overdue).toBe(false);
    expect(await flagAt('2026-10-22 23:59:00')).toBe(0);

    setClock(server, '2026-10-23 08:00:00');
    const late = await (await again(server, people.secretary)).call(api.letters.get, { params: { id: letter.id } });
    expect(late).toMatchObject({ overdue: true, dueOn: '2026-10-22' });
    expect(await flagAt('2026-10-23 08:00:00')).toBe(1);
  });

  it('counts the 调休 Saturday as a working day for a letter written the day before', async () => {
    setClock(server, '2026-10-09 11:00:00');
    const people = await unitWithSecretary(server);
    const letter = await write(people.alice.client);
    // Saturday 10 October is a working day, Sunday 11 is not: due Monday 12.
    expect(letter.acceptDueOn).toBe('2026-10-12');
    setClock(server, '2026-10-10 09:00:00');
    expect((await (await again(server, people.secretary)).call(api.letters.get, { params: { id: letter.id } })).overdue).toBe(false);
    setClock(server, '2026-10-13 00:00:01');
    const overdue = await (await again(server, people.secretary)).call(api.letters.inbox, { query: { view: 'overdue' } });
    expect(overdue.items.map((item) => item.id)).toEqual([letter.id]);
  });

  it('flags each overdue letter once, however often (and however many at once) the check runs', async () => {
    setClock(server, '2027-03-01 09:00:00');
    const people = await unitWithSecretary(server);
    const letter = await write(people.alice.client);
    const at = setClock(server, '2027-03-10 09:00:00');
    const runs = await Promise.all([1, 2, 3].map(() => flagOverdueLetters({ db: server.db, logger }, at)));
    expect(runs.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(1);
    const [row] = await server.db
      .select({ overdueAt: letters.overdueAt })
      .from(letters)
      .where(sql`${letters.id} = ${letter.id}`);
    expect(row!.overdueAt).not.toBeNull();
    expect(await flagOverdueLetters({ db: server.db, logger }, at)).toBe(0);
  });
});

describe('GET /api/letters/timeliness (secretariat)', () => {
  it('counts each unit’s letters by state and timeliness, with no letter content', async () => {
    setClock(server, '2026-11-02 09:00:00');
    const people = await unitWithSecretary(server);
    const onTime = await write(people.alice.client);
    const late = await write(people.bob.client, { kind: 'problem', body: '楼道灯坏了很久没人修' });
    await write(people.bob.client, { recipient: 'secretariat', body: '写给协会的一封信内容' });
    await people.secretary.client.call(api.letters.reply, { params: { id: onTime.id }, body: { body: '已经安排好了，谢谢。' } });
    await people.alice.client.call(api.letters.rate, { params: { id: onTime.id }, body: { rating: 'fair' } });
    await flagAt('2026-11-06 09:00:00');
    const secretariat = await signedInMember(server, ['secretariat'], { unitId: null });
    const rows = await secretariat.client.call(api.letters.timeliness, {});
    const mine = rows.find((row) => row.unitId === people.unitId);
    expect(mine).toMatchObject({ total: 2, waiting: 1, overdueNow: 1, everOverdue: 1, replied: 1, satisfied: 0, fair: 1, unsatisfied: 0 });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(late.body);
    expect(text).not.toContain(onTime.body);
  });
});
