import { api, commonRefusals, groupRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, createUnit, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/groups', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.groups.list), commonRefusals.unauthorized);
  });

  it('lists groups with their unit counts to any signed-in member', async () => {
    const group = await createGroup(server.db, { name: '第九片组', sortOrder: 9 });
    await createUnit(server.db, { groupId: group.id });
    await createUnit(server.db, { groupId: group.id });
    const { client } = await signedInMember(server, ['member']);
    const { items } = await client.call(api.groups.list);
    expect(items.find((g) => g.id === group.id)).toMatchObject({ name: '第九片组', unitCount: 2 });
  });
});

describe('POST /api/groups', () => {
  it('lets the secretariat create, rename and delete an empty group, each audited', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const created = await client.call(api.groups.create, { body: { name: '新片组', sortOrder: 20 } });
    expect(created).toMatchObject({ name: '新片组', sortOrder: 20, unitCount: 0 });
    const renamed = await client.call(api.groups.update, { params: { id: created.id }, body: { name: '更名片组' } });
    expect(renamed.name).toBe('更名片组');
    await client.call(api.groups.remove, { params: { id: created.id } });
    const log = await client.call(api.audit.list, { query: { entity: 'group' } });
    const actions = log.items.filter((e) => e.entityId === String(created.id)).map((e) => e.action);
    expect(actions).toEqual(['group.delete', 'group.update', 'group.create']);
    const update = log.items.find((e) => e.action === 'group.update' && e.entityId === String(created.id))!;
    expect(update.before).toMatchObject({ name: '新片组' });
    expect(update.after).toMatchObject({ name: '更名片组' });
  });

  it('refuses an empty name, naming the field in Chinese', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const { issues } = await expectRefused(client.call(api.groups.create, { body: { name: '  ' } }), commonRefusals.invalid_fields);
    expect(issues).toEqual([expect.objectContaining({ path: 'body.name', label: '片组名称' })]);
  });

  it('refuses a member who is not the secretariat', async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    await expectRefused(client.call(api.groups.create, { body: { name: '越权片组' } }), commonRefusals.forbidden);
  });
});

describe('PATCH /api/groups/:id', () => {
  it('changes only the fields it names: a rename keeps the order', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const group = await createGroup(server.db, { sortOrder: 7 });
    const renamed = await client.call(api.groups.update, { params: { id: group.id }, body: { name: '只改名字' } });
    expect(renamed).toMatchObject({ name: '只改名字', sortOrder: 7 });
  });

  it('refuses an empty change and an unknown group', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const group = await createGroup(server.db);
    await expectRefused(client.call(api.groups.update, { params: { id: group.id }, body: {} }), commonRefusals.invalid_fields);
    const missing = await expectRefused(
      client.call(api.groups.update, { params: { id: 987_654 }, body: { name: '不存在' } }),
      commonRefusals.not_found,
    );
    expect(missing.resource).toBe('片组');
  });
});

describe('DELETE /api/groups/:id', () => {
  it('refuses to delete a group that still has units, saying how many', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const group = await createGroup(server.db);
    await createUnit(server.db, { groupId: group.id });
    const details = await expectRefused(client.call(api.groups.remove, { params: { id: group.id } }), groupRefusals.group_has_units);
    expect(details.unitCount).toBe(1);
    const { items } = await client.call(api.groups.list);
    expect(items.map((g) => g.id)).toContain(group.id);
  });
});
