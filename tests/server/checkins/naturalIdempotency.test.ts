import { api, commonRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance, idempotencyKeys, pointsLedger } from '../../../server/src/db/schema';
import { at, codeFor, createActivity } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(7 * 24 * 3600) });
});
afterAll(() => server.close());

function setNow(instant: Date): void {
  server.clock.advance(instant.getTime() - server.clock.now().getTime());
}

/**
 * A check-in is idempotent by itself (one record per member and activity), so its Idempotency-Key
 * is checked but not kept: the burst saves the key's two statements, and a repeat — the outbox
 * resending after a lost answer, even once the code has expired — still answers the first record.
 */
describe('POST /api/checkins with an Idempotency-Key', () => {
  it('answers a repeat with the first record, writes one record and one points entry, and keeps no key', async () => {
    setNow(at('2026-11-25 13:50:00'));
    const organiser = await signedInMember(server, ['member', 'unit_admin']);
    const activity = await createActivity(server.db, { unitId: organiser.member.unitId!, startsAt: at('2026-11-25 14:00:00') });
    const { client, member } = await signedInMember(server, ['member'], { unitId: organiser.member.unitId! });
    const body = { token: codeFor(activity.id, server.clock.now()) };
    const key = 'scan-0123456789abcdef';

    const first = await client.call(api.checkins.checkIn, { body }, { idempotencyKey: key });
    const [again, atOnce] = await Promise.all([
      client.call(api.checkins.checkIn, { body }, { idempotencyKey: key }),
      client.call(api.checkins.checkIn, { body }, { idempotencyKey: key }),
    ]);
    // Two minutes later the code has expired; the member who is in still gets their record.
    setNow(at('2026-11-25 13:52:00'));
    const late = await client.call(api.checkins.checkIn, { body }, { idempotencyKey: key });

    expect(first.attendance).toMatchObject({ status: 'present', method: 'scan', points: 2 });
    for (const answer of [again, atOnce, late]) expect(answer).toEqual(first);
    expect(await server.db.select().from(attendance).where(eq(attendance.activityId, activity.id))).toHaveLength(1);
    expect(await server.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id))).toHaveLength(1);
    expect(await server.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.memberId, member.id))).toEqual([]);
  });

  it('still refuses a key of the wrong form', async () => {
    const { client } = await signedInMember(server, ['member']);
    await expectRefused(
      client.call(api.checkins.checkIn, { body: { token: 'x' } }, { idempotencyKey: 'short' }),
      commonRefusals.idempotency_key_invalid,
    );
  });
});
