import { api, commonRefusals } from '@zhijian/shared';
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

describe('GET /api/audit', () => {
  it('lists entries newest first, with who acted, and filters by entity', async () => {
    const { member, client } = await signedInMember(server, ['secretariat']);
    const at = server.clock.now();
    await server.db.insert(auditLog).values([
      { actorId: member.id, action: 'thing.create', entity: 'thing', entityId: '1', after: { name: '一' }, at },
      { actorId: null, action: 'thing.update', entity: 'thing', entityId: '1', before: { name: '一' }, after: { name: '二' }, at },
      { actorId: member.id, action: 'other.create', entity: 'other', entityId: '9', at },
    ]);
    const page = await client.call(api.audit.list, { query: { entity: 'thing' } });
    expect(page).toMatchObject({ pageSize: 20, nextBefore: null });
    expect(page.items).toEqual([
      expect.objectContaining({ action: 'thing.update', actorId: null, actorName: null, before: { name: '一' }, after: { name: '二' } }),
      expect.objectContaining({ action: 'thing.create', actorId: member.id, actorName: member.name, before: null, at: at.toISOString() }),
    ]);
  });

  it('pages the log by position, newest first, saying whether more follow without counting', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const at = server.clock.now();
    await server.db
      .insert(auditLog)
      .values(Array.from({ length: 5 }, (_, i) => ({ action: 'page.test', entity: 'paged', entityId: String(i), at })));
    const first = await client.call(api.audit.list, { query: { entity: 'paged', pageSize: 3 } });
    expect(first.nextBefore).toBe(first.items[2]!.id);
    // An entry written meanwhile does not shift the next page.
    await server.db.insert(auditLog).values({ action: 'page.test', entity: 'paged', entityId: 'new', at });
    const second = await client.call(api.audit.list, { query: { entity: 'paged', pageSize: 3, before: first.nextBefore! } });
    expect(second.nextBefore).toBeNull();
    expect([...first.items, ...second.items].map((e) => e.entityId)).toEqual(['4', '3', '2', '1', '0']);
    const exact = await client.call(api.audit.list, { query: { entity: 'paged', pageSize: 6 } });
    expect(exact.items).toHaveLength(6);
    expect(exact.nextBefore).toBeNull();
    const all = await client.call(api.audit.list, { query: { pageSize: 100 } });
    expect(all.items.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a position that is not an id', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const url = client.url(api.audit.list, {});
    for (const before of ['abc', '-1', '0', '99999999999']) {
      const response = await fetch(`${url}?before=${before}`, { headers: client.headers() });
      expect(response.status).toBe(400);
    }
  });

  it('is for the secretariat only', async () => {
    const { client } = await signedInMember(server, ['unit_admin']);
    await expectRefused(client.call(api.audit.list), commonRefusals.forbidden);
  });

  it('refuses a page out of range with the field named', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const details = await expectRefused(client.call(api.audit.list, { query: { pageSize: 1000 } }), commonRefusals.invalid_fields);
    expect(details.issues).toEqual([expect.objectContaining({ path: 'query.pageSize' })]);
  });
});
