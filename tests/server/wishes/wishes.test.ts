import { api, commonRefusals, uploadRefusals, wishRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { members, pointsLedger, recordSettings } from '../../../server/src/db/schema';
import { createLogger } from '../../../server/src/logger';
import { DEFAULT_RECORD_SETTINGS } from '@zhijian/shared';
import { createUnit, signedInMember } from '../../support/factories';
import { expectRefusedBody, setClock, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { LONG_TOKENS } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { photo, publish, realise, uploadPhoto, wishBody } from './wishFactories';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

async function secretary() {
  return signedInMember(server, ['secretariat'], { unitId: null });
}

describe('POST /api/wishes (publish) and POST /api/me/wishes (ask)', () => {
  it('publishes a unit admin’s wish at once, 待认领, and holds a member’s own request for review', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const published = await publish(admin.client, alice.member.id);
    expect(published).toMatchObject({ status: 'open', statusLabel: '待认领', scope: 'unit', title: '一台助听器', estimatedValue: 300 });
    expect(published.timeline.map((s) => s.action)).toEqual(['published']);

    const asked = await bob.client.call(api.wishes.ask, { body: wishBody({ title: '孩子的课外书' }) });
    expect(asked).toMatchObject({ status: 'pending_review', heldReason: '党员本人申请', wisher: { id: bob.member.id, masked: false } });
    // Nobody else in the unit sees it until it is reviewed.
    await expectRefused(alice.client.call(api.wishes.get, { params: { id: asked.id } }), commonRefusals.not_found);
    const queue = await admin.client.call(api.wishes.list, { query: { view: 'review' } });
    expect(queue.items.map((w) => w.id)).toEqual([asked.id]);
    const approved = await admin.client.call(api.wishes.review, { params: { id: asked.id }, body: { approve: true } });
    expect(approved).toMatchObject({ status: 'open', heldReason: null });
    expect(await alice.client.call(api.wishes.get, { params: { id: asked.id } })).toMatchObject({ status: 'open' });
  });

  it('refuses a request with a reason (已下架) and holds flagged text even from an admin', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const asked = await bob.client.call(api.wishes.ask, { body: wishBody() });
    await expectRefused(
      admin.client.call(api.wishes.review, { params: { id: asked.id }, body: { approve: false } }),
      commonRefusals.invalid_fields,
    );
    const refused = await admin.client.call(api.wishes.review, {
      params: { id: asked.id },
      body: { approve: false, note: '已由工会帮扶解决' },
    });
    expect(refused).toMatchObject({ status: 'withdrawn', takedownReason: '已由工会帮扶解决' });
    await expectRefused(
      admin.client.call(api.wishes.review, { params: { id: asked.id }, body: { approve: true } }),
      wishRefusals.nothing_to_review,
    );

    const held = await publish(admin.client, alice.member.id, { reason: '这段话里有违规词需要审核' });
    expect(held.status).toBe('pending_review');
    expect(held.heldReason).toContain('违规词');
    expect(server.contentChecker.checked.at(-1)).toMatchObject({ scene: 'forum' });
  });

  it('lets only the unit admin publish for their own unit and only the secretariat association-wide', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const other = await unitWithPeople(server);
    const sec = await secretary();
    await expectRefused(publish(admin.client, other.alice.member.id), wishRefusals.wisher_not_found);
    await expectRefused(publish(admin.client, alice.member.id, { scope: 'association' }), commonRefusals.forbidden);
    await expectRefused(publish(sec.client, alice.member.id, { scope: 'unit' }), commonRefusals.forbidden);
    await expectRefused(publish(sec.client, 2_000_000_000, { scope: 'association' }), wishRefusals.wisher_not_found);
    expect(await publish(sec.client, alice.member.id, { scope: 'association' })).toMatchObject({ scope: 'association', status: 'open' });
    await expectRefused(publish(admin.client, alice.member.id, { deadline: '2026-11-19' }), wishRefusals.deadline_passed);
    await expectRefused(publish(alice.client, alice.member.id), commonRefusals.forbidden);
    await expectRefused(publish(admin.client, alice.member.id, { estimatedValue: -1 }), commonRefusals.invalid_fields);
  });
});

describe('masking and visibility', () => {
  it('shows the wisher as 王某 to everyone but the wisher, the claimer, the unit admin and the secretariat', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    await server.db.update(members).set({ name: '王秀英' }).where(eq(members.id, alice.member.id));
    const carol = await signedInMember(server, ['member'], { unitId });
    const elsewhere = await signedInMember(server, ['member']);
    const sec = await secretary();
    const unitWish = await publish(admin.client, alice.member.id);
    const wide = await publish(sec.client, alice.member.id, { scope: 'association', title: '一辆轮椅' });
    await bob.client.call(api.wishes.claim, { params: { id: unitWish.id } });

    const seen = async (client: typeof bob.client, id: number) => (await client.call(api.wishes.get, { params: { id } })).wisher;
    expect(await seen(alice.client, unitWish.id)).toEqual({ id: alice.member.id, name: '王秀英', masked: false }); // wisher
    expect(await seen(bob.client, unitWish.id)).toEqual({ id: alice.member.id, name: '王秀英', masked: false }); // claimer
    expect(await seen(admin.client, unitWish.id)).toMatchObject({ name: '王秀英', masked: false }); // unit admin
    expect(await seen(sec.client, unitWish.id)).toMatchObject({ name: '王秀英', masked: false }); // secretariat
    expect(await seen(carol.client, unitWish.id)).toEqual({ id: null, name: '王某', masked: true }); // same unit
    // Another unit's member: the unit-only wish does not exist for them; the association-wide one is masked.
    await expectRefused(elsewhere.client.call(api.wishes.get, { params: { id: unitWish.id } }), commonRefusals.not_found);
    expect(await seen(elsewhere.client, wide.id)).toEqual({ id: null, name: '王某', masked: true });
    const list = await elsewhere.client.call(api.wishes.list, {});
    expect(list.items.map((w) => w.id)).toContain(wide.id);
    expect(list.items.map((w) => w.id)).not.toContain(unitWish.id);
    expect(JSON.stringify(list)).not.toContain('王秀英');
    const unitList = await carol.client.call(api.wishes.list, {});
    expect(JSON.stringify(unitList)).not.toContain('王秀英');
    // Once the claim is given up, the former claimer sees the mask again.
    await bob.client.call(api.wishes.giveUp, { params: { id: unitWish.id } });
    expect(await seen(bob.client, unitWish.id)).toMatchObject({ name: '王某', masked: true });
    // Another unit's admin sees neither the unit-only wish nor the name.
    const otherAdmin = await signedInMember(server, ['member', 'unit_admin']);
    await expectRefused(otherAdmin.client.call(api.wishes.get, { params: { id: unitWish.id } }), commonRefusals.not_found);
    expect(await seen(otherAdmin.client, wide.id)).toMatchObject({ masked: true });
  });
});

describe('POST /api/wishes/:id/claim', () => {
  it('gives one live claim per wish; the next claimer is told someone was faster', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const carol = await signedInMember(server, ['member'], { unitId: admin.member.unitId });
    const wish = await publish(admin.client, alice.member.id);
    const claimed = await bob.client.call(api.wishes.claim, { params: { id: wish.id } });
    expect(claimed).toMatchObject({ status: 'claimed', claimer: { id: bob.member.id }, actions: { markContacted: true, giveUp: true } });
    expect(claimed.contactBy).toBe(new Date(server.clock.now().getTime() + 7 * 24 * 3600_000).toISOString());
    expect(await expectRefused(carol.client.call(api.wishes.claim, { params: { id: wish.id } }), wishRefusals.wish_taken)).toMatchObject({
      status: 'claimed',
    });
  });

  it('refuses the wisher, another unit’s member, a wish not open, and a third live claim', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const elsewhere = await signedInMember(server, ['member']);
    const [w1, w2, w3] = [
      await publish(admin.client, alice.member.id),
      await publish(admin.client, alice.member.id),
      await publish(admin.client, alice.member.id),
    ];
    await expectRefused(alice.client.call(api.wishes.claim, { params: { id: w1!.id } }), wishRefusals.own_wish);
    await expectRefused(elsewhere.client.call(api.wishes.claim, { params: { id: w1!.id } }), commonRefusals.not_found);
    await bob.client.call(api.wishes.claim, { params: { id: w1!.id } });
    await bob.client.call(api.wishes.claim, { params: { id: w2!.id } });
    expect(await expectRefused(bob.client.call(api.wishes.claim, { params: { id: w3!.id } }), wishRefusals.too_many_claims)).toEqual({
      reason: 'too_many_claims',
      limit: 2,
    });
    const asked = await bob.client.call(api.wishes.ask, { body: wishBody() });
    await expectRefused(admin.client.call(api.wishes.claim, { params: { id: asked.id } }), wishRefusals.wish_not_open);
    // Another unit's member may claim an association-wide wish.
    const sec = await secretary();
    const wide = await publish(sec.client, alice.member.id, { scope: 'association' });
    expect(await elsewhere.client.call(api.wishes.claim, { params: { id: wide.id } })).toMatchObject({ status: 'claimed' });
  });

  it('20 members claiming at once: one wins, the others are told someone was faster', async () => {
    const { unitId, admin, alice } = await unitWithPeople(server);
    const wish = await publish(admin.client, alice.member.id);
    const claimers = await Promise.all(Array.from({ length: 20 }, () => signedInMember(server, ['member'], { unitId })));
    const results = await Promise.allSettled(claimers.map((c) => c.client.call(api.wishes.claim, { params: { id: wish.id } })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toMatchObject({ status: 409, code: 'conflict', details: { reason: 'wish_taken', status: 'claimed' } });
      }
    }
    const after = await admin.client.call(api.wishes.get, { params: { id: wish.id } });
    expect(after.status).toBe('claimed');
  });

  it('one member claiming three wishes at once gets two', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const wishes = await Promise.all([1, 2, 3].map(() => publish(admin.client, alice.member.id)));
    const results = await Promise.allSettled(wishes.map((w) => bob.client.call(api.wishes.claim, { params: { id: w.id } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
  });
});

describe('the claimer’s steps and confirmation', () => {
  it('runs 已认领 → 已联系 → 已实现 → 已完成 and writes 公益 points once', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const wish = await publish(admin.client, alice.member.id);
    await bob.client.call(api.wishes.claim, { params: { id: wish.id } });
    // Photos only after contact; realised only with a photo.
    expectRefusedBody(await uploadPhoto(bob.client, wish.id), wishRefusals.wrong_state);
    await expectRefused(alice.client.call(api.wishes.markContacted, { params: { id: wish.id } }), wishRefusals.not_claimer);
    expect(await bob.client.call(api.wishes.markContacted, { params: { id: wish.id } })).toMatchObject({
      status: 'contacted',
      contactBy: null,
    });
    await expectRefused(bob.client.call(api.wishes.markRealised, { params: { id: wish.id } }), wishRefusals.photos_required);
    const upload = await uploadPhoto(bob.client, wish.id, await photo(64, 48));
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ width: 64, height: 48 });
    expectRefusedBody(await uploadPhoto(alice.client, wish.id), wishRefusals.not_claimer);
    const realised = await bob.client.call(api.wishes.markRealised, { params: { id: wish.id } });
    expect(realised).toMatchObject({ status: 'realised', statusLabel: '已实现' });
    expect(realised.photos).toHaveLength(1);
    // The photo is seen by those who see the wish.
    const fetched = await fetch(admin.client.url(api.wishes.photo, { params: { id: realised.photos[0]!.id } }), {
      headers: admin.client.headers(),
    });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/jpeg');

    await expectRefused(bob.client.call(api.wishes.confirm, { params: { id: wish.id }, body: {} }), commonRefusals.forbidden);
    const done = await alice.client.call(api.wishes.confirm, { params: { id: wish.id }, body: { thankYou: '谢谢你们的关心' } });
    expect(done).toMatchObject({ status: 'completed', thankYou: '谢谢你们的关心', thankYouHeld: false, points: 2 });
    await expectRefused(admin.client.call(api.wishes.confirm, { params: { id: wish.id }, body: {} }), wishRefusals.wrong_state);
    const ledger = await server.db
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.memberId, bob.member.id), eq(pointsLedger.sourceType, 'wish')));
    expect(ledger).toMatchObject([{ category: 'public_service', points: 2, sourceId: wish.id }]);
    const card = await bob.client.call(api.cards.mine, {});
    expect(JSON.stringify(card)).toContain('public_service');
  });

  it('confirms at most once when the wisher and the admin confirm together', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const wish = await publish(admin.client, alice.member.id);
    await realise(bob.client, wish.id);
    const results = await Promise.allSettled([
      alice.client.call(api.wishes.confirm, { params: { id: wish.id }, body: {} }),
      admin.client.call(api.wishes.confirm, { params: { id: wish.id }, body: {} }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await server.db
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.sourceType, 'wish'), eq(pointsLedger.sourceId, wish.id)));
    expect(rows).toHaveLength(1);
  });

  it('clips the points at the 公益 yearly cap and takes the per-wish points from the settings', async () => {
    const settings = structuredClone(DEFAULT_RECORD_SETTINGS);
    settings.points.publicService = { perWish: 3, dailyCap: null, yearlyCap: 4 };
    await server.db
      .insert(recordSettings)
      .values({ effectiveFrom: new Date('2026-11-01T00:00:00Z'), settings, createdAt: server.clock.now() });
    try {
      const { admin, alice, bob } = await unitWithPeople(server);
      const first = await publish(admin.client, alice.member.id);
      const second = await publish(admin.client, alice.member.id);
      await realise(bob.client, first.id);
      await realise(bob.client, second.id);
      expect((await admin.client.call(api.wishes.confirm, { params: { id: first.id }, body: {} })).points).toBe(3);
      expect((await admin.client.call(api.wishes.confirm, { params: { id: second.id }, body: {} })).points).toBe(1);
    } finally {
      await server.db.delete(recordSettings);
    }
  });

  it('holds a flagged thank-you for the admin: the wisher and the admin see it, others do not, until approved', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const wish = await publish(admin.client, alice.member.id);
    await realise(bob.client, wish.id);
    const done = await alice.client.call(api.wishes.confirm, { params: { id: wish.id }, body: { thankYou: '谢谢，违规词' } });
    expect(done).toMatchObject({ thankYouHeld: true, thankYou: '谢谢，违规词' });
    expect(await bob.client.call(api.wishes.get, { params: { id: wish.id } })).toMatchObject({ thankYou: null, thankYouHeld: false });
    const queue = await admin.client.call(api.wishes.list, { query: { view: 'review' } });
    expect(queue.items.map((w) => w.id)).toContain(wish.id);
    await admin.client.call(api.wishes.review, { params: { id: wish.id }, body: { approve: true } });
    expect(await bob.client.call(api.wishes.get, { params: { id: wish.id } })).toMatchObject({ thankYou: '谢谢，违规词' });
  });

  it('stops at nine photos', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const wish = await publish(admin.client, alice.member.id);
    await bob.client.call(api.wishes.claim, { params: { id: wish.id } });
    await bob.client.call(api.wishes.markContacted, { params: { id: wish.id } });
    const data = await photo();
    for (let i = 0; i < 9; i += 1) expect((await uploadPhoto(bob.client, wish.id, data)).status).toBe(201);
    expectRefusedBody(await uploadPhoto(bob.client, wish.id, data), uploadRefusals.too_many_files);
  });
});

describe('release, revoke, take down', () => {
  it('releases a claim not marked contacted within 7 days, on read and by the scheduled run, and lists the wish first', async () => {
    const { releaseStaleClaims } = await import('../../../server/src/wishRelease/schedule');
    const { admin, alice, bob } = await unitWithPeople(server);
    const older = await publish(admin.client, alice.member.id, { title: '旧心愿' });
    server.clock.advance(60_000);
    const newer = await publish(admin.client, alice.member.id, { title: '新心愿' });
    await bob.client.call(api.wishes.claim, { params: { id: older.id } });
    server.clock.advance(7 * 24 * 3600_000 - 1000);
    expect((await admin.client.call(api.wishes.get, { params: { id: older.id } })).status).toBe('claimed');
    server.clock.advance(1000);
    // On read, before the timer has run: released, first in the list, not the claimer's any more.
    const read = await admin.client.call(api.wishes.get, { params: { id: older.id } });
    expect(read).toMatchObject({ status: 'open', claimer: null, returned: true });
    const list = await admin.client.call(api.wishes.list, { query: { status: 'open' } });
    // (Association-wide wishes of other tests are in this list too: look at this unit's.)
    const ours = list.items.filter((w) => w.id === older.id || w.id === newer.id).map((w) => w.id);
    expect(ours).toEqual([older.id, newer.id]);
    expect(list.items.findIndex((w) => w.id === older.id)).toBeLessThan(list.items.findIndex((w) => !w.returned));
    await expectRefused(bob.client.call(api.wishes.markContacted, { params: { id: older.id } }), wishRefusals.not_claimer);
    // The scheduled run writes it, once.
    const env = { db: server.db, clock: server.clock, notifier: server.notifier, storage: server.storage, logger: createLogger('silent') };
    // Other tests' claims share this database: count this wish's release, and that a second run finds nothing.
    await Promise.all([releaseStaleClaims(env, server.clock.now()), releaseStaleClaims(env, server.clock.now())]);
    expect(await releaseStaleClaims(env, server.clock.now())).toBe(0);
    const after = await admin.client.call(api.wishes.get, { params: { id: older.id } });
    expect(after.timeline.map((s) => s.action)).toEqual(['published', 'claimed', 'released']);
    const relisted = (await admin.client.call(api.wishes.list, { query: { status: 'open' } })).items;
    expect(relisted.find((w) => w.id === older.id)).toMatchObject({ returned: true });
    // Anyone may claim it again, the former claimer too.
    expect(await bob.client.call(api.wishes.claim, { params: { id: older.id } })).toMatchObject({ status: 'claimed' });
  });

  it('keeps a claim marked contacted in time', async () => {
    const { releaseStaleClaims } = await import('../../../server/src/wishRelease/schedule');
    const { admin, alice, bob } = await unitWithPeople(server);
    const wish = await publish(admin.client, alice.member.id);
    await bob.client.call(api.wishes.claim, { params: { id: wish.id } });
    server.clock.advance(6 * 24 * 3600_000);
    await bob.client.call(api.wishes.markContacted, { params: { id: wish.id } });
    server.clock.advance(20 * 24 * 3600_000);
    const env = { db: server.db, clock: server.clock, notifier: server.notifier, storage: server.storage, logger: createLogger('silent') };
    await releaseStaleClaims(env, server.clock.now());
    expect(await admin.client.call(api.wishes.get, { params: { id: wish.id } })).toMatchObject({
      status: 'contacted',
      claimer: { id: bob.member.id },
    });
  });

  it('revokes a claim with a reason and tells the claimer', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    await server.db
      .update(members)
      .set({ openid: `o-${bob.member.id}` })
      .where(eq(members.id, bob.member.id));
    const wish = await publish(admin.client, alice.member.id);
    await bob.client.call(api.wishes.claim, { params: { id: wish.id } });
    await expectRefused(
      admin.client.call(api.wishes.revokeClaim, { params: { id: wish.id }, body: { reason: '' } }),
      commonRefusals.invalid_fields,
    );
    const revoked = await admin.client.call(api.wishes.revokeClaim, { params: { id: wish.id }, body: { reason: '认领后一直联系不上' } });
    expect(revoked).toMatchObject({ status: 'open', claimer: null, returned: true });
    expect(server.notifier.notices.filter((n) => n.openid === `o-${bob.member.id}`)).toEqual([
      {
        openid: `o-${bob.member.id}`,
        notice: {
          template: 'wish.claimRevoked',
          page: `packages/aie/wish/index?id=${wish.id}`,
          fields: { thing1: '一台助听器', thing2: '认领后一直联系不上' },
        },
      },
    ]);
    await expectRefused(
      admin.client.call(api.wishes.revokeClaim, { params: { id: wish.id }, body: { reason: '再撤一次' } }),
      wishRefusals.wrong_state,
    );
    await expectRefused(
      alice.client.call(api.wishes.revokeClaim, { params: { id: wish.id }, body: { reason: '我来撤销' } }),
      commonRefusals.forbidden,
    );
  });

  it('takes a wish down with a reason, ending its claim; a completed wish stays', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const carol = await signedInMember(server, ['member'], { unitId: admin.member.unitId });
    const wish = await publish(admin.client, alice.member.id);
    await bob.client.call(api.wishes.claim, { params: { id: wish.id } });
    const down = await admin.client.call(api.wishes.takeDown, { params: { id: wish.id }, body: { reason: '心愿人已调离' } });
    expect(down).toMatchObject({ status: 'withdrawn', takedownReason: '心愿人已调离', claimer: null });
    await expectRefused(carol.client.call(api.wishes.get, { params: { id: wish.id } }), commonRefusals.not_found);
    // Bob's claim ended: he may claim two others.
    const w2 = await publish(admin.client, alice.member.id);
    const w3 = await publish(admin.client, alice.member.id);
    await bob.client.call(api.wishes.claim, { params: { id: w2.id } });
    await bob.client.call(api.wishes.claim, { params: { id: w3.id } });
    await realise(carol.client, (await publish(admin.client, alice.member.id)).id).then(async (w) => {
      await admin.client.call(api.wishes.confirm, { params: { id: w.id }, body: {} });
      await expectRefused(
        admin.client.call(api.wishes.takeDown, { params: { id: w.id }, body: { reason: '下架试试' } }),
        wishRefusals.wrong_state,
      );
    });
  });

  it('the secretariat manages association-wide wishes; a unit admin may not', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const sec = await secretary();
    const wide = await publish(sec.client, alice.member.id, { scope: 'association' });
    await bob.client.call(api.wishes.claim, { params: { id: wide.id } });
    await expectRefused(
      admin.client.call(api.wishes.revokeClaim, { params: { id: wide.id }, body: { reason: '撤销认领' } }),
      commonRefusals.forbidden,
    );
    expect(await sec.client.call(api.wishes.revokeClaim, { params: { id: wide.id }, body: { reason: '撤销认领' } })).toMatchObject({
      status: 'open',
    });
  });
});

describe('views and the ranking', () => {
  it('lists my claims and my wishes, and ranks by wishes realised, not claimed', async () => {
    const { unitId, admin, alice, bob } = await unitWithPeople(server);
    const carol = await signedInMember(server, ['member'], { unitId });
    const w1 = await publish(admin.client, alice.member.id);
    const w2 = await publish(admin.client, alice.member.id);
    await realise(bob.client, w1.id);
    await admin.client.call(api.wishes.confirm, { params: { id: w1.id }, body: {} });
    await carol.client.call(api.wishes.claim, { params: { id: w2.id } });
    expect((await bob.client.call(api.wishes.list, { query: { view: 'claimed' } })).items.map((w) => w.id)).toEqual([w1.id]);
    expect((await alice.client.call(api.wishes.list, { query: { view: 'wished' } })).items.map((w) => w.id).sort()).toEqual(
      [w1.id, w2.id].sort(),
    );
    const ranking = await carol.client.call(api.wishes.ranking, {});
    expect(ranking.items.find((r) => r.memberId === bob.member.id)).toMatchObject({ realised: 1 });
    expect(ranking.items.find((r) => r.memberId === carol.member.id)).toBeUndefined();
    // Another unit's ranking does not show this unit's unit-only wishes.
    const elsewhere = await signedInMember(server, ['member'], { unitId: (await createUnit(server.db)).id });
    expect((await elsewhere.client.call(api.wishes.ranking, {})).items.find((r) => r.memberId === bob.member.id)).toBeUndefined();
  });
});
