import { topicRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { topicClaims } from '../db/schema';
import { refuse } from '../errors';
import { findOtherConfirmedClaim, findTopicClaim, type TopicClaimRow } from '../queries/topics';
import { audit } from './audit';
import type { CommandContext } from './context';

/** One confirmed claim per topic: confirming or reassigning a claim makes it the one (the unique index holds it too). */
export async function assertTopicFree(db: Queryable, claim: TopicClaimRow): Promise<void> {
  const confirmed = await findOtherConfirmedClaim(db, claim.topicId, claim.id);
  if (confirmed) throw refuse(topicRefusals.topic_taken, { confirmedClaimId: confirmed.id });
}

/** The secretariat confirms a claim: that unit carries the topic; other claims wait to be reassigned. */
export async function confirmTopicClaim(ctx: CommandContext, { claimId }: { claimId: number }): Promise<TopicClaimRow> {
  const claim = await findTopicClaim(ctx.tx, claimId, { lock: true });
  if (claim.status === 'confirmed') throw refuse(topicRefusals.claim_already_confirmed);
  await assertTopicFree(ctx.tx, claim);
  const [after] = await ctx.tx
    .update(topicClaims)
    .set({ status: 'confirmed', decidedBy: ctx.actor?.id ?? null, decidedAt: ctx.now })
    .where(eq(topicClaims.id, claim.id))
    .returning();
  await audit(ctx, {
    action: 'topic.confirm',
    entity: 'topic_claim',
    entityId: claim.id,
    before: { status: claim.status },
    after: { status: 'confirmed' },
  });
  return after!;
}
