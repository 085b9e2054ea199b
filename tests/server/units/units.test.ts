import { api, commonRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, createUnit, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/units', () => {
  it('lets the secretariat create a unit with a fresh invite code, and list and filter units', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const group = await createGroup(server.db);
    const unit = await client.call(api.units.create, { body: { name: '四季青测试市场', kind: 'market', groupId: group.id } });
    expect(unit.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(unit).toMatchObject({ kind: 'market', groupId: group.id, memberCount: 0, branches: [] });
    const page = await client.call(api.units.list, { query: { groupId: group.id } });
    expect(page.items.map((u) => u.name)).toEqual(['四季青测试市场']);
    expect(page.items[0]).not.toHaveProperty('inviteCode');
    const search = await client.call(api.units.list, { query: { q: '四季青测试' } });
    expect(search.total).toBe(1);
  });

  it('takes %, _ and \\ in a search as the characters typed', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    await createUnit(server.db, { name: '百分之百_联合会' });
    expect((await client.call(api.units.list, { query: { q: '%' } })).total).toBe(0);
    expect((await client.call(api.units.list, { query: { q: '之百_联' } })).total).toBe(1);
    expect((await client.call(api.units.list, { query: { q: '_' } })).items.map((u) => u.name)).toEqual(['百分之百_联合会']);
    expect((await client.call(api.units.list, { query: { q: '联合会\\' } })).total).toBe(0);
  });

  it('is for the secretariat only', async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    await expectRefused(client.call(api.units.list), commonRefusals.forbidden);
  });
});

describe('POST /api/units', () => {
  it('refuses an unknown kind and a missing group', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const badKind = await expectRefused(
      client.call(api.units.create, { body: { name: '某单位', kind: 'bank' as never, groupId: 1 } }),
      commonRefusals.invalid_fields,
    );
    expect(badKind.issues).toEqual([expect.objectContaining({ path: 'body.kind', label: '单位类型' })]);
    const noGroup = await expectRefused(
      client.call(api.units.create, { body: { name: '某单位', kind: 'enterprise', groupId: 987654 } }),
      commonRefusals.not_found,
    );
    expect(noGroup.resource).toBe('片组');
  });
});

describe('GET /api/units/:id', () => {
  it('shows a unit admin their own unit and refuses another', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const own = await client.call(api.units.get, { params: { id: member.unitId! } });
    expect(own.id).toBe(member.unitId);
    const other = await createUnit(server.db);
    await expectRefused(client.call(api.units.get, { params: { id: other.id } }), commonRefusals.forbidden);
  });
});

describe('PATCH /api/units/:id', () => {
  it('changes only the fields it names, audited', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const unit = await createUnit(server.db, { kind: 'college' });
    const renamed = await client.call(api.units.update, { params: { id: unit.id }, body: { name: '更名后的学院' } });
    expect(renamed).toMatchObject({ name: '更名后的学院', kind: 'college', groupId: unit.groupId });
    const log = await client.call(api.audit.list, { query: { entity: 'unit' } });
    expect(log.items.find((e) => e.entityId === String(unit.id))).toMatchObject({ action: 'unit.update' });
  });

  it('answers an empty change with 400, not a server error, and changes nothing', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const unit = await createUnit(server.db);
    const { issues } = await expectRefused(
      client.call(api.units.update, { params: { id: unit.id }, body: {} }),
      commonRefusals.invalid_fields,
    );
    expect(issues[0]?.message).toBe('请填写要修改的内容');
    expect((await client.call(api.units.get, { params: { id: unit.id } })).name).toBe(unit.name);
  });

  it('refuses a move into a group that does not exist', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const unit = await createUnit(server.db);
    await expectRefused(client.call(api.units.update, { params: { id: unit.id }, body: { groupId: 987_654 } }), commonRefusals.not_found);
    expect((await client.call(api.units.get, { params: { id: unit.id } })).groupId).toBe(unit.groupId);
  });
});

describe('POST /api/units/:id/invite-code', () => {
  it('rotates the invite code so the old one stops binding', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const before = await client.call(api.units.get, { params: { id: member.unitId! } });
    const after = await client.call(api.units.rotateInviteCode, { params: { id: member.unitId! } });
    expect(after.inviteCode).not.toBe(before.inviteCode);
  });

  it("refuses another unit's admin", async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    const other = await createUnit(server.db);
    await expectRefused(client.call(api.units.rotateInviteCode, { params: { id: other.id } }), commonRefusals.forbidden);
  });
});

describe('POST /api/units/:id/branches', () => {
  it('adds branches to a unit, refusing duplicates', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const branch = await client.call(api.units.createBranch, { params: { id: member.unitId! }, body: { name: '第一党支部' } });
    expect(branch).toMatchObject({ unitId: member.unitId, name: '第一党支部' });
    await expectRefused(
      client.call(api.units.createBranch, { params: { id: member.unitId! }, body: { name: '第一党支部' } }),
      commonRefusals.conflicting_data,
    );
  });
});
