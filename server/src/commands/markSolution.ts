import { questionRefusals, volunteeringRules } from '@zhijian/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { questionAnswers, questions } from '../db/schema';
import { notFound, refuse } from '../errors';
import { findAnswer, findQuestion } from '../queries/questions';
import { settingsAt } from '../queries/recordSettings';
import { audit } from './audit';
import { awardPoints } from './awardPoints';
import type { CommandContext } from './context';

/**
 * The asker marks the answer that solved the question, once: the mark moves from null by a
 * compare-and-set, so of two marks made together one is refused and nothing pays twice. The
 * answer's author earns the settings' points (category from the settings, default 公益), at most
 * the settings' number of such awards a month — counted under the ledger's per-member lock.
 */
export async function markSolution(
  ctx: CommandContext,
  { questionId, answerId, askerId }: { questionId: number; answerId: number; askerId: number },
): Promise<{ points: number }> {
  const question = await findQuestion(ctx.tx, questionId);
  if (question.askerId !== askerId) throw refuse(questionRefusals.not_asker);
  // A hidden (or still held) question pays nobody: its answers were taken out of sight with it.
  if (question.moderation !== 'visible') throw refuse(questionRefusals.question_not_visible);
  if (question.solvedAnswerId !== null) throw refuse(questionRefusals.already_solved, { answerId: question.solvedAnswerId });
  const { answer } = await findAnswer(ctx.tx, answerId);
  if (answer.questionId !== question.id) throw notFound('回答');
  if (answer.authorId === askerId) throw refuse(questionRefusals.own_answer);
  if (answer.moderation !== 'visible') throw refuse(questionRefusals.answer_not_visible);
  const [solved] = await ctx.tx
    .update(questions)
    .set({ solvedAnswerId: answer.id, solvedAt: ctx.now })
    .where(and(eq(questions.id, question.id), isNull(questions.solvedAnswerId)))
    .returning({ solvedAnswerId: questions.solvedAnswerId });
  if (!solved) {
    const now = await findQuestion(ctx.tx, question.id);
    throw refuse(questionRefusals.already_solved, { answerId: now.solvedAnswerId ?? answer.id });
  }
  const settings = await settingsAt(ctx.tx, ctx.now);
  const rules = volunteeringRules(settings);
  const points = await awardPoints(ctx, {
    memberId: answer.authorId,
    category: rules.answerCategory,
    sourceType: 'question_answer',
    sourceId: answer.id,
    points: rules.perSolvedAnswer,
    reason: `传帮带：回答被采纳（${question.title}）`,
    at: ctx.now,
    settings,
    monthlyAwardsOfSource: rules.solvedAnswersPerMonth,
  });
  await ctx.tx.update(questionAnswers).set({ points }).where(eq(questionAnswers.id, answer.id));
  await audit(ctx, {
    action: 'question.solve',
    entity: 'question',
    entityId: question.id,
    before: { solvedAnswerId: null },
    after: { solvedAnswerId: answer.id, points },
  });
  return { points };
}
