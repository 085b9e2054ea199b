import { api, entryRefusals } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../../server/src/db/client';
import { entries, scheduledJobTicks } from '../../../server/src/db/schema';
import { codeFor, createActivity } from '../../support/checkinFactories';
import { createMember, createUnit, signIn } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startServerCluster, type ServerCluster } from '../../support/serverCluster';
import { completeDraft, fetchFile, openCall, png, secretariat, unitAdmin, uploadImage } from '../../support/submissionFactories';

/**
 * Three instances of the real server behind an imaginary load balancer, on one PostgreSQL
 * database and one Redis (always: started like `.ci/run` does when absent), with nothing that
 * only one process knows. Requests are spread round-robin, as a balancer without sticky sessions would.
 */
const INSTANCES = 3;
const SIGN_IN_RATE = 10;
let cluster: ServerCluster;

beforeAll(async () => {
  cluster = await startServerCluster(INSTANCES, { SIGN_IN_RATE_PER_MINUTE: String(SIGN_IN_RATE) });
}, 120_000);
afterAll(async () => cluster?.close(), 60_000);

const instance = (i: number) => cluster.asTestServer(i % INSTANCES);

describe('several instances on one PostgreSQL and one Redis', () => {
  it('report the database and Redis reachable, and are ready and live', async () => {
    for (let i = 0; i < INSTANCES; i++) {
      const { client } = instance(i);
      expect(await client.call(api.health.get)).toEqual({ status: 'ok', db: 'postgres', database: 'up', redis: 'up' });
      expect((await client.call(api.health.ready)).status).toBe('ok');
      expect(await client.call(api.health.live)).toEqual({ status: 'ok' });
    }
  });

  it('record every member of a check-in burst spread over them once, each member trying twice', async () => {
    const unit = await createUnit(cluster.database.db);
    const activity = await createActivity(cluster.database.db, { unitId: unit.id, startsAt: new Date(Date.now() + 10 * 60_000) });
    const members = [];
    for (let i = 0; i < 30; i++) {
      const member = await createMember(cluster.database.db, { unitId: unit.id, roles: ['member'] });
      members.push(await signIn(instance(0), member));
    }
    // Each member's two attempts go to two different instances, all at once.
    const attempts = members.flatMap((member, i) =>
      [i, i + 1].map((through) =>
        instance(through)
          .clientWith(member.token)
          .call(api.checkins.checkIn, { body: { token: codeFor(activity.id, new Date()) } }),
      ),
    );
    // A member already checked in gets their record back: both attempts answer with the one record.
    const records = await Promise.all(attempts);
    for (let i = 0; i < members.length; i++) expect(records[2 * i + 1]!.attendance.id).toBe(records[2 * i]!.attendance.id);
    const [counted] = await selectRows<{ rows: number; people: number }>(
      cluster.database.db,
      sql`select count(*)::int as rows, count(distinct member_id)::int as people from attendance where activity_id = ${activity.id}`,
    );
    expect(counted).toEqual({ rows: members.length, people: members.length });
  }, 60_000);

  it('hold the entry limit when submits of one unit arrive at every instance at once', async () => {
    const secretary = await secretariat(instance(0));
    const call = await openCall(instance(0), secretary.client, { entryLimit: 1 });
    const own = await unitAdmin(instance(0));
    const drafts = [];
    for (let i = 0; i < 6; i++) drafts.push(await completeDraft(own.client, call.id, { title: `多实例并发报送${i}` }));
    const outcomes = await Promise.allSettled(
      drafts.map((draft, i) =>
        instance(i)
          .clientWith(own.token)
          .call(api.entries.submit, { params: { id: draft.id } }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      await expectRefused(Promise.reject((outcome as PromiseRejectedResult).reason), entryRefusals.entry_limit_reached);
    }
    const handedIn = await cluster.database.db
      .select({ id: entries.id })
      .from(entries)
      .where(and(eq(entries.callId, call.id), eq(entries.status, 'submitted')));
    expect(handedIn).toHaveLength(1);
  }, 60_000);

  it('serve a file uploaded through one instance from the others, ranges included', async () => {
    const secretary = await secretariat(instance(0));
    const call = await openCall(instance(0), secretary.client);
    const own = await unitAdmin(instance(0));
    const draft = await completeDraft(own.client, call.id);
    const uploaded = await uploadImage(instance(0), own.token, draft.id, await png(200, 150), '活动照片.png');
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: number };

    const servedBy = await Promise.all(
      [1, 2].map(async (i) => Buffer.from(await (await fetchFile(instance(i), own.token, id)).arrayBuffer())),
    );
    expect(servedBy[0]!.length).toBeGreaterThan(100);
    expect(servedBy[1]).toEqual(servedBy[0]);

    const ranged = await fetch(`${instance(2).url}/api/entry-files/${id}`, {
      headers: { authorization: `Bearer ${own.token}`, range: 'bytes=10-49' },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 10-49/${servedBy[0]!.length}`);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(servedBy[0]!.subarray(10, 50));
  }, 60_000);

  it('run each scheduled job once per tick, though every instance tried it', async () => {
    // Every instance tries each job at start-up; their log lines say who ran which tick.
    const ticks = cluster.instances.flatMap((running, i) =>
      running.logs.filter((entry) => entry.msg === 'scheduled job tick').map((entry) => ({ ...entry, instance: i })),
    ) as unknown as { job: string; tick: number; outcome: string; instance: number }[];
    for (const job of ['activities.horizon', 'deductions.booking']) {
      const tried = ticks.filter((tick) => tick.job === job);
      expect(new Set(tried.map((tick) => tick.instance)).size).toBe(INSTANCES);
      for (const tick of new Set(tried.map((t) => t.tick))) {
        expect(tried.filter((t) => t.tick === tick && t.outcome === 'ran')).toHaveLength(1);
      }
      const [recorded] = await cluster.database.db.select().from(scheduledJobTicks).where(eq(scheduledJobTicks.name, job));
      expect(recorded?.lastTick).toBe(Math.max(...tried.map((t) => t.tick)));
    }
  });

  // Last: the flood uses up the sign-in allowance of 127.0.0.1 for this cluster.
  it('limit a sign-in flood spread over them in total, not per instance', async () => {
    const flood = Array.from({ length: SIGN_IN_RATE * INSTANCES }, (_, i) =>
      fetch(`${instance(i).url}/api/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
      }),
    );
    const statuses = (await Promise.all(flood)).map((response) => response.status);
    // Per process, each instance would let SIGN_IN_RATE through: three times the allowance.
    expect(statuses.filter((status) => status !== 429)).toHaveLength(SIGN_IN_RATE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(SIGN_IN_RATE * (INSTANCES - 1));
  });
});
