import { api, commonRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/src/db/schema';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET and PUT /api/units/:unitId/checkin-settings', () => {
  it('starts from the defaults and keeps the late threshold inside the window', async () => {
    const organiser = await signedInMember(server, ['unit_admin']);
    const unitId = organiser.member.unitId!;
    expect(await organiser.client.call(api.schedules.getSettings, { params: { unitId } })).toEqual({
      windowBeforeMinutes: 30,
      windowAfterMinutes: 30,
      lateAfterMinutes: 10,
      geofence: false,
    });
    const saved = await organiser.client.call(api.schedules.updateSettings, {
      params: { unitId },
      body: { windowBeforeMinutes: 45, windowAfterMinutes: 20, lateAfterMinutes: 5, geofence: true },
    });
    expect(saved).toEqual({ windowBeforeMinutes: 45, windowAfterMinutes: 20, lateAfterMinutes: 5, geofence: true });
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'checkin_settings.update'), eq(auditLog.entityId, String(unitId))));
    expect(audit).toMatchObject({ actorId: organiser.member.id, before: { windowBeforeMinutes: 30 }, after: { windowBeforeMinutes: 45 } });
    const { issues } = await expectRefused(
      organiser.client.call(api.schedules.updateSettings, {
        params: { unitId },
        body: { windowBeforeMinutes: 30, windowAfterMinutes: 10, lateAfterMinutes: 15, geofence: false },
      }),
      commonRefusals.invalid_fields,
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: 'body.lateAfterMinutes', label: '迟到时限（分钟）', message: '迟到时限不能晚于签到截止时间' }),
    ]);
    const stranger = await signedInMember(server, ['unit_admin']);
    await expectRefused(stranger.client.call(api.schedules.getSettings, { params: { unitId } }), commonRefusals.forbidden);
  });

  it('answers 404 for a unit that does not exist', async () => {
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    const body = { windowBeforeMinutes: 30, windowAfterMinutes: 30, lateAfterMinutes: 10, geofence: false };
    expect(
      (await expectRefused(secretary.client.call(api.schedules.getSettings, { params: { unitId: 987_654 } }), commonRefusals.not_found))
        .resource,
    ).toBe('单位');
    await expectRefused(
      secretary.client.call(api.schedules.updateSettings, { params: { unitId: 987_654 }, body }),
      commonRefusals.not_found,
    );
  });
});
