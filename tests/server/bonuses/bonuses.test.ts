import { api, bonusRefusals, commonRefusals, DEFAULT_RECORD_SETTINGS, uploadRefusals, type ApiClient } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, bonusClaimPhotos, recordSettings } from '../../../server/src/db/schema';
import { createMember, signedInMember } from '../../support/factories';
import { closeYear, expectRefusedBody, outsider, postFile, setClock, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

const claim = (overrides: Partial<{ kindKey: string; occurredOn: string; description: string }> = {}) => ({
  kindKey: 'volunteer',
  occurredOn: '2026-11-08',
  description: '参加社区垃圾分类志愿服务半天',
  ...overrides,
});

async function declare(client: ApiClient, overrides: Parameters<typeof claim>[0] = {}) {
  return client.call(api.bonuses.declare, { body: claim(overrides) });
}

function photo(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#b91c1c' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' } })
    .toBuffer();
}

function uploadPhoto(client: ApiClient, claimId: number, data: Buffer | string, name = 'photo.jpg') {
  return postFile(client, client.url(api.bonuses.uploadPhoto, { params: { id: claimId } }), data, name);
}

async function fetchPhoto(client: ApiClient, photoId: number) {
  return fetch(client.url(api.bonuses.photo, { params: { id: photoId } }), { headers: client.headers() });
}

describe('POST /api/me/bonuses (declare)', () => {
  it('records the claim pending, with the kind’s name as declared and a first step on its timeline', async () => {
    const { unitId, alice } = await unitWithPeople(server);
    const created = await declare(alice.client);
    expect(created).toMatchObject({
      member: { id: alice.member.id, name: alice.member.name },
      unitId,
      kindKey: 'volunteer',
      kindName: '志愿服务',
      occurredOn: '2026-11-08',
      status: 'pending',
      statusLabel: '待审核',
      points: null,
      photos: [],
      decidedAt: null,
    });
    expect(created.timeline).toEqual([
      { action: 'declared', label: '提交申报', actor: alice.member.name, note: null, at: server.clock.now().toISOString() },
    ]);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bonus.declare'), eq(auditLog.entityId, String(created.id))));
    expect(entry?.actorId).toBe(alice.member.id);
  });

  it('takes the kinds from the record settings in force', async () => {
    const { alice } = await unitWithPeople(server);
    await expectRefused(declare(alice.client, { kindKey: 'blood_donation' }), bonusRefusals.bonus_kind_unknown).then((details) =>
      expect(details.kindKey).toBe('blood_donation'),
    );
    // A version saved later than now is not in force yet; one in force adds the kind.
    const settings = {
      ...DEFAULT_RECORD_SETTINGS,
      bonusKinds: [...DEFAULT_RECORD_SETTINGS.bonusKinds, { key: 'blood_donation', name: '无偿献血', minPoints: 2, maxPoints: 2 }],
    };
    await server.db
      .insert(recordSettings)
      .values({ effectiveFrom: new Date('2030-01-01T00:00:00Z'), settings, createdAt: server.clock.now() });
    await expectRefused(declare(alice.client, { kindKey: 'blood_donation' }), bonusRefusals.bonus_kind_unknown);
    await server.db
      .insert(recordSettings)
      .values({ effectiveFrom: new Date('2026-11-01T00:00:00Z'), settings, createdAt: server.clock.now() });
    expect(await declare(alice.client, { kindKey: 'blood_donation' })).toMatchObject({ kindName: '无偿献血' });
    await server.db.delete(recordSettings);
  });

  it('refuses a day after today (Shanghai), a closed year, a short description, and anyone off a unit’s roster', async () => {
    const { alice } = await unitWithPeople(server);
    // 2026-11-20 07:30 Shanghai is still the 19th in UTC: the 20th is today, the 21st is not.
    setClock(server, '2026-11-20 07:30:00');
    expect(await declare(alice.client, { occurredOn: '2026-11-20' })).toMatchObject({ status: 'pending' });
    await expectRefused(declare(alice.client, { occurredOn: '2026-11-21' }), bonusRefusals.bonus_date_in_future);
    await closeYear(server.db, 2019);
    expect(await expectRefused(declare(alice.client, { occurredOn: '2019-06-01' }), bonusRefusals.bonus_year_closed)).toMatchObject({
      year: 2019,
    });
    await expectRefused(declare(alice.client, { description: '好事' }), commonRefusals.invalid_fields);
    const unitless = await signedInMember(server, ['member'], { unitId: null });
    await expectRefused(declare(unitless.client), commonRefusals.forbidden);
    const admin = await outsider(server, ['unit_admin']);
    await expectRefused(declare(admin.client), commonRefusals.forbidden);
  });
});

describe('who sees a claim', () => {
  it('the member sees their own only; the unit’s admin and the secretariat see the unit’s; others are refused', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const mine = await declare(alice.client);
    await declare(bob.client, { description: '带教新入职党员熟悉岗位' });

    const page = await alice.client.call(api.bonuses.mine, {});
    expect(page.items.map((c) => c.member.id)).toEqual([alice.member.id]);
    expect(await alice.client.call(api.bonuses.get, { params: { id: mine.id } })).toMatchObject({ id: mine.id });
    await expectRefused(bob.client.call(api.bonuses.get, { params: { id: mine.id } }), bonusRefusals.bonus_not_own);
    const stranger = await outsider(server, ['member']);
    await expectRefused(stranger.client.call(api.bonuses.get, { params: { id: mine.id } }), bonusRefusals.bonus_not_own);

    expect(await admin.client.call(api.bonuses.get, { params: { id: mine.id } })).toMatchObject({ id: mine.id });
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    expect(await secretary.client.call(api.bonuses.get, { params: { id: mine.id } })).toMatchObject({ id: mine.id });
    expect((await secretary.client.call(api.bonuses.listForUnit, { params: { unitId }, query: {} })).total).toBe(2);

    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(otherAdmin.client.call(api.bonuses.get, { params: { id: mine.id } }), commonRefusals.forbidden);
    await expectRefused(otherAdmin.client.call(api.bonuses.listForUnit, { params: { unitId }, query: {} }), commonRefusals.forbidden);
    await expectRefused(alice.client.call(api.bonuses.listForUnit, { params: { unitId }, query: {} }), commonRefusals.forbidden);
    await expectRefused(alice.client.call(api.bonuses.get, { params: { id: 2_000_000 } }), commonRefusals.not_found);
  });

  it('lists the unit’s claims pending first, oldest pending first, and filters by status and member', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const first = await declare(alice.client);
    server.clock.advance(60_000);
    const second = await declare(bob.client, { kindKey: 'mentoring', description: '带教新入职党员熟悉岗位' });
    server.clock.advance(60_000);
    const third = await declare(alice.client, { kindKey: 'honour', description: '获评区级优秀志愿者称号' });
    await admin.client.call(api.bonuses.decide, { params: { id: first.id }, body: { approve: true, points: 2 } });
    const list = await admin.client.call(api.bonuses.listForUnit, { params: { unitId }, query: {} });
    expect(list.items.map((c) => c.id)).toEqual([second.id, third.id, first.id]);
    const pending = await admin.client.call(api.bonuses.listForUnit, { params: { unitId }, query: { status: 'pending' } });
    expect(pending.items.map((c) => c.id)).toEqual([second.id, third.id]);
    const alices = await admin.client.call(api.bonuses.listForUnit, { params: { unitId }, query: { memberId: alice.member.id } });
    expect(alices.items.map((c) => c.id).sort()).toEqual([first.id, third.id].sort());
  });
});

describe('photos', () => {
  it('are re-encoded without metadata, stored under a key of the server’s making, and served to the same people only', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const created = await declare(alice.client);
    const original = await photo(400, 300);
    const uploaded = await uploadPhoto(alice.client, created.id, original, '../../etc/passwd.jpg');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({ id: expect.any(Number), width: 400, height: 300 });
    const photoId = uploaded.body.id as number;
    const [row] = await server.db.select().from(bonusClaimPhotos).where(eq(bonusClaimPhotos.id, photoId));
    expect(row!.storageKey).toMatch(new RegExp(`^bonuses/${created.id}/[0-9a-f-]{36}\\.jpg$`));

    const served = await fetchPhoto(alice.client, photoId);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).exif).toBeUndefined();
    expect((await fetchPhoto(admin.client, photoId)).status).toBe(200);
    expect((await fetchPhoto(bob.client, photoId)).status).toBe(403);
    expect((await fetchPhoto((await outsider(server, ['unit_admin'])).client, photoId)).status).toBe(403);

    const detail = await alice.client.call(api.bonuses.get, { params: { id: created.id } });
    expect(detail.photos).toEqual([{ id: photoId, width: 400, height: 300 }]);
    expect(detail.timeline.map((step) => step.action)).toEqual(['declared', 'photo_added']);
  });

  it('are added by the declaring member only, while the claim is pending, and must be images', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const created = await declare(alice.client);
    expectRefusedBody(await uploadPhoto(bob.client, created.id, await photo()), bonusRefusals.bonus_not_own);
    expectRefusedBody(await uploadPhoto(admin.client, created.id, await photo()), bonusRefusals.bonus_not_own);
    expectRefusedBody(await uploadPhoto(alice.client, created.id, '这不是图片', 'a.jpg'), uploadRefusals.file_type_refused);
    expectRefusedBody(await uploadPhoto(alice.client, created.id, Buffer.alloc(0), 'a.jpg'), uploadRefusals.file_empty);
    expectRefusedBody(
      await uploadPhoto(alice.client, created.id, (await photo(800, 600)).subarray(0, 300)),
      uploadRefusals.file_unreadable,
    );
    await admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: false, note: '材料不足' } });
    const late = expectRefusedBody(await uploadPhoto(alice.client, created.id, await photo()), bonusRefusals.bonus_already_decided);
    expect(late.status).toBe('refused');
  });

  it('stop at nine, even when uploads arrive at once, and a refused one leaves no file behind', async () => {
    const { alice } = await unitWithPeople(server);
    const created = await declare(alice.client);
    const small = await photo();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => uploadPhoto(alice.client, created.id, small, `${i}.jpg`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(9);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(expectRefusedBody(r, uploadRefusals.too_many_files).limit).toBe(9);
    const rows = await server.db.select().from(bonusClaimPhotos).where(eq(bonusClaimPhotos.claimId, created.id));
    expect(rows).toHaveLength(9);
    const stored = server.storage.keys().filter((key) => key.startsWith(`bonuses/${created.id}/`));
    expect(stored.sort()).toEqual(rows.map((r) => r.storageKey).sort());
    expectRefusedBody(await uploadPhoto(alice.client, created.id, small), uploadRefusals.too_many_files);
  });
});

describe('POST /api/bonuses/:id/decision', () => {
  it('approves within the kind’s range, once, with the step on the timeline', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const created = await declare(alice.client, { kindKey: 'honour', description: '获评区级优秀志愿者称号' });
    expect(
      await expectRefused(
        admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true, points: 6 } }),
        bonusRefusals.bonus_points_out_of_range,
      ),
    ).toMatchObject({ min: 2, max: 5 });
    await expectRefused(
      admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true, points: 1 } }),
      bonusRefusals.bonus_points_out_of_range,
    );
    await expectRefused(
      admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true } }),
      commonRefusals.invalid_fields,
    );
    await expectRefused(
      admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: false } }),
      commonRefusals.invalid_fields,
    );

    server.clock.advance(3600_000);
    const approved = await admin.client.call(api.bonuses.decide, {
      params: { id: created.id },
      body: { approve: true, points: 4, note: '事迹属实' },
    });
    expect(approved).toMatchObject({
      status: 'approved',
      statusLabel: '已认定',
      points: 4,
      decisionNote: '事迹属实',
      decidedAt: server.clock.now().toISOString(),
    });
    expect(approved.timeline.at(-1)).toEqual({
      action: 'approved',
      label: '认定加分',
      actor: admin.member.name,
      note: '4 分。事迹属实',
      at: server.clock.now().toISOString(),
    });
    const again = await expectRefused(
      admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: false, note: '改主意了' } }),
      bonusRefusals.bonus_already_decided,
    );
    expect(again.status).toBe('approved');
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'bonus_claim'), eq(auditLog.entityId, String(created.id))));
    expect(audits.map((a) => a.action).sort()).toEqual(['bonus.approve', 'bonus.declare']);
  });

  it('refuses with a reason; of two decisions made at once, one is refused', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const second = await signedInMember(server, ['member', 'unit_admin'], { unitId });
    const created = await declare(alice.client);
    const results = await Promise.allSettled([
      admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: false, note: '缺少证明材料' } }),
      second.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true, points: 3 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    await expectRefused(Promise.reject(rejected.reason), bonusRefusals.bonus_already_decided);
    const final = await alice.client.call(api.bonuses.get, { params: { id: created.id } });
    expect(final.timeline.filter((s) => s.action === 'approved' || s.action === 'refused')).toHaveLength(1);
  });

  it('is the unit admin’s of the member’s unit, never on their own claim, and not in a closed year', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const created = await declare(alice.client);
    const otherAdmin = await outsider(server, ['member', 'unit_admin']);
    await expectRefused(
      otherAdmin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true, points: 2 } }),
      commonRefusals.forbidden,
    );
    await expectRefused(
      alice.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true, points: 2 } }),
      commonRefusals.forbidden,
    );
    const secretary = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(
      secretary.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true, points: 2 } }),
      commonRefusals.forbidden,
    );

    const own = await declare(admin.client);
    await expectRefused(
      admin.client.call(api.bonuses.decide, { params: { id: own.id }, body: { approve: true, points: 2 } }),
      commonRefusals.forbidden,
    );

    const old = await declare(alice.client, { occurredOn: '2018-12-30' });
    await closeYear(server.db, 2018);
    expect(
      await expectRefused(
        admin.client.call(api.bonuses.decide, { params: { id: old.id }, body: { approve: true, points: 2 } }),
        bonusRefusals.bonus_year_closed,
      ),
    ).toMatchObject({ year: 2018 });
    expect(unitId).toBe(alice.member.unitId);
  });

  it('keeps the range of a kind the association has since removed from its list', async () => {
    const { admin, alice } = await unitWithPeople(server);
    await createMember(server.db, { unitId: alice.member.unitId });
    const created = await declare(alice.client, { kindKey: 'innovation', description: '牵头完成园区服务流程再造' });
    const settings = { ...DEFAULT_RECORD_SETTINGS, bonusKinds: DEFAULT_RECORD_SETTINGS.bonusKinds.filter((k) => k.key !== 'innovation') };
    server.clock.advance(60_000);
    await server.db.insert(recordSettings).values({ effectiveFrom: server.clock.now(), settings, createdAt: server.clock.now() });
    server.clock.advance(60_000);
    await expectRefused(
      admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true, points: 6 } }),
      bonusRefusals.bonus_points_out_of_range,
    );
    expect(await admin.client.call(api.bonuses.decide, { params: { id: created.id }, body: { approve: true, points: 5 } })).toMatchObject({
      points: 5,
      kindName: '岗位创新创优',
    });
    await server.db.delete(recordSettings);
  });
});
