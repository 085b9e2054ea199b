import { shanghaiYear } from '@zhijian/shared';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { loadCurrentUser } from '../auth/currentUser';
import { decideCandidate } from '../commands/decideCandidate';
import { objectToWinner } from '../commands/objectToWinner';
import { openAwardReview } from '../commands/openAwardReview';
import { recommendCandidate } from '../commands/recommendCandidate';
import { startAwardPublicity } from '../commands/startAwardPublicity';
import type { Transaction } from '../db/client';
import { awardCandidates, members, units } from '../db/schema';
import { demoCommandRunner, demoUser } from './demoCommands';

const DAY = 24 * 3600_000;

/** The demo unit's 片组长 signs in with `dev:demo-group-leader`. */
export const DEMO_GROUP_LEADER_OPENID = 'demo-group-leader';

/**
 * 年度评优 of last year in the demo, through the commands at times before `now`: opened a month
 * ago, the demo unit recommended by its 片组长 for 先进集体 and selected, 公示 over three days ago
 * with 李青's objection still to be answered (the list goes into a 简报 draft the secretariat makes).
 */
export async function saveDemoAwards(tx: Transaction, unitId: number, now: Date): Promise<void> {
  const run = demoCommandRunner(tx);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const secretary = await demoUser(tx, 'demo-secretary');
  const member = await demoUser(tx, 'demo-member');
  // The 片组长 is one of the unit's roster members (the first fixed one not yet bound).
  const [chosen] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.unitId, unitId), eq(members.kind, 'fixed'), isNull(members.openid)))
    .orderBy(asc(members.id))
    .limit(1);
  await tx
    .update(members)
    .set({ roles: ['member', 'group_leader'], openid: DEMO_GROUP_LEADER_OPENID })
    .where(eq(members.id, chosen!.id));
  const leader = (await loadCurrentUser(tx, chosen!.id))!;
  const [unit] = await tx.select({ groupId: units.groupId }).from(units).where(eq(units.id, unitId));

  const review = await run(ago(30), secretary, openAwardReview, { year: shanghaiYear(now) - 1 });
  const [candidate] = await tx
    .select({ id: awardCandidates.id })
    .from(awardCandidates)
    .where(and(eq(awardCandidates.reviewId, review.id), eq(awardCandidates.award, 'unit'), eq(awardCandidates.unitId, unitId)));
  await run(ago(29), leader, recommendCandidate, {
    candidateId: candidate!.id,
    groupId: unit!.groupId,
    note: '党员固定活动日坚持得好，信息报送积极',
  });
  await run(ago(28), secretary, decideCandidate, { candidateId: candidate!.id, selected: true, note: '各项指标居片组前列，同意评选' });
  await run(ago(10), secretary, startAwardPublicity, { reviewId: review.id });
  await run(ago(9), member, objectToWinner, { candidateId: candidate!.id, text: '希望公布各单位出勤率的具体数据，便于大家了解。' });
}
