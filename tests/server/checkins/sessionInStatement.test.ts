import { api, checkinRefusals, commonRefusals, type ApiClient } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance, pointsLedger, sessions } from '../../../server/src/db/schema';
import { at, codeFor, createActivity } from '../../support/checkinFactories';
import { signedInMember } from '../../support/factories';
import { countQueries } from '../../support/queryCounter';
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

/** A unit's activity at 14:00 with its check-in window open (13:50), and a member of the unit signed in. */
async function scene() {
  setNow(at('2026-11-25 13:50:00'));
  const organiser = await signedInMember(server, ['member', 'unit_admin']);
  const unitId = organiser.member.unitId!;
  const activity = await createActivity(server.db, { unitId, startsAt: at('2026-11-25 14:00:00') });
  const signedIn = await signedInMember(server, ['member'], { unitId });
  return { activity, unitId, ...signedIn };
}

const scan = (client: ApiClient, body: { token: string }) => client.call(api.checkins.checkIn, { body });

async function recordsOf(memberId: number) {
  return {
    attendance: await server.db.select().from(attendance).where(eq(attendance.memberId, memberId)),
    points: await server.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, memberId)),
  };
}

/**
 * The burst's scan checks the caller's sign-in inside the statement that records it (issue 21):
 * one round trip, and a sign-in that is no longer live is refused exactly as authentication
 * refuses it on every other endpoint, with nothing recorded.
 */
describe('POST /api/checkins checks the sign-in in its statement', () => {
  it('records a scan in one statement', async () => {
    const { activity, client, member, unitId } = await scene();
    const first = await signedInMember(server, ['member'], { unitId });
    // The first scan fills the one-second activity cache; the next is the burst's usual scan.
    await scan(first.client, { token: codeFor(activity.id, server.clock.now()) });
    const counter = countQueries(server.db);
    try {
      const result = await scan(client, { token: codeFor(activity.id, server.clock.now()) });
      expect(result.attendance).toMatchObject({ memberId: member.id, status: 'present', method: 'scan', points: 2 });
      expect(counter.count).toBe(1);
    } finally {
      counter.stop();
    }
    expect((await recordsOf(member.id)).attendance).toHaveLength(1);
  });

  it('refuses a revoked sign-in with 401 and records nothing', async () => {
    const { activity, client, member, sessionId } = await scene();
    await server.db.update(sessions).set({ revokedAt: server.clock.now(), revokedReason: 'signed_out' }).where(eq(sessions.id, sessionId));
    await expectRefused(scan(client, { token: codeFor(activity.id, server.clock.now()) }), commonRefusals.unauthorized);
    expect(await recordsOf(member.id)).toEqual({ attendance: [], points: [] });
  });

  it('refuses an expired sign-in with 401 and records nothing', async () => {
    const { activity, client, member, sessionId } = await scene();
    // The access token itself is still valid: only the sign-in behind it has ended.
    await server.db
      .update(sessions)
      .set({ expiresAt: new Date(server.clock.now().getTime() - 1000) })
      .where(eq(sessions.id, sessionId));
    await expectRefused(scan(client, { token: codeFor(activity.id, server.clock.now()) }), commonRefusals.unauthorized);
    expect(await recordsOf(member.id)).toEqual({ attendance: [], points: [] });
  });

  it('refuses a revoked sign-in before judging the scan: a bad code, a closed window, a bad body all answer 401', async () => {
    const { activity, client, member, sessionId } = await scene();
    await server.db.update(sessions).set({ revokedAt: server.clock.now(), revokedReason: 'signed_out' }).where(eq(sessions.id, sessionId));
    await expectRefused(scan(client, { token: 'not-a-code' }), commonRefusals.unauthorized);
    await expectRefused(client.call(api.checkins.checkIn, { body: {} as { token: string } }), commonRefusals.unauthorized);
    setNow(at('2026-11-25 15:00:00'));
    await expectRefused(scan(client, { token: codeFor(activity.id, server.clock.now()) }), commonRefusals.unauthorized);
    expect(await recordsOf(member.id)).toEqual({ attendance: [], points: [] });
  });

  it('still judges a live caller outside the unit on the full path', async () => {
    const { activity } = await scene();
    const stranger = await signedInMember(server, ['member']);
    await expectRefused(scan(stranger.client, { token: codeFor(activity.id, server.clock.now()) }), checkinRefusals.not_on_roster);
    expect(await recordsOf(stranger.member.id)).toEqual({ attendance: [], points: [] });
  });

  it('answers a repeat with the first record while the sign-in is live, and 401 once it is revoked', async () => {
    const { activity, client, member, sessionId } = await scene();
    const body = { token: codeFor(activity.id, server.clock.now()) };
    const first = await scan(client, body);
    expect(await scan(client, body)).toEqual(first);
    await server.db.update(sessions).set({ revokedAt: server.clock.now(), revokedReason: 'signed_out' }).where(eq(sessions.id, sessionId));
    await expectRefused(scan(client, body), commonRefusals.unauthorized);
    expect((await recordsOf(member.id)).attendance).toHaveLength(1);
  });
});
