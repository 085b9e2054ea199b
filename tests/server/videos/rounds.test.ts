import { api, commonRefusals, placementRefusals, videoRefusals, videoResults } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulletinArticles } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { createGroup, signedInMember } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { LONG_TOKENS } from '../../support/submissionFactories';
import { startTestServer, type TestServer } from '../../support/testServer';
import { approvedVideo, openRound, secretary, unitAdmin } from './videoFactories';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(LONG_TOKENS);
});
afterAll(() => server.close());
beforeEach(() => {
  setClock(server, '2026-11-20 09:00:00');
});

const channel = { finderUserName: 'sphABCDEF', feedId: 'export/UzFfAgtgekIEAQAAAAAA' };

describe('POST /api/video-rounds (open) and GET /api/video-rounds/:id', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.videos.listRounds, {}), commonRefusals.unauthorized);
  });

  it('opens a 7-day round featuring the given 片组 in turn, today’s first', async () => {
    const sec = await secretary(server);
    const first = await createGroup(server.db, { name: '第一片组（视频）' });
    const second = await createGroup(server.db, { name: '第二片组（视频）' });
    const round = await openRound(sec.client, { startsOn: '2026-11-19', groupIds: [first.id, second.id] });
    expect(round).toMatchObject({ startsOn: '2026-11-19', endsOn: '2026-11-25', phase: 'running', juryWeight: 60 });
    const inFirst = await approvedVideo(server, round.id, { unitId: (await unitAdmin(server, first.id)).unit.id });
    const inSecond = await approvedVideo(server, round.id, { unitId: (await unitAdmin(server, second.id)).unit.id });
    const member = await signedInMember(server, ['member']);
    const detail = await member.client.call(api.videos.getRound, { params: { id: round.id } });
    expect(detail.schedule).toHaveLength(7);
    expect(detail.schedule.slice(0, 3).map((d) => [d.date, d.group?.name, d.today])).toEqual([
      ['2026-11-19', '第一片组（视频）', false],
      ['2026-11-20', '第二片组（视频）', true],
      ['2026-11-21', '第一片组（视频）', false],
    ]);
    // Day two features the second group: its video is listed first; every video is viewable.
    expect(detail.videos.map((v) => v.id)).toEqual([inSecond.id, inFirst.id]);
    expect(detail).toMatchObject({ likesLeftToday: 10, canUpload: false });
  });

  it('lets only the secretariat open a round, and refuses an unknown 片组', async () => {
    const sec = await secretary(server);
    const admin = await unitAdmin(server);
    await expectRefused(openRound(admin.client), commonRefusals.forbidden);
    await expectRefused(openRound(sec.client, { groupIds: [2_000_000_000] }), videoRefusals.group_not_found);
    await expectRefused(openRound(sec.client, { juryWeight: 101 }), commonRefusals.invalid_fields);
  });
});

describe('POST /api/videos/:id/review and /score', () => {
  it('approves or returns with a reason, only once, and only by the secretariat', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client);
    const admin = await unitAdmin(server);
    const video = await admin.client.call(api.videos.linkChannel, { params: { id: round.id }, body: { title: '视频号', ...channel } });
    await expectRefused(
      admin.client.call(api.videos.review, { params: { id: video.id }, body: { approve: true } }),
      commonRefusals.forbidden,
    );
    await expectRefused(
      sec.client.call(api.videos.review, { params: { id: video.id }, body: { approve: false } }),
      commonRefusals.invalid_fields,
    );
    await expectRefused(sec.client.call(api.videos.score, { params: { id: video.id }, body: { score: 80 } }), videoRefusals.not_approved);
    expect(await sec.client.call(api.videos.review, { params: { id: video.id }, body: { approve: true } })).toMatchObject({
      status: 'approved',
    });
    await expectRefused(
      sec.client.call(api.videos.review, { params: { id: video.id }, body: { approve: true } }),
      videoRefusals.not_pending,
    );
    expect(await sec.client.call(api.videos.score, { params: { id: video.id }, body: { score: 85 } })).toMatchObject({ juryScore: 85 });
    // Members see the video now, without the jury's score on it.
    const member = await signedInMember(server, ['member']);
    expect(await member.client.call(api.videos.get, { params: { id: video.id } })).toMatchObject({ status: 'approved', juryScore: null });
  });
});

describe('comments', () => {
  it('takes comments up to 200 characters, holds flagged text for review and lets the secretariat hide one with a reason', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client);
    const video = await approvedVideo(server, round.id);
    const alice = await signedInMember(server, ['member']);
    const bob = await signedInMember(server, ['member']);
    const comment = (client: typeof alice.client, body: string) =>
      client.call(api.videos.comment, { params: { id: video.id }, body: { body } });
    await expectRefused(comment(alice.client, '好'.repeat(201)), commonRefusals.invalid_fields);
    const shown = await comment(alice.client, '好'.repeat(200));
    expect(shown).toMatchObject({ status: 'shown', mine: true });
    const held = await comment(bob.client, '这里有违规词');
    expect(held.status).toBe('held');
    expect(server.contentChecker.checked.at(-1)).toMatchObject({ scene: 'comment' });
    const seenBy = async (client: typeof alice.client) =>
      (await client.call(api.videos.comments, { params: { id: video.id } })).items.map((c) => [c.id, c.status]);
    expect(await seenBy(alice.client)).toEqual([[shown.id, 'shown']]);
    expect(await seenBy(bob.client)).toEqual([
      [held.id, 'held'],
      [shown.id, 'shown'],
    ]);
    await expectRefused(
      alice.client.call(api.videos.hideComment, { params: { id: shown.id }, body: { reason: '与主题无关' } }),
      commonRefusals.forbidden,
    );
    const hidden = await sec.client.call(api.videos.hideComment, { params: { id: shown.id }, body: { reason: '与主题无关' } });
    expect(hidden).toMatchObject({ status: 'hidden', hiddenReason: '与主题无关', canHide: false });
    await expectRefused(
      sec.client.call(api.videos.hideComment, { params: { id: shown.id }, body: { reason: '再次隐藏' } }),
      videoRefusals.comment_already_hidden,
    );
    expect(await seenBy(bob.client)).toEqual([[held.id, 'held']]);
    expect(await seenBy(alice.client)).toEqual([[shown.id, 'hidden']]);
    expect((await bob.client.call(api.videos.get, { params: { id: video.id } })).commentCount).toBe(0);
  });
});

describe('results', () => {
  it('weighs the jury 60% and likes 40%, each against the round’s best', () => {
    const rows = videoResults([
      { id: 1, juryScore: 90, likes: 10 },
      { id: 2, juryScore: 60, likes: 40 },
      { id: 3, juryScore: null, likes: 0 },
    ]);
    expect(rows.map((r) => [r.id, r.total, r.rank])).toEqual([
      [2, 80, 1], // 60 * 60/90 + 40 * 40/40
      [1, 70, 2], // 60 * 1 + 40 * 10/40
      [3, 0, 3],
    ]);
    expect(videoResults([{ id: 1, juryScore: 90, likes: 10 }], 100)[0]!.total).toBe(100);
    expect(videoResults([]).length).toBe(0);
    // Ties share a rank.
    expect(
      videoResults([
        { id: 1, juryScore: 50, likes: 0 },
        { id: 2, juryScore: 50, likes: 0 },
      ]).map((r) => r.rank),
    ).toEqual([1, 1]);
  });

  it('ranks a round by published likes and jury scores, with the round’s own weight, and places the top into a draft 简报', async () => {
    const sec = await secretary(server);
    const round = await openRound(sec.client, { juryWeight: 50 });
    const a = await approvedVideo(server, round.id, { juryScore: 100 });
    const b = await approvedVideo(server, round.id, { juryScore: 50 });
    for (let i = 0; i < 2; i += 1) await (await signedInMember(server, ['member'])).client.call(api.videos.like, { params: { id: b.id } });
    setClock(server, '2026-11-20 18:00:00');
    const results = await sec.client.call(api.videos.results, { params: { id: round.id } });
    expect(results.juryWeight).toBe(50);
    expect(results.rows.map((r) => [r.videoId, r.total, r.publishedLikes])).toEqual([
      [b.id, 75, 2],
      [a.id, 50, 0],
    ]);
    const member = await signedInMember(server, ['member']);
    expect((await member.client.call(api.videos.getRound, { params: { id: round.id } })).top.map((r) => r.videoId)).toEqual([b.id, a.id]);

    const published = await createIssue(server.db, { status: 'published' });
    await expectRefused(
      sec.client.call(api.videos.placeInBulletin, { params: { id: round.id }, body: { issueId: published.issue.id } }),
      placementRefusals.issue_not_draft,
    );
    const draft = await createIssue(server.db, { status: 'draft' });
    const placed = await sec.client.call(api.videos.placeInBulletin, {
      params: { id: round.id },
      body: { issueId: draft.issue.id, top: 1 },
    });
    expect(placed).toMatchObject({ issueId: draft.issue.id, videoIds: [b.id] });
    const [article] = await server.db.select().from(bulletinArticles).where(eq(bulletinArticles.id, placed.articleId));
    expect(article!.title).toContain('网络击鼓传花');
    expect(JSON.stringify(article!.blocks)).toContain(b.title);
    await expectRefused(
      sec.client.call(api.videos.placeInBulletin, { params: { id: round.id }, body: { issueId: draft.issue.id } }),
      placementRefusals.already_in_issue,
    );
    await expectRefused(
      member.client.call(api.videos.placeInBulletin, { params: { id: round.id }, body: { issueId: draft.issue.id } }),
      commonRefusals.forbidden,
    );
    const empty = await openRound(sec.client);
    await expectRefused(
      sec.client.call(api.videos.placeInBulletin, { params: { id: empty.id }, body: { issueId: draft.issue.id } }),
      videoRefusals.nothing_to_place,
    );
  });
});
