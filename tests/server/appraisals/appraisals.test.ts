import { api, appraisalRefusals, commonRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appraisals, auditLog } from '../../../server/src/db/schema';
import { createBranch, createMember, signedInMember } from '../../support/factories';
import { outsider, setClock, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2027-01-20 09:00:00');
});

describe('GET /api/units/:unitId/appraisals (sheet)', () => {
  it('lists every member of the roster, with the tier or none yet, by branch', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const branch = await createBranch(server.db, unitId, '第一党支部');
    const carol = await createMember(server.db, { unitId, branchId: branch.id, name: '陈卡罗' });
    const sheet = await admin.client.call(api.appraisals.sheet, { params: { unitId }, query: { year: 2026 } });
    expect(sheet.year).toBe(2026);
    expect(sheet.rows.map((r) => r.member.id)).toEqual([carol.id, admin.member.id, alice.member.id, bob.member.id]);
    expect(sheet.rows[0]).toEqual({
      member: { id: carol.id, name: '陈卡罗', branchName: '第一党支部' },
      tier: null,
      tierLabel: null,
      meetingOn: null,
      // No record yet: 组织生活 in full + 承诺践诺 = 80, the advisory tier 合格 (as of the end of last month).
      indexTier: 'qualified',
    });
  });

  it('is the unit’s admin’s and the secretariat’s to read; nobody else’s', async () => {
    const { unitId, alice } = await unitWithPeople(server);
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    expect((await secretary.client.call(api.appraisals.sheet, { params: { unitId }, query: { year: 2026 } })).rows).toHaveLength(3);
    const otherAdmin = await outsider(server, ['unit_admin']);
    await expectRefused(
      otherAdmin.client.call(api.appraisals.sheet, { params: { unitId }, query: { year: 2026 } }),
      commonRefusals.forbidden,
    );
    await expectRefused(alice.client.call(api.appraisals.sheet, { params: { unitId }, query: { year: 2026 } }), commonRefusals.forbidden);
  });
});

describe('PUT /api/units/:unitId/appraisals (record)', () => {
  it('records many members at once with the meeting date; recording again corrects, one row per member and year', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const first = await admin.client.call(api.appraisals.record, {
      params: { unitId },
      body: {
        year: 2026,
        meetingOn: '2027-01-12',
        items: [
          { memberId: alice.member.id, tier: 'excellent' },
          { memberId: bob.member.id, tier: 'qualified' },
        ],
      },
    });
    const byId = new Map(first.rows.map((r) => [r.member.id, r]));
    expect(byId.get(alice.member.id)).toMatchObject({ tier: 'excellent', tierLabel: '优秀', meetingOn: '2027-01-12' });
    expect(byId.get(bob.member.id)).toMatchObject({ tier: 'qualified', tierLabel: '合格' });
    expect(byId.get(admin.member.id)).toMatchObject({ tier: null });

    const corrected = await admin.client.call(api.appraisals.record, {
      params: { unitId },
      body: { year: 2026, meetingOn: '2027-01-15', items: [{ memberId: bob.member.id, tier: 'basic' }] },
    });
    expect(corrected.rows.find((r) => r.member.id === bob.member.id)).toMatchObject({
      tier: 'basic',
      tierLabel: '基本合格',
      meetingOn: '2027-01-15',
    });
    expect(corrected.rows.find((r) => r.member.id === alice.member.id)).toMatchObject({ tier: 'excellent', meetingOn: '2027-01-12' });
    const rows = await server.db
      .select()
      .from(appraisals)
      .where(and(eq(appraisals.memberId, bob.member.id), eq(appraisals.year, 2026)));
    expect(rows).toHaveLength(1);
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appraisal.record'), eq(auditLog.entityId, String(unitId))));
    expect(audits).toHaveLength(2);
    // Another year is another row.
    await admin.client.call(api.appraisals.record, {
      params: { unitId },
      body: { year: 2025, meetingOn: '2026-01-10', items: [{ memberId: bob.member.id, tier: 'unqualified' }] },
    });
    const sheet2025 = await admin.client.call(api.appraisals.sheet, { params: { unitId }, query: { year: 2025 } });
    expect(sheet2025.rows.find((r) => r.member.id === bob.member.id)).toMatchObject({ tier: 'unqualified', tierLabel: '不合格' });
  });

  it('refuses members of another unit (naming them), a repeated member, a meeting in the future or outside the year', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const stranger = await outsider(server, ['member']);
    const record = (body: Record<string, unknown>) =>
      admin.client.call(api.appraisals.record, {
        params: { unitId },
        body: { year: 2026, meetingOn: '2027-01-12', items: [{ memberId: alice.member.id, tier: 'qualified' }], ...body } as never,
      });
    expect(
      await expectRefused(
        record({
          items: [
            { memberId: alice.member.id, tier: 'qualified' },
            { memberId: stranger.member.id, tier: 'excellent' },
          ],
        }),
        appraisalRefusals.members_not_in_unit,
      ),
    ).toMatchObject({ memberIds: [stranger.member.id] });
    await expectRefused(
      record({
        items: [
          { memberId: alice.member.id, tier: 'qualified' },
          { memberId: alice.member.id, tier: 'excellent' },
        ],
      }),
      commonRefusals.invalid_fields,
    );
    await expectRefused(record({ meetingOn: '2027-01-21' }), appraisalRefusals.meeting_in_future);
    await expectRefused(record({ meetingOn: '2025-12-31' }), appraisalRefusals.meeting_outside_year);
    setClock(server, '2027-06-01 09:00:00');
    admin.client = (await signedInMember(server, ['member', 'unit_admin'], { unitId })).client;
    await expectRefused(record({ meetingOn: '2027-04-01' }), appraisalRefusals.meeting_outside_year);
    expect((await record({ meetingOn: '2027-03-31' })).rows.find((r) => r.member.id === alice.member.id)?.meetingOn).toBe('2027-03-31');
    await expectRefused(record({ items: [] }), commonRefusals.invalid_fields);
    await expectRefused(record({ items: [{ memberId: alice.member.id, tier: 'great' }] }), commonRefusals.invalid_fields);
    const rows = await server.db.select().from(appraisals).where(eq(appraisals.memberId, stranger.member.id));
    expect(rows).toEqual([]);
  });

  it('is the unit’s admin’s only', async () => {
    const { unitId, alice } = await unitWithPeople(server);
    const body = { year: 2026, meetingOn: '2027-01-12', items: [{ memberId: alice.member.id, tier: 'qualified' as const }] };
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(otherAdmin.client.call(api.appraisals.record, { params: { unitId }, body }), commonRefusals.forbidden);
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(secretary.client.call(api.appraisals.record, { params: { unitId }, body }), commonRefusals.forbidden);
    await expectRefused(alice.client.call(api.appraisals.record, { params: { unitId }, body }), commonRefusals.forbidden);
  });
});
