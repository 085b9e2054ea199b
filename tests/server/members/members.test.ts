import { api, commonRefusals, memberRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBranch, createMember, createUnit, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/units/:unitId/members', () => {
  it('lists the unit roster with every phone masked', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    await createMember(server.db, { unitId: member.unitId, name: '周敏', phone: '13812341234' });
    const page = await client.call(api.members.list, { params: { unitId: member.unitId! } });
    expect(page.total).toBe(2);
    expect(page.items.find((m) => m.name === '周敏')?.phoneMasked).toBe('138****1234');
    expect(JSON.stringify(page)).not.toContain('13812341234');
  });

  it('pages and searches by name or phone tail', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const params = { unitId: member.unitId! };
    for (let i = 0; i < 5; i += 1) await createMember(server.db, { unitId: member.unitId, name: `翻页${i}` });
    const first = await client.call(api.members.list, { params, query: { page: 1, pageSize: 4 } });
    const second = await client.call(api.members.list, { params, query: { page: 2, pageSize: 4 } });
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect(first.total).toBe(6);
    const byName = await client.call(api.members.list, { params, query: { q: '翻页3' } });
    expect(byName.items.map((m) => m.name)).toEqual(['翻页3']);
    await createMember(server.db, { unitId: member.unitId, name: '尾号', phone: '13912348765' });
    const byTail = await client.call(api.members.list, { params, query: { q: '8765' } });
    expect(byTail.items.map((m) => m.name)).toEqual(['尾号']);
    // A phone is matched by its end only: the middle digits find nothing.
    expect((await client.call(api.members.list, { params, query: { q: '1234' } })).total).toBe(0);
  });

  it('takes %, _ and \\ in a search as the characters typed', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const params = { unitId: member.unitId! };
    await createMember(server.db, { unitId: member.unitId, name: '百分_之百' });
    expect((await client.call(api.members.list, { params, query: { q: '%' } })).total).toBe(0);
    expect((await client.call(api.members.list, { params, query: { q: '_' } })).items.map((m) => m.name)).toEqual(['百分_之百']);
    expect((await client.call(api.members.list, { params, query: { q: '之百\\' } })).total).toBe(0);
  });

  it("refuses a unit admin another unit's roster", async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    const other = await createUnit(server.db);
    await expectRefused(client.call(api.members.list, { params: { unitId: other.id } }), commonRefusals.forbidden);
  });
});

describe('POST /api/units/:unitId/members', () => {
  it('adds a roster entry with a normalised phone, audited', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const branch = await createBranch(server.db, member.unitId!);
    const created = await client.call(api.members.create, {
      params: { unitId: member.unitId! },
      body: { name: '吴芳', phone: '+86 139-1234-5678', kind: 'mobile', branchId: branch.id },
    });
    expect(created).toMatchObject({
      name: '吴芳',
      phoneMasked: '139****5678',
      kind: 'mobile',
      branchName: branch.name,
      roles: ['member'],
      bound: false,
    });
  });

  it('refuses a bad phone, a phone already on the roster and a branch of another unit', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const params = { unitId: member.unitId! };
    const badPhone = await expectRefused(
      client.call(api.members.create, { params, body: { name: '甲', phone: '12345' } }),
      commonRefusals.invalid_fields,
    );
    expect(badPhone.issues).toEqual([expect.objectContaining({ path: 'body.phone', label: '手机号' })]);
    await client.call(api.members.create, { params, body: { name: '乙', phone: '13700001111' } });
    await expectRefused(
      client.call(api.members.create, { params, body: { name: '丙', phone: '137 0000 1111' } }),
      memberRefusals.phone_taken,
    );
    const foreignBranch = await createBranch(server.db, (await createUnit(server.db)).id);
    const wrongBranch = await expectRefused(
      client.call(api.members.create, { params, body: { name: '丁', phone: '13700002222', branchId: foreignBranch.id } }),
      commonRefusals.invalid_fields,
    );
    expect(wrongBranch.issues).toEqual([{ path: 'body.branchId', label: '党组织', message: '所选党组织不属于本单位' }]);
  });

  it('answers a unit that does not exist with 404', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const missing = await expectRefused(
      client.call(api.members.create, { params: { unitId: 987654 }, body: { name: '无', phone: '13700004444' } }),
      commonRefusals.not_found,
    );
    expect(missing.resource).toBe('单位');
  });

  it('lets only the secretariat grant reviewer or secretariat roles', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const body = { name: '戊', phone: '13700003333', roles: ['member' as const, 'reviewer' as const] };
    const refused = await expectRefused(
      client.call(api.members.create, { params: { unitId: member.unitId! }, body }),
      memberRefusals.role_reserved_for_secretariat,
    );
    expect(refused.roles).toEqual(['reviewer']);
    const { client: desk } = await signedInMember(server, ['secretariat']);
    const granted = await desk.call(api.members.create, { params: { unitId: member.unitId! }, body });
    expect(granted.roles).toEqual(['member', 'reviewer']);
  });
});

describe('PATCH /api/members/:id', () => {
  it('changes only the fields it names', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const branch = await createBranch(server.db, member.unitId!);
    const entry = await createMember(server.db, {
      unitId: member.unitId,
      kind: 'mobile',
      roles: ['member', 'info_officer'],
      branchId: branch.id,
    });
    const renamed = await client.call(api.members.update, { params: { id: entry.id }, body: { name: '改名后' } });
    expect(renamed).toMatchObject({ name: '改名后', kind: 'mobile', roles: ['member', 'info_officer'], branchId: branch.id });
    const moved = await client.call(api.members.update, { params: { id: entry.id }, body: { branchId: null } });
    expect(moved).toMatchObject({ name: '改名后', branchId: null, branchName: null });
  });

  it('answers an empty change with 400', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const entry = await createMember(server.db, { unitId: member.unitId });
    await expectRefused(client.call(api.members.update, { params: { id: entry.id }, body: {} }), commonRefusals.invalid_fields);
  });

  it('refuses a phone another entry of the unit has, and a branch of another unit', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const entry = await createMember(server.db, { unitId: member.unitId });
    await expectRefused(
      client.call(api.members.update, { params: { id: entry.id }, body: { phone: member.phone } }),
      memberRefusals.phone_taken,
    );
    const same = await client.call(api.members.update, { params: { id: entry.id }, body: { phone: entry.phone, name: '同号' } });
    expect(same.name).toBe('同号');
    const foreignBranch = await createBranch(server.db, (await createUnit(server.db)).id);
    await expectRefused(
      client.call(api.members.update, { params: { id: entry.id }, body: { branchId: foreignBranch.id } }),
      commonRefusals.invalid_fields,
    );
  });

  it("refuses a unit admin another unit's entry, and hides accounts outside any unit", async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    const stranger = await createMember(server.db, { unitId: (await createUnit(server.db)).id });
    await expectRefused(client.call(api.members.update, { params: { id: stranger.id }, body: { name: '改名' } }), commonRefusals.forbidden);
    const expert = await createMember(server.db, { unitId: null, roles: ['reviewer'] });
    const hidden = await expectRefused(
      client.call(api.members.update, { params: { id: expert.id }, body: { name: '改名' } }),
      commonRefusals.not_found,
    );
    expect(hidden.resource).toBe('党员');
    const { client: desk } = await signedInMember(server, ['secretariat']);
    expect((await desk.call(api.members.update, { params: { id: expert.id }, body: { name: '专家' } })).name).toBe('专家');
  });

  it('lets a unit admin neither grant nor take away reviewer or secretariat roles', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const expert = await createMember(server.db, { unitId: member.unitId, roles: ['member', 'reviewer'] });
    const plain = await createMember(server.db, { unitId: member.unitId, roles: ['member'] });
    const attempts = [
      { id: expert.id, roles: ['member' as const], refused: ['reviewer'] },
      { id: expert.id, roles: ['member' as const, 'info_officer' as const], refused: ['reviewer'] },
      { id: plain.id, roles: ['member' as const, 'secretariat' as const], refused: ['secretariat'] },
      { id: expert.id, roles: ['member' as const, 'secretariat' as const], refused: ['reviewer', 'secretariat'] },
    ];
    for (const { id, roles, refused } of attempts) {
      const details = await expectRefused(
        client.call(api.members.update, { params: { id }, body: { roles } }),
        memberRefusals.role_reserved_for_secretariat,
      );
      expect(details.roles).toEqual(refused);
    }
    // The roles a unit admin manages still change around a reviewer role they leave alone.
    const kept = await client.call(api.members.update, {
      params: { id: expert.id },
      body: { roles: ['member', 'reviewer', 'info_officer'] },
    });
    expect(kept.roles).toEqual(['member', 'reviewer', 'info_officer']);
    const { client: desk } = await signedInMember(server, ['secretariat']);
    const stripped = await desk.call(api.members.update, { params: { id: expert.id }, body: { roles: ['member'] } });
    expect(stripped.roles).toEqual(['member']);
  });

  it('keeps an admin from removing their own admin role', async () => {
    const { member, client } = await signedInMember(server, ['member', 'unit_admin']);
    await expectRefused(
      client.call(api.members.update, { params: { id: member.id }, body: { roles: ['member'] } }),
      memberRefusals.cannot_drop_own_admin_role,
    );
    const renamed = await client.call(api.members.update, { params: { id: member.id }, body: { name: '自己改名' } });
    expect(renamed.roles).toEqual(['member', 'unit_admin']);
  });
});

describe('DELETE /api/members/:id', () => {
  it("refuses a unit admin another unit's entry", async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    const stranger = await createMember(server.db, { unitId: (await createUnit(server.db)).id });
    await expectRefused(client.call(api.members.remove, { params: { id: stranger.id } }), commonRefusals.forbidden);
  });

  it('keeps an admin from removing themselves', async () => {
    const { member, client } = await signedInMember(server, ['member', 'unit_admin']);
    await expectRefused(client.call(api.members.remove, { params: { id: member.id } }), memberRefusals.cannot_remove_self);
  });

  it('answers an entry that does not exist with 404', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    await expectRefused(client.call(api.members.remove, { params: { id: 987654 } }), commonRefusals.not_found);
  });
});

describe('the audit trail of a roster entry', () => {
  it('records who added, edited and removed it, without the full phone', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const created = await client.call(api.members.create, {
      params: { unitId: member.unitId! },
      body: { name: '留痕', phone: '13912345678' },
    });
    const edited = await client.call(api.members.update, { params: { id: created.id }, body: { roles: ['member', 'info_officer'] } });
    expect(edited.roles).toEqual(['member', 'info_officer']);
    await client.call(api.members.remove, { params: { id: created.id } });
    const { client: desk } = await signedInMember(server, ['secretariat']);
    const log = await desk.call(api.audit.list, { query: { entity: 'member', pageSize: 100 } });
    const trail = log.items.filter((e) => e.entityId === String(created.id));
    expect(trail.map((e) => e.action)).toEqual(['member.delete', 'member.update', 'member.create']);
    expect(trail.every((e) => e.actorId === member.id && e.actorName === member.name)).toBe(true);
    expect(trail[1]).toMatchObject({ before: { roles: ['member'] }, after: { roles: ['member', 'info_officer'] } });
    expect(JSON.stringify(trail)).not.toContain('13912345678');
  });
});
