import { api, commonRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/src/db/schema';
import { createMember, signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/audit', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.audit.list), commonRefusals.unauthorized);
  });

  it('lists entries newest first, with who acted, in Chinese, and filters by entity', async () => {
    const { member, client } = await signedInMember(server, ['secretariat']);
    const at = server.clock.now();
    await server.db.insert(auditLog).values([
      { actorId: member.id, action: 'group.create', entity: 'group', entityId: '1', after: { name: '一' }, at },
      { actorId: null, action: 'group.update', entity: 'group', entityId: '1', before: { name: '一' }, after: { name: '二' }, at },
      { actorId: member.id, action: 'branch.create', entity: 'branch', entityId: '9', at },
    ]);
    const page = await client.call(api.audit.list, { query: { entity: 'group' } });
    expect(page).toMatchObject({ pageSize: 20, nextBefore: null });
    expect(page.items).toEqual([
      expect.objectContaining({
        action: 'group.update',
        actionName: '修改片组',
        entityName: '片组',
        summary: '修改 名称：一 → 二',
        actorId: null,
        actorName: null,
        before: { name: '一' },
        after: { name: '二' },
      }),
      expect.objectContaining({
        action: 'group.create',
        summary: '「一」',
        actorId: member.id,
        actorName: member.name,
        before: null,
        at: at.toISOString(),
      }),
    ]);
  });

  it('pages the log by position, newest first, saying whether more follow without counting', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const at = server.clock.now();
    await server.db
      .insert(auditLog)
      .values(Array.from({ length: 5 }, (_, i) => ({ action: 'dues.record', entity: 'dues_payment', entityId: String(i), at })));
    const first = await client.call(api.audit.list, { query: { entity: 'dues_payment', pageSize: 3 } });
    expect(first.nextBefore).toBe(first.items[2]!.id);
    // An entry written meanwhile does not shift the next page.
    await server.db.insert(auditLog).values({ action: 'dues.record', entity: 'dues_payment', entityId: 'new', at });
    const second = await client.call(api.audit.list, { query: { entity: 'dues_payment', pageSize: 3, before: first.nextBefore! } });
    expect(second.nextBefore).toBeNull();
    expect([...first.items, ...second.items].map((e) => e.entityId)).toEqual(['4', '3', '2', '1', '0']);
    const exact = await client.call(api.audit.list, { query: { entity: 'dues_payment', pageSize: 6 } });
    expect(exact.items).toHaveLength(6);
    expect(exact.nextBefore).toBeNull();
    const all = await client.call(api.audit.list, { query: { pageSize: 100 } });
    expect(all.items.length).toBeGreaterThanOrEqual(6);
  });

  it('filters by action, by part of the actor’s name and by Shanghai days, paging the filtered walk', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const actor = await createMember(server.db, { name: '筛选甲' });
    const other = await createMember(server.db, { name: '别人乙' });
    // 2026-03-01 00:30 in Shanghai is still 2026-02-28 in UTC: days are Shanghai's.
    const earlyMarch = new Date('2026-02-28T16:30:00Z');
    const lateFeb = new Date('2026-02-28T15:30:00Z');
    const april = new Date('2026-04-02T04:00:00Z');
    await server.db.insert(auditLog).values([
      { actorId: actor.id, action: 'topic.create', entity: 'research_topic', entityId: '1', at: lateFeb },
      { actorId: actor.id, action: 'topic.create', entity: 'research_topic', entityId: '2', at: earlyMarch },
      { actorId: other.id, action: 'topic.create', entity: 'research_topic', entityId: '3', at: earlyMarch },
      { actorId: actor.id, action: 'topic.update', entity: 'research_topic', entityId: '2', at: earlyMarch },
      { actorId: actor.id, action: 'topic.create', entity: 'research_topic', entityId: '4', at: april },
    ]);
    const ids = async (query: Parameters<typeof client.call<typeof api.audit.list>>[1]) =>
      (await client.call(api.audit.list, query)).items.map((e) => e.entityId);
    expect(await ids({ query: { action: 'topic.create', actor: '筛选' } })).toEqual(['4', '2', '1']);
    expect(await ids({ query: { action: 'topic.create', from: '2026-03-01', to: '2026-03-31' } })).toEqual(['3', '2']);
    expect(await ids({ query: { actor: '筛选甲', to: '2026-02-28' } })).toEqual(['1']);
    expect(await ids({ query: { actor: '筛选甲', from: '2026-04-02', to: '2026-04-02' } })).toEqual(['4']);
    const first = await client.call(api.audit.list, { query: { actor: '筛选甲', pageSize: 2 } });
    expect(first.items.map((e) => e.entityId)).toEqual(['4', '2']);
    const second = await client.call(api.audit.list, { query: { actor: '筛选甲', pageSize: 2, before: first.nextBefore! } });
    expect(second.items.map((e) => e.entityId)).toEqual(['2', '1']);
    expect(second.nextBefore).toBeNull();
    // `%` is a character of a name, not a wildcard.
    expect(await ids({ query: { actor: '%' } })).toEqual([]);
  });

  it('refuses a position that is not an id', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const url = client.url(api.audit.list, {});
    for (const before of ['abc', '-1', '0', '99999999999']) {
      const response = await fetch(`${url}?before=${before}`, { headers: client.headers() });
      expect(response.status).toBe(400);
    }
  });

  it('refuses filters out of shape, naming the field in Chinese', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const url = client.url(api.audit.list, {});
    const cases: [string, string, string][] = [
      ['action=unit.explode', 'query.action', '操作'],
      ['entity=thing', 'query.entity', '对象类型'],
      ['from=2026/9/1', 'query.from', '开始日期'],
      ['from=2026-03-02&to=2026-03-01', 'query.to', '结束日期'],
    ];
    for (const [search, path, label] of cases) {
      const response = await fetch(`${url}?${search}`, { headers: client.headers() });
      expect(response.status, search).toBe(400);
      const body = (await response.json()) as { error: { message: string; details: { issues: { path: string; label?: string }[] } } };
      expect(body.error.details.issues[0]).toMatchObject({ path, label });
      expect(body.error.message).toContain(label);
      expect(body.error.message).not.toContain('query.');
    }
  });

  it('is for the secretariat only', async () => {
    for (const roles of [['unit_admin'], ['member'], ['reviewer']] as const) {
      const { client } = await signedInMember(server, [...roles]);
      await expectRefused(client.call(api.audit.list, { query: { action: 'unit.create' } }), commonRefusals.forbidden);
    }
  });

  it('refuses a page out of range with the field named', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const details = await expectRefused(client.call(api.audit.list, { query: { pageSize: 1000 } }), commonRefusals.invalid_fields);
    expect(details.issues).toEqual([expect.objectContaining({ path: 'query.pageSize', label: '每页条数' })]);
  });
});
