import { topicRefusals, type TopicReassignInput } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { topicClaims } from '../db/schema';
import { refuse } from '../errors';
import { findOtherClaimOfUnit, findTopicClaim, type TopicClaimRow } from '../queries/topics';
import { findUnit } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';
import { assertTopicFree } from './confirmTopicClaim';

/** 调剂: the claim goes to another unit and is confirmed, with the reason on record. */
export async function reassignTopicClaim(
  ctx: CommandContext,
  { claimId, input }: { claimId: number; input: TopicReassignInput },
): Promise<TopicClaimRow> {
  const claim = await findTopicClaim(ctx.tx, claimId, { lock: true });
  await findUnit(ctx.tx, input.unitId);
  await assertTopicFree(ctx.tx, claim);
  const taken = await findOtherClaimOfUnit(ctx.tx, claim.topicId, input.unitId, claim.id);
  if (taken) throw refuse(topicRefusals.unit_already_claimed, { claimId: taken.id });
  const [after] = await ctx.tx
    .update(topicClaims)
    .set({
      unitId: input.unitId,
      groupId: null,
      status: 'confirmed',
      note: input.reason,
      decidedBy: ctx.actor?.id ?? null,
      decidedAt: ctx.now,
    })
    .where(eq(topicClaims.id, claim.id))
    .returning();
  await audit(ctx, {
    action: 'topic.reassign',
    entity: 'topic_claim',
    entityId: claim.id,
    before: { unitId: claim.unitId, status: claim.status },
    after: { unitId: input.unitId, status: 'confirmed', reason: input.reason },
  });
  return after!;
}
