import type { TopicChanges } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { researchTopics } from '../db/schema';
import type { TopicRow } from '../queries/topics';
import { audit } from './audit';
import type { CommandContext } from './context';

export async function updateTopic(ctx: CommandContext, { topic, changes }: { topic: TopicRow; changes: TopicChanges }): Promise<TopicRow> {
  const [after] = await ctx.tx.update(researchTopics).set(changes).where(eq(researchTopics.id, topic.id)).returning();
  await audit(ctx, { action: 'topic.update', entity: 'research_topic', entityId: topic.id, before: topic, after });
  return after!;
}
