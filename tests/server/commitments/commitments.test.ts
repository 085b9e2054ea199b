import { api, commitmentRefusals, commonRefusals, uploadRefusals } from '@zhijian/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { expectRefusedBody, postFile, setClock, signedIn, unitWithPeople } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { LONG_TOKENS } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-03-10 09:00:00');
});

const commitment = (overrides: Partial<{ title: string; content: string; dueOn: string }> = {}) => ({
  title: '带好一名新员工',
  content: '结对帮带新入职的党员，帮助其三个月内熟悉岗位',
  dueOn: '2026-06-30',
  ...overrides,
});

const photo = () =>
  sharp({ create: { width: 30, height: 20, channels: 3, background: '#b91c1c' } })
    .jpeg()
    .toBuffer();

describe('POST /api/me/commitments', () => {
  it('makes up to three a year, due between today and the year’s end', async () => {
    const { alice } = await unitWithPeople(server);
    const made = await alice.client.call(api.commitments.make, { body: commitment() });
    expect(made).toMatchObject({
      status: 'in_progress',
      statusLabel: '进行中',
      year: 2026,
      heldReason: null,
      member: { id: alice.member.id },
    });
    await expectRefused(
      alice.client.call(api.commitments.make, { body: commitment({ dueOn: '2026-03-09' }) }),
      commitmentRefusals.due_out_of_year,
    );
    await expectRefused(
      alice.client.call(api.commitments.make, { body: commitment({ dueOn: '2027-01-01' }) }),
      commitmentRefusals.due_out_of_year,
    );
    await alice.client.call(api.commitments.make, { body: commitment({ title: '第二项承诺' }) });
    await alice.client.call(api.commitments.make, { body: commitment({ title: '第三项承诺' }) });
    expect(
      await expectRefused(
        alice.client.call(api.commitments.make, { body: commitment({ title: '第四项承诺' }) }),
        commitmentRefusals.too_many_commitments,
      ),
    ).toMatchObject({
      limit: 3,
    });
    expect((await alice.client.call(api.commitments.mine, {})).items).toHaveLength(3);
  });

  it('holds to three when four are made at once', async () => {
    const { bob } = await unitWithPeople(server);
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) => bob.client.call(api.commitments.make, { body: commitment({ title: `承诺第${n}项` }) })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
  });
});

describe('report, photos, decision', () => {
  it('runs 进行中 → 待确认 → 已完成 with a note and photos, confirmed by the unit admin', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    const made = await alice.client.call(api.commitments.make, { body: commitment() });
    const upload = await postFile(
      alice.client,
      alice.client.url(api.commitments.uploadPhoto, { params: { id: made.id } }),
      await photo(),
      'p.jpg',
    );
    expect(upload.status).toBe(201);
    expectRefusedBody(
      await postFile(bob.client, bob.client.url(api.commitments.uploadPhoto, { params: { id: made.id } }), await photo(), 'p.jpg'),
      commitmentRefusals.commitment_not_own,
    );
    await expectRefused(
      bob.client.call(api.commitments.report, { params: { id: made.id }, body: { note: '我替她报告一下' } }),
      commitmentRefusals.commitment_not_own,
    );
    await expectRefused(
      admin.client.call(api.commitments.decide, { params: { id: made.id }, body: { kept: true } }),
      commitmentRefusals.commitment_wrong_state,
    );
    const reported = await alice.client.call(api.commitments.report, { params: { id: made.id }, body: { note: '新员工已能独立上岗' } });
    expect(reported).toMatchObject({ status: 'reported', reportNote: '新员工已能独立上岗', photos: [{ width: 30, height: 20 }] });
    const queue = await admin.client.call(api.commitments.listForUnit, {
      params: { unitId: admin.member.unitId! },
      query: { view: 'review' },
    });
    expect(queue.items.map((c) => c.id)).toEqual([made.id]);
    await expectRefused(
      bob.client.call(api.commitments.decide, { params: { id: made.id }, body: { kept: true } }),
      commonRefusals.forbidden,
    );
    const kept = await admin.client.call(api.commitments.decide, { params: { id: made.id }, body: { kept: true } });
    expect(kept).toMatchObject({ status: 'kept', statusLabel: '已完成' });
    await expectRefused(
      admin.client.call(api.commitments.decide, { params: { id: made.id }, body: { kept: false, note: '改判' } }),
      commitmentRefusals.commitment_wrong_state,
    );
    expectRefusedBody(
      await postFile(alice.client, alice.client.url(api.commitments.uploadPhoto, { params: { id: made.id } }), await photo(), 'p.jpg'),
      commitmentRefusals.commitment_wrong_state,
    );
    const profile = await bob.client.call(api.profiles.get, { params: { id: alice.member.id } }).catch(() => null);
    expect(profile).toBeNull(); // no profile written yet: nothing to show others
  });

  it('finds one not kept with a reason; nobody decides their own', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const made = await alice.client.call(api.commitments.make, { body: commitment() });
    await expectRefused(
      admin.client.call(api.commitments.decide, { params: { id: made.id }, body: { kept: false } }),
      commonRefusals.invalid_fields,
    );
    expect(
      await admin.client.call(api.commitments.decide, { params: { id: made.id }, body: { kept: false, note: '期限已过未完成' } }),
    ).toMatchObject({
      status: 'not_kept',
      decisionNote: '期限已过未完成',
    });
    const own = await admin.client.call(api.commitments.make, { body: commitment() });
    await expectRefused(
      admin.client.call(api.commitments.decide, { params: { id: own.id }, body: { kept: false, note: '自己判自己' } }),
      commonRefusals.forbidden,
    );
    const otherAdmin = await signedInMember(server, ['member', 'unit_admin']);
    await expectRefused(
      otherAdmin.client.call(api.commitments.decide, { params: { id: made.id }, body: { kept: true } }),
      commonRefusals.not_found,
    );
    await expectRefused(
      otherAdmin.client.call(api.commitments.listForUnit, { params: { unitId: admin.member.unitId! } }),
      commonRefusals.forbidden,
    );
  });

  it('holds flagged text: hidden from the unit until approved; refused, it is taken away and does not count', async () => {
    const { admin, alice, bob } = await unitWithPeople(server);
    await alice.client.call(api.profiles.save, { body: { skills: ['电工'], promises: '随叫随到', public: false } });
    const held = await alice.client.call(api.commitments.make, { body: commitment({ content: '这条承诺有违规词在里面' }) });
    expect(held.heldReason).toContain('违规词');
    await expectRefused(bob.client.call(api.commitments.get, { params: { id: held.id } }), commonRefusals.not_found);
    expect((await bob.client.call(api.profiles.get, { params: { id: alice.member.id } })).commitments).toEqual([]);
    await admin.client.call(api.commitments.review, { params: { id: held.id }, body: { approve: false } });
    await expectRefused(alice.client.call(api.commitments.get, { params: { id: held.id } }), commonRefusals.not_found);
    const again = await alice.client.call(api.commitments.make, { body: commitment({ content: '又一条违规词的承诺内容' }) });
    await admin.client.call(api.commitments.review, { params: { id: again.id }, body: { approve: true } });
    expect((await bob.client.call(api.profiles.get, { params: { id: alice.member.id } })).commitments.map((c) => c.id)).toEqual([again.id]);
    await expectRefused(
      admin.client.call(api.commitments.review, { params: { id: again.id }, body: { approve: true } }),
      commitmentRefusals.nothing_to_review,
    );
  });

  it('stops at nine photos', async () => {
    const { alice } = await unitWithPeople(server);
    const made = await alice.client.call(api.commitments.make, { body: commitment() });
    const data = await photo();
    const url = alice.client.url(api.commitments.uploadPhoto, { params: { id: made.id } });
    for (let i = 0; i < 9; i += 1) expect((await postFile(alice.client, url, data, 'p.jpg')).status).toBe(201);
    expectRefusedBody(await postFile(alice.client, url, data, 'p.jpg'), uploadRefusals.too_many_files);
  });
});

describe('承诺践诺 in the 先锋指数', () => {
  it('is full with none made, kept ÷ made × 30 once commitments are decided or due', async () => {
    const { admin, alice } = await unitWithPeople(server);
    const before = await alice.client.call(api.cards.mine, {});
    expect(before.index.commitment).toBe(30);
    const first = await alice.client.call(api.commitments.make, { body: commitment({ dueOn: '2026-04-30' }) });
    const second = await alice.client.call(api.commitments.make, { body: commitment({ title: '第二项', dueOn: '2026-05-31' }) });
    await alice.client.call(api.commitments.make, { body: commitment({ title: '第三项', dueOn: '2026-12-31' }) });
    // Made but still within their time: not counted yet.
    expect((await alice.client.call(api.cards.mine, {})).index.commitment).toBe(30);
    await alice.client.call(api.commitments.report, { params: { id: first.id }, body: { note: '已经全部完成了' } });
    await admin.client.call(api.commitments.decide, { params: { id: first.id }, body: { kept: true } });
    expect((await alice.client.call(api.cards.mine, {})).index.commitment).toBe(30);
    // The second's day passes undecided: 1 kept of 2 made.
    setClock(server, '2026-06-02 09:00:00');
    const [aliceNow, adminNow] = [await signedIn(server, alice.member), await signedIn(server, admin.member)];
    expect((await aliceNow.call(api.cards.mine, {})).index.commitment).toBe(15);
    await adminNow.call(api.commitments.decide, { params: { id: second.id }, body: { kept: false, note: '没有做到' } });
    expect((await aliceNow.call(api.cards.mine, {})).index.commitment).toBe(15);
  });
});
