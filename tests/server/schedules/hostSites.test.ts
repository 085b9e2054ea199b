import { api, commonRefusals, scheduleRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/src/db/schema';
import { expectRefusedSaying } from '../../support/checkinFactories';
import { createMember, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('POST /api/units/:unitId/host-sites', () => {
  it('creates a host site, audited, and refuses a second one of the same name in the unit', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    const site = await client.call(api.schedules.createHostSite, { params: { unitId }, body: { name: '流动党员服务站' } });
    expect(site).toEqual({ id: site.id, unitId, name: '流动党员服务站', members: [] });
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'host_site.create'), eq(auditLog.entityId, String(site.id))));
    expect(audit?.actorId).toBe(member.id);
    const twice = await expectRefusedSaying(
      client.call(api.schedules.createHostSite, { params: { unitId }, body: { name: '流动党员服务站' } }),
      scheduleRefusals.host_site_name_taken,
    );
    expect(twice.message).toBe('本单位已有同名的服务点');
    // Another unit may use the name.
    const other = await signedInMember(server, ['unit_admin']);
    await other.client.call(api.schedules.createHostSite, { params: { unitId: other.member.unitId! }, body: { name: '流动党员服务站' } });
    const { issues } = await expectRefused(
      client.call(api.schedules.createHostSite, { params: { unitId }, body: { name: ' ' } }),
      commonRefusals.invalid_fields,
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'body.name', label: '服务点名称' })]);
  });
});

describe('POST /api/host-sites/:id/members', () => {
  it('keeps a mobile member at one host site: attaching elsewhere is refused, attaching again changes nothing', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const unitId = member.unitId!;
    const first = await client.call(api.schedules.createHostSite, { params: { unitId }, body: { name: '一号服务站' } });
    const second = await client.call(api.schedules.createHostSite, { params: { unitId }, body: { name: '二号服务站' } });
    const mobile = await createMember(server.db, { unitId, kind: 'mobile' });
    await client.call(api.schedules.attachMember, { params: { id: first.id }, body: { memberId: mobile.id } });
    const again = await client.call(api.schedules.attachMember, { params: { id: first.id }, body: { memberId: mobile.id } });
    expect(again.members.map((m) => m.id)).toEqual([mobile.id]);
    const elsewhere = await expectRefusedSaying(
      client.call(api.schedules.attachMember, { params: { id: second.id }, body: { memberId: mobile.id } }),
      scheduleRefusals.member_at_other_site,
    );
    expect(elsewhere).toEqual({
      details: { reason: 'member_at_other_site', memberId: mobile.id, hostSiteId: first.id },
      message: '该流动党员已编入其他服务点，请先移出',
    });
    const attaches = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'host_site.attach'), eq(auditLog.entityId, String(first.id))));
    expect(attaches).toHaveLength(1);
  });

  it('attaches only the unit’s own members, unless the secretariat does it', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const site = await client.call(api.schedules.createHostSite, { params: { unitId: member.unitId! }, body: { name: '服务站' } });
    const foreign = await createMember(server.db, { kind: 'mobile' });
    const refused = await expectRefused(
      client.call(api.schedules.attachMember, { params: { id: site.id }, body: { memberId: foreign.id } }),
      commonRefusals.not_found,
    );
    expect(refused.resource).toBe('本单位名册中的党员');
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    const attached = await secretary.client.call(api.schedules.attachMember, { params: { id: site.id }, body: { memberId: foreign.id } });
    expect(attached.members).toMatchObject([{ id: foreign.id }]);
    await expectRefused(
      client.call(api.schedules.attachMember, { params: { id: 987_654 }, body: { memberId: foreign.id } }),
      commonRefusals.not_found,
    );
  });
});

describe('POST /api/host-sites/:id/members/detach', () => {
  it('refuses to detach a member who is not there', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const site = await client.call(api.schedules.createHostSite, { params: { unitId: member.unitId! }, body: { name: '服务站' } });
    const mobile = await createMember(server.db, { unitId: member.unitId, kind: 'mobile' });
    const missing = await expectRefused(
      client.call(api.schedules.detachMember, { params: { id: site.id }, body: { memberId: mobile.id } }),
      commonRefusals.not_found,
    );
    expect(missing.resource).toBe('服务点中的该党员');
  });
});
