import { topicRefusals, type TopicInput } from '@zhijian/shared';
import { researchTopics } from '../db/schema';
import { refuse } from '../errors';
import type { CallRow } from '../queries/calls';
import type { TopicRow } from '../queries/topics';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A research topic for units to claim; only a research call has topics. */
export async function createTopic(ctx: CommandContext, { call, input }: { call: CallRow; input: TopicInput }): Promise<TopicRow> {
  if (call.kind !== 'research') throw refuse(topicRefusals.not_a_research_call);
  const [created] = await ctx.tx
    .insert(researchTopics)
    .values({ callId: call.id, ...input, createdAt: ctx.now })
    .returning();
  await audit(ctx, { action: 'topic.create', entity: 'research_topic', entityId: created!.id, after: created });
  return created!;
}
