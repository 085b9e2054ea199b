import { callRefusals, topicRefusals, type TopicClaimInput } from '@zhijian/shared';
import { topicClaims } from '../db/schema';
import { refuse } from '../errors';
import { findCall } from '../queries/calls';
import type { TopicClaimRow, TopicRow } from '../queries/topics';
import { findUnit } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * A unit claims a topic, for itself or on behalf of its 片组, until the call closes. One claim per
 * unit and topic: the unique key decides between two claims sent at once.
 */
export async function claimTopic(
  ctx: CommandContext,
  { topic, unitId, input }: { topic: TopicRow; unitId: number; input: TopicClaimInput },
): Promise<TopicClaimRow> {
  const call = await findCall(ctx.tx, topic.callId);
  if (call.closesAt.getTime() <= ctx.now.getTime()) {
    throw refuse(callRefusals.call_closed, { closesAt: call.closesAt.toISOString() }, '课题调研已截止');
  }
  const unit = await findUnit(ctx.tx, unitId);
  const [created] = await ctx.tx
    .insert(topicClaims)
    .values({
      topicId: topic.id,
      unitId,
      groupId: input.forGroup ? unit.groupId : null,
      note: input.note ?? null,
      claimedBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) throw refuse(topicRefusals.topic_already_claimed);
  await audit(ctx, { action: 'topic.claim', entity: 'topic_claim', entityId: created.id, after: created });
  return created;
}
