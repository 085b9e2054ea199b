import { questionRefusals } from '@zhijian/shared';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { questionAnswers } from '../db/schema';
import { refuse } from '../errors';
import type { AnswerRecord, QuestionRecord } from '../queries/questions';
import { HELD_WITHOUT_LABEL } from './askQuestion';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A member answers a shown question; text the content check held waits for the unit admin. */
export async function answerQuestion(
  ctx: CommandContext,
  { question, authorId, body, verdict }: { question: QuestionRecord; authorId: number; body: string; verdict: ContentVerdict },
): Promise<AnswerRecord> {
  if (question.moderation !== 'visible') throw refuse(questionRefusals.question_not_visible);
  const held = verdict.verdict === 'review';
  const [answer] = await ctx.tx
    .insert(questionAnswers)
    .values({
      questionId: question.id,
      authorId,
      body,
      moderation: held ? 'held' : 'visible',
      heldLabel: held ? (verdict.label ?? HELD_WITHOUT_LABEL) : null,
      createdAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'question.answer', entity: 'question_answer', entityId: answer!.id, after: answer });
  return answer!;
}
