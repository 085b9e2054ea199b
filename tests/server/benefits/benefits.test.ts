import { api, commonRefusals, type ApiClient } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../server/src/db/schema';
import { signedInMember } from '../../support/factories';
import { outsider, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const create = (client: ApiClient, unitId: number, overrides: Record<string, unknown> = {}) =>
  client.call(api.benefits.create, {
    params: { unitId },
    body: { name: '优先参加疗休养', description: '年度学习积分达到门槛的党员优先', measure: 'study', threshold: 10, ...overrides },
  });

async function auditActions(entityId: number) {
  const rows = await server.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, String(entityId)));
  return rows.filter((row) => row.entity === 'benefit').map((row) => row.action);
}

describe('POST /api/units/:unitId/benefits (create)', () => {
  it('lets the unit’s admin add a benefit, audited', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const benefit = await create(admin.client, unitId);
    expect(benefit).toEqual({
      id: expect.any(Number),
      unitId,
      name: '优先参加疗休养',
      description: '年度学习积分达到门槛的党员优先',
      measure: 'study',
      measureLabel: '学习积分',
      threshold: 10,
    });
    expect(await auditActions(benefit.id)).toEqual(['benefit.create']);
  });

  it('refuses a member, another unit’s admin and the secretariat', async () => {
    const { unitId, alice } = await unitWithPeople(server);
    await expectRefused(create(alice.client, unitId), commonRefusals.forbidden);
    const other = await unitWithPeople(server);
    await expectRefused(create(other.admin.client, unitId), commonRefusals.forbidden);
    const desk = await signedInMember(server, ['secretariat']);
    await expectRefused(create(desk.client, unitId), commonRefusals.forbidden);
  });

  it('refuses a short name, an unknown measure and a threshold out of range, naming the fields', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const cases = [
      { overrides: { name: '甲' }, label: '权益名称' },
      { overrides: { measure: 'wealth' }, label: '依据' },
      { overrides: { threshold: 10_001 }, label: '门槛' },
    ];
    for (const { overrides, label } of cases) {
      const details = await expectRefused(create(admin.client, unitId, overrides), commonRefusals.invalid_fields);
      expect(details.issues).toEqual([expect.objectContaining({ label })]);
    }
  });
});

describe('GET /api/units/:unitId/benefits (listForUnit)', () => {
  it('shows the unit’s benefits to its members, its admins and the secretariat, by measure and threshold', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const high = await create(admin.client, unitId, { name: '评优优先', measure: 'index', threshold: 90 });
    const low = await create(admin.client, unitId, { name: '学习之星', measure: 'study', threshold: 5 });
    const mid = await create(admin.client, unitId, { name: '学习标兵', measure: 'study', threshold: 15 });
    const other = await unitWithPeople(server);
    await create(other.admin.client, other.unitId, { name: '别的单位的权益' });
    const desk = await signedInMember(server, ['secretariat']);
    for (const client of [alice.client, admin.client, desk.client]) {
      const { items } = await client.call(api.benefits.listForUnit, { params: { unitId } });
      expect(items.map((item) => item.id)).toEqual([high.id, low.id, mid.id]);
    }
  });

  it('refuses another unit’s member and admin, and answers 404 for an unknown unit', async () => {
    const { unitId } = await unitWithPeople(server);
    const other = await unitWithPeople(server);
    for (const client of [other.alice.client, other.admin.client]) {
      await expectRefused(client.call(api.benefits.listForUnit, { params: { unitId } }), commonRefusals.forbidden);
    }
    const loner = await outsider(server, ['member']);
    await expectRefused(loner.client.call(api.benefits.listForUnit, { params: { unitId } }), commonRefusals.forbidden);
    const desk = await signedInMember(server, ['secretariat']);
    await expectRefused(desk.client.call(api.benefits.listForUnit, { params: { unitId: 999_999 } }), commonRefusals.not_found);
  });
});

describe('PATCH /api/benefits/:id (update) and DELETE /api/benefits/:id (remove)', () => {
  it('lets the unit’s admin change and remove a benefit, audited', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const benefit = await create(admin.client, unitId);
    const changed = await admin.client.call(api.benefits.update, {
      params: { id: benefit.id },
      body: { threshold: 12, measure: 'activity' },
    });
    expect(changed).toMatchObject({ id: benefit.id, name: benefit.name, threshold: 12, measure: 'activity', measureLabel: '活动积分' });
    expect(await admin.client.call(api.benefits.remove, { params: { id: benefit.id } })).toEqual({ ok: true });
    expect((await alice.client.call(api.benefits.listForUnit, { params: { unitId } })).items).toEqual([]);
    expect(await auditActions(benefit.id)).toEqual(['benefit.create', 'benefit.update', 'benefit.remove']);
    await expectRefused(admin.client.call(api.benefits.remove, { params: { id: benefit.id } }), commonRefusals.not_found);
  });

  it('refuses a member, another unit’s admin and the secretariat, changing nothing', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const benefit = await create(admin.client, unitId);
    const other = await unitWithPeople(server);
    const desk = await signedInMember(server, ['secretariat']);
    for (const client of [alice.client, other.admin.client, desk.client]) {
      await expectRefused(
        client.call(api.benefits.update, { params: { id: benefit.id }, body: { threshold: 1 } }),
        commonRefusals.forbidden,
      );
      await expectRefused(client.call(api.benefits.remove, { params: { id: benefit.id } }), commonRefusals.forbidden);
    }
    expect((await alice.client.call(api.benefits.listForUnit, { params: { unitId } })).items).toEqual([benefit]);
  });

  it('refuses an empty change and an unknown benefit', async () => {
    const { unitId, admin } = await unitWithPeople(server);
    const benefit = await create(admin.client, unitId);
    await expectRefused(admin.client.call(api.benefits.update, { params: { id: benefit.id }, body: {} }), commonRefusals.invalid_fields);
    await expectRefused(
      admin.client.call(api.benefits.update, { params: { id: 999_999 }, body: { threshold: 3 } }),
      commonRefusals.not_found,
    );
  });
});
