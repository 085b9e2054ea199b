import type { QuestionInput } from '@zhijian/shared';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { questions } from '../db/schema';
import { questionSearchFields, type QuestionRecord } from '../queries/questions';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Why held text waits, when the checker gave no label of its own. */
export const HELD_WITHOUT_LABEL = '内容安全检测未通过';

/** A member of the unit asks; text the content check held waits for the unit admin. */
export async function askQuestion(
  ctx: CommandContext,
  { asker, input, verdict }: { asker: { id: number; unitId: number }; input: QuestionInput; verdict: ContentVerdict },
): Promise<QuestionRecord> {
  const held = verdict.verdict === 'review';
  const [question] = await ctx.tx
    .insert(questions)
    .values({
      unitId: asker.unitId,
      askerId: asker.id,
      title: input.title,
      body: input.body,
      tags: input.tags,
      moderation: held ? 'held' : 'visible',
      heldLabel: held ? (verdict.label ?? HELD_WITHOUT_LABEL) : null,
      ...questionSearchFields(input.title, input.body, input.tags),
      createdAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'question.ask', entity: 'question', entityId: question!.id, after: { ...question!, bigrams: undefined } });
  return question!;
}
