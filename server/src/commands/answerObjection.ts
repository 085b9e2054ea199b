import { awardRefusals } from '@zhijian/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { awardObjections } from '../db/schema';
import { refuse } from '../errors';
import { findObjection } from '../queries/awards';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The secretariat answers an objection once (compare-and-set on the unanswered row). */
export async function answerObjection(ctx: CommandContext, { objectionId, answer }: { objectionId: number; answer: string }) {
  const objection = await findObjection(ctx.tx, objectionId);
  const [answered] = await ctx.tx
    .update(awardObjections)
    .set({ answer, answeredBy: ctx.actor?.id ?? null, answeredAt: ctx.now })
    .where(and(eq(awardObjections.id, objection.id), isNull(awardObjections.answeredAt)))
    .returning();
  if (!answered) throw refuse(awardRefusals.already_answered);
  await audit(ctx, { action: 'awards.answer', entity: 'award_objection', entityId: objection.id, after: { answer } });
}
