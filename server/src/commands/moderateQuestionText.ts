import { questionRefusals, type ModerationInput, type ModerationState } from '@zhijian/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { questionAnswers, questions } from '../db/schema';
import { refuse } from '../errors';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Release moves held text to shown; hide moves held or shown text to hidden, with the reason its author reads. */
function transition(input: ModerationInput): { from: ModerationState[]; to: ModerationState; hiddenReason: string | null } {
  return input.action === 'release'
    ? { from: ['held'], to: 'visible', hiddenReason: null }
    : { from: ['held', 'visible'], to: 'hidden', hiddenReason: input.reason! };
}

/** The unit admin lets a held question through or hides a question (compare-and-set on its state). */
export async function moderateQuestion(
  ctx: CommandContext,
  { question, input }: { question: { id: number; moderation: ModerationState }; input: ModerationInput },
): Promise<void> {
  const step = transition(input);
  const [after] = await ctx.tx
    .update(questions)
    .set({ moderation: step.to, hiddenReason: step.hiddenReason, moderatedBy: ctx.actor?.id ?? null, moderatedAt: ctx.now })
    .where(and(eq(questions.id, question.id), inArray(questions.moderation, step.from)))
    .returning({ id: questions.id, moderation: questions.moderation, hiddenReason: questions.hiddenReason });
  if (!after) {
    const [now] = await ctx.tx.select({ moderation: questions.moderation }).from(questions).where(eq(questions.id, question.id));
    throw refuse(questionRefusals.already_moderated, { moderation: now?.moderation ?? question.moderation });
  }
  await audit(ctx, {
    action: `question.${input.action}`,
    entity: 'question',
    entityId: question.id,
    before: { moderation: question.moderation },
    after,
  });
}

/** The same for an answer. */
export async function moderateAnswer(
  ctx: CommandContext,
  { answer, input }: { answer: { id: number; moderation: ModerationState }; input: ModerationInput },
): Promise<void> {
  const step = transition(input);
  const [after] = await ctx.tx
    .update(questionAnswers)
    .set({ moderation: step.to, hiddenReason: step.hiddenReason, moderatedBy: ctx.actor?.id ?? null, moderatedAt: ctx.now })
    .where(and(eq(questionAnswers.id, answer.id), inArray(questionAnswers.moderation, step.from)))
    .returning({ id: questionAnswers.id, moderation: questionAnswers.moderation, hiddenReason: questionAnswers.hiddenReason });
  if (!after) {
    const [now] = await ctx.tx
      .select({ moderation: questionAnswers.moderation })
      .from(questionAnswers)
      .where(eq(questionAnswers.id, answer.id));
    throw refuse(questionRefusals.already_moderated, { moderation: now?.moderation ?? answer.moderation });
  }
  await audit(ctx, {
    action: `question_answer.${input.action}`,
    entity: 'question_answer',
    entityId: answer.id,
    before: { moderation: answer.moderation },
    after,
  });
}
