import { api, type ApiError } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBranch, createGroup, createMember, createUnit, signedInMember } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined as never,
    (error: ApiError) => error,
  );

describe('members (roster)', () => {
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
    for (let i = 0; i < 5; i += 1) await createMember(server.db, { unitId: member.unitId, name: `翻页${i}` });
    const first = await client.call(api.members.list, { params: { unitId: member.unitId! }, query: { page: 1, pageSize: 4 } });
    const second = await client.call(api.members.list, { params: { unitId: member.unitId! }, query: { page: 2, pageSize: 4 } });
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect(first.total).toBe(6);
    const byName = await client.call(api.members.list, { params: { unitId: member.unitId! }, query: { q: '翻页3' } });
    expect(byName.items.map((m) => m.name)).toEqual(['翻页3']);
  });

  it("refuses a unit admin another unit's roster", async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    const other = await createUnit(server.db);
    const stranger = await createMember(server.db, { unitId: other.id });
    expect((await failure(client.call(api.members.list, { params: { unitId: other.id } }))).status).toBe(403);
    expect((await failure(client.call(api.members.update, { params: { id: stranger.id }, body: { name: '改名' } }))).status).toBe(403);
    expect((await failure(client.call(api.members.remove, { params: { id: stranger.id } }))).status).toBe(403);
  });

  it('adds, edits and removes a roster entry, with a normalised phone and an audit trail', async () => {
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
    const edited = await client.call(api.members.update, { params: { id: created.id }, body: { roles: ['member', 'info_officer'] } });
    expect(edited.roles).toEqual(['member', 'info_officer']);
    await client.call(api.members.remove, { params: { id: created.id } });
    const { client: desk } = await signedInMember(server, ['secretariat']);
    const log = await desk.call(api.audit.list, { query: { entity: 'member', pageSize: 100 } });
    const trail = log.items.filter((e) => e.entityId === String(created.id));
    expect(trail.map((e) => e.action)).toEqual(['member.delete', 'member.update', 'member.create']);
    expect(trail.every((e) => e.actorId === member.id)).toBe(true);
    expect(JSON.stringify(trail)).not.toContain('13912345678');
  });

  it('refuses a bad phone, a duplicate phone in the unit and a branch of another unit', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const params = { unitId: member.unitId! };
    const badPhone = await failure(client.call(api.members.create, { params, body: { name: '甲', phone: '12345' } }));
    expect(badPhone.status).toBe(400);
    expect(badPhone.details?.issues).toEqual([expect.objectContaining({ path: 'body.phone' })]);
    await client.call(api.members.create, { params, body: { name: '乙', phone: '13700001111' } });
    const duplicate = await failure(client.call(api.members.create, { params, body: { name: '丙', phone: '13700001111' } }));
    expect(duplicate.status).toBe(409);
    const foreignBranch = await createBranch(server.db, (await createUnit(server.db)).id);
    const wrongBranch = await failure(
      client.call(api.members.create, { params, body: { name: '丁', phone: '13700002222', branchId: foreignBranch.id } }),
    );
    expect(wrongBranch.status).toBe(400);
  });

  it('lets only the secretariat grant reviewer or secretariat roles', async () => {
    const { member, client } = await signedInMember(server, ['unit_admin']);
    const error = await failure(
      client.call(api.members.create, {
        params: { unitId: member.unitId! },
        body: { name: '戊', phone: '13700003333', roles: ['reviewer'] },
      }),
    );
    expect(error.status).toBe(403);
    const { client: desk } = await signedInMember(server, ['secretariat']);
    const granted = await desk.call(api.members.create, {
      params: { unitId: member.unitId! },
      body: { name: '戊', phone: '13700003333', roles: ['member', 'reviewer'] },
    });
    expect(granted.roles).toEqual(['member', 'reviewer']);
  });

  it('keeps an admin from removing themselves or their own admin role', async () => {
    const { member, client } = await signedInMember(server, ['member', 'unit_admin']);
    expect((await failure(client.call(api.members.remove, { params: { id: member.id } }))).status).toBe(409);
    expect((await failure(client.call(api.members.update, { params: { id: member.id }, body: { roles: ['member'] } }))).status).toBe(409);
  });
});
