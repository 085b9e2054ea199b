import { api, commonRefusals, profileRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { setClock, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-03-10 09:00:00');
});

const profile = (overrides: Partial<{ skills: string[]; promises: string; public: boolean }> = {}) => ({
  skills: ['电工', '法律咨询'],
  promises: '每月为社区老人义务检修电器一次',
  public: false,
  ...overrides,
});

describe('PUT /api/me/profile and GET /api/me/profile', () => {
  it('starts empty, saves skills and promises, and never carries a phone number', async () => {
    const { alice } = await unitWithPeople(server);
    expect(await alice.client.call(api.profiles.mine, {})).toMatchObject({ skills: [], promises: '', public: false, updatedAt: null });
    const saved = await alice.client.call(api.profiles.save, { body: profile({ skills: ['电工', '电工', '法律咨询'] }) });
    expect(saved).toMatchObject({ memberId: alice.member.id, skills: ['电工', '法律咨询'], heldReason: null });
    expect(JSON.stringify(saved)).not.toContain(alice.member.phone);
    expect(server.contentChecker.checked.at(-1)).toMatchObject({ scene: 'profile' });
  });

  it('refuses bad input and anyone off a unit’s roster', async () => {
    const { alice } = await unitWithPeople(server);
    await expectRefused(
      alice.client.call(api.profiles.save, { body: profile({ skills: ['一二三四五六七八九十一二三'] }) }),
      commonRefusals.invalid_fields,
    );
    const sec = await signedInMember(server, ['secretariat'], { unitId: null });
    await expectRefused(sec.client.call(api.profiles.save, { body: profile() }), commonRefusals.forbidden);
    const unitless = await signedInMember(server, ['member'], { unitId: null });
    await expectRefused(unitless.client.call(api.profiles.save, { body: profile() }), commonRefusals.forbidden);
  });
});

describe('who sees a profile', () => {
  it('the unit sees it; another unit only when opened to the association', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const elsewhere = await signedInMember(server, ['member']);
    await alice.client.call(api.profiles.save, { body: profile() });
    expect(await bob.client.call(api.profiles.get, { params: { id: alice.member.id } })).toMatchObject({
      skills: ['电工', '法律咨询'],
    });
    await expectRefused(elsewhere.client.call(api.profiles.get, { params: { id: alice.member.id } }), commonRefusals.not_found);
    expect((await elsewhere.client.call(api.profiles.list, {})).items.map((p) => p.memberId)).not.toContain(alice.member.id);
    await alice.client.call(api.profiles.save, { body: profile({ public: true }) });
    expect(await elsewhere.client.call(api.profiles.get, { params: { id: alice.member.id } })).toMatchObject({ public: true });
    expect((await elsewhere.client.call(api.profiles.list, { query: { skill: '电工' } })).items.map((p) => p.memberId)).toContain(
      alice.member.id,
    );
    expect((await admin.client.call(api.profiles.list, {})).items.map((p) => p.memberId)).toContain(alice.member.id);
  });

  it('holds flagged text for the unit admin, who lets it show or clears it', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const held = await alice.client.call(api.profiles.save, { body: profile({ promises: '承诺里有违规词' }) });
    expect(held.heldReason).toContain('违规词');
    await expectRefused(bob.client.call(api.profiles.get, { params: { id: alice.member.id } }), commonRefusals.not_found);
    const queue = await admin.client.call(api.profiles.list, { query: { view: 'review' } });
    expect(queue.items.map((p) => p.memberId)).toEqual([alice.member.id]);
    await expectRefused(
      bob.client.call(api.profiles.review, { params: { id: alice.member.id }, body: { approve: true } }),
      commonRefusals.forbidden,
    );
    const cleared = await admin.client.call(api.profiles.review, { params: { id: alice.member.id }, body: { approve: false } });
    expect(cleared).toMatchObject({ heldReason: null, promises: '', skills: [] });
    await expectRefused(
      admin.client.call(api.profiles.review, { params: { id: alice.member.id }, body: { approve: true } }),
      profileRefusals.nothing_to_review,
    );
    await alice.client.call(api.profiles.save, { body: profile({ promises: '又有违规词' }) });
    expect(await admin.client.call(api.profiles.review, { params: { id: alice.member.id }, body: { approve: true } })).toMatchObject({
      heldReason: null,
    });
    expect(await bob.client.call(api.profiles.get, { params: { id: alice.member.id } })).toMatchObject({ promises: '又有违规词' });
    // Another unit's admin reviews nothing here.
    const otherAdmin = await signedInMember(server, ['member', 'unit_admin']);
    await expectRefused(
      otherAdmin.client.call(api.profiles.review, { params: { id: alice.member.id }, body: { approve: true } }),
      commonRefusals.not_found,
    );
  });
});
