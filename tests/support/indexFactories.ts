import { api, type ApiClient, type PointCategory, type Role } from '@zhijian/shared';
import type { Queryable } from '../../server/src/db/client';
import { attendance, attendanceRequests, bonusClaims, pointsLedger, sanctions } from '../../server/src/db/schema';
import { at } from './checkinFactories';
import { signedIn, setClock } from './recordFactories';
import type { TestServer } from './testServer';

/**
 * Rows behind the 先锋指数 written straight to the test database, for records no command writes
 * yet (学习/公益 points) or where many are needed at once; the routes' own tests cover the commands.
 */
let source = 900_000;

/** A ledger row of a category, written at a Shanghai wall-clock time. */
export async function ledgerRow(db: Queryable, memberId: number, category: PointCategory, points: number, local: string) {
  source += 1;
  await db.insert(pointsLedger).values({
    memberId,
    category,
    points,
    reason: `测试${category}`,
    sourceType: 'test',
    sourceId: source,
    createdAt: at(local),
  });
}

/** An approved 正向加分 claim, decided at a Shanghai wall-clock time. */
export async function approvedBonus(
  db: Queryable,
  claim: { memberId: number; unitId: number; points: number; occurredOn: string; decidedAt: string },
) {
  await db.insert(bonusClaims).values({
    memberId: claim.memberId,
    unitId: claim.unitId,
    kindKey: 'honour',
    kindName: '获得表彰',
    occurredOn: claim.occurredOn,
    description: '获得区级优秀志愿者表彰',
    status: 'approved',
    points: claim.points,
    decidedAt: at(claim.decidedAt),
    createdAt: at(claim.decidedAt),
  });
}

export async function sanctionRow(db: Queryable, sanction: { memberId: number; unitId: number; year: number; recordedAt: string }) {
  await db.insert(sanctions).values({
    memberId: sanction.memberId,
    unitId: sanction.unitId,
    year: sanction.year,
    description: '受到党内警告处分',
    decidedOn: sanction.recordedAt.slice(0, 10),
    recordedAt: at(sanction.recordedAt),
  });
}

export async function present(db: Queryable, activityId: number, memberId: number, checkedIn: Date) {
  await db.insert(attendance).values({ activityId, memberId, status: 'present', method: 'scan', checkedInAt: checkedIn });
}

export async function approvedLeave(db: Queryable, activityId: number, memberId: number, decided: Date) {
  await db
    .insert(attendanceRequests)
    .values({ activityId, memberId, kind: 'leave', reason: '外出培训', status: 'approved', decidedAt: decided, createdAt: decided });
}

/** Moves the clock to a Shanghai wall-clock time and signs these people in again (access tokens last hours). */
export async function movedTo(server: TestServer, local: string, ...people: { id: number; roles: Role[] }[]): Promise<ApiClient[]> {
  setClock(server, local);
  const clients: ApiClient[] = [];
  for (const person of people) clients.push(await signedIn(server, person));
  return clients;
}

/** A member declares a claim and their unit's admin approves it with these points, both now. */
export async function declareAndApprove(member: ApiClient, admin: ApiClient, points: number, occurredOn: string) {
  const claim = await member.call(api.bonuses.declare, {
    body: { kindKey: 'innovation', occurredOn, description: '牵头完成车间节能技改项目' },
  });
  return admin.call(api.bonuses.decide, { params: { id: claim.id }, body: { approve: true, points } });
}
