import { api, commonRefusals, DEFAULT_RECORD_SETTINGS, type RecordSettings } from '@zhijian/shared';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pointsLedger } from '../../../server/src/db/schema';
import { createIssue } from '../../support/bulletinFactories';
import { signedInMember } from '../../support/factories';
import { setClock } from '../../support/recordFactories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  // The clock moves by hours; tokens outlive them.
  server = await startTestServer({ TOKEN_TTL_SECONDS: String(7 * 24 * 3600) });
  setClock(server, '2026-11-20 09:00:00');
});
afterAll(() => server.close());

const HOUR = 3600_000;

/** The defaults with some changes, deep enough for one nested part. */
function changed(change: (settings: RecordSettings) => void): RecordSettings {
  const settings = structuredClone(DEFAULT_RECORD_SETTINGS);
  change(settings);
  return settings;
}

async function studyRows(memberId: number) {
  return server.db
    .select({ points: pointsLedger.points, sourceId: pointsLedger.sourceId, createdAt: pointsLedger.createdAt })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.memberId, memberId), eq(pointsLedger.category, 'study')))
    .orderBy(asc(pointsLedger.id));
}

// The tests of this file run in order: the first sees no saved version yet.
describe('GET /api/record-settings', () => {
  it('answers the defaults before any save, to anyone signed in', async () => {
    const { client } = await signedInMember(server, ['member']);
    expect(await client.call(api.recordSettings.get)).toEqual({ settings: DEFAULT_RECORD_SETTINGS, effectiveFrom: null, history: [] });
  });

  it('refuses a caller who is not signed in', async () => {
    await expectRefused(server.client.call(api.recordSettings.get), commonRefusals.unauthorized);
  });
});

describe('PUT /api/record-settings', () => {
  it('saves a version effective from now, audited, and keeps the earlier ones as history', async () => {
    const desk = await signedInMember(server, ['secretariat']);
    const first = changed((s) => {
      s.points.activity.onTime = 3;
    });
    const saved = await desk.client.call(api.recordSettings.update, { body: first });
    const now = server.clock.now();
    expect(saved).toEqual({ settings: first, effectiveFrom: now.toISOString(), history: [] });

    server.clock.advance(HOUR);
    const second = changed((s) => {
      s.index.bonusCap = 25;
    });
    const again = await desk.client.call(api.recordSettings.update, { body: second });
    expect(again.settings.index.bonusCap).toBe(25);
    expect(again.history).toEqual([{ effectiveFrom: now.toISOString(), createdBy: desk.member.name }]);

    const { client } = await signedInMember(server, ['member']);
    expect(await client.call(api.recordSettings.get)).toEqual(again);
    const entries = await server.db.select().from(auditLog).where(eq(auditLog.action, 'record_settings.update'));
    expect(entries).toHaveLength(2);
    expect(entries.every((entry) => entry.actorId === desk.member.id)).toBe(true);
  });

  it('orders two saves within one millisecond, the later one in force', async () => {
    const desk = await signedInMember(server, ['secretariat']);
    const a = changed((s) => {
      s.index.commitment = 28;
    });
    const b = changed((s) => {
      s.index.commitment = 29;
    });
    const first = await desk.client.call(api.recordSettings.update, { body: a });
    const second = await desk.client.call(api.recordSettings.update, { body: b });
    expect(new Date(second.effectiveFrom!).getTime()).toBe(new Date(first.effectiveFrom!).getTime() + 1);
    server.clock.advance(1000);
    expect((await desk.client.call(api.recordSettings.get)).settings.index.commitment).toBe(29);
  });

  it('applies a change from then on: points already written stay, later reads earn under the new rule', async () => {
    server.clock.advance(24 * HOUR);
    const desk = await signedInMember(server, ['secretariat']);
    await desk.client.call(api.recordSettings.update, { body: DEFAULT_RECORD_SETTINGS });
    const reader = await signedInMember(server, ['member']);
    const { articles } = await createIssue(server.db, {
      articles: [1, 2, 3, 4].map((n) => ({ title: `学习文章${n}`, paragraphs: ['短文。'] })),
    });
    const read = (index: number) =>
      reader.client.call(api.bulletins.reportRead, { params: { id: articles[index]!.id }, body: { seconds: 600 } });
    await read(0);
    await read(1);
    await read(2); // the day's cap of 2 under the defaults
    const before = await studyRows(reader.member.id);
    expect(before.map((row) => row.points)).toEqual([1, 1]);

    server.clock.advance(HOUR);
    await desk.client.call(api.recordSettings.update, {
      body: changed((s) => {
        s.points.study = { perRead: 3, dailyCap: 5, yearlyCap: 20 };
      }),
    });
    server.clock.advance(HOUR);
    await read(3);
    const after = await studyRows(reader.member.id);
    expect(after.slice(0, 2)).toEqual(before);
    // 3 per read now, the day's cap 5 with 2 already earned today: all 3.
    expect(after.map((row) => row.points)).toEqual([1, 1, 3]);
    expect(after[2]!.sourceId).toBe(articles[3]!.id);
  });

  it('refuses anyone but the secretariat', async () => {
    for (const roles of [['member'], ['member', 'unit_admin']] as const) {
      const { client } = await signedInMember(server, [...roles]);
      await expectRefused(client.call(api.recordSettings.update, { body: DEFAULT_RECORD_SETTINGS }), commonRefusals.forbidden);
    }
  });

  it('refuses invalid settings with the fields named in Chinese', async () => {
    const { client } = await signedInMember(server, ['secretariat']);
    const current = await client.call(api.recordSettings.get);
    const cases: Array<{ body: RecordSettings; path: string; message: string }> = [
      {
        body: changed((s) => {
          s.bonusKinds[0] = { ...s.bonusKinds[0]!, minPoints: 4, maxPoints: 2 };
        }),
        path: 'body.bonusKinds',
        message: '最低分不能高于最高分',
      },
      {
        body: changed((s) => {
          s.bonusKinds.push({ ...s.bonusKinds[0]! });
        }),
        path: 'body.bonusKinds',
        message: '加分项目代码不能重复',
      },
      {
        body: changed((s) => {
          s.deductionKinds.push({ ...s.deductionKinds[0]! });
        }),
        path: 'body.deductionKinds',
        message: '扣分项目代码不能重复',
      },
      {
        body: changed((s) => {
          s.index.tiers = { excellent: 60, qualified: 70, basic: 50 };
        }),
        path: 'body.index.tiers',
        message: '等次分数线应从高到低排列',
      },
    ];
    for (const { body, path, message } of cases) {
      const details = await expectRefused(client.call(api.recordSettings.update, { body }), commonRefusals.invalid_fields);
      expect(details.issues).toEqual([expect.objectContaining({ path, message })]);
    }
    const negative = changed((s) => {
      s.points.study.dailyCap = -1;
    });
    const details = await expectRefused(client.call(api.recordSettings.update, { body: negative }), commonRefusals.invalid_fields);
    expect(details.issues).toEqual([expect.objectContaining({ path: 'body.points.study.dailyCap', label: '每日上限' })]);
    // Nothing refused was saved.
    expect(await client.call(api.recordSettings.get)).toEqual(current);
  });
});
