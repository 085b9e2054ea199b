import { formatDate, shanghaiDate, wishRefusals, type WishRequest, type WishScope } from '@zhijian/shared';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { wishes } from '../db/schema';
import { refuse } from '../errors';
import type { WishRow } from '../queries/wishes';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordWishEvent } from './recordWishEvent';

export interface CreateWishProps {
  input: WishRequest;
  wisher: { id: number; unitId: number };
  scope: WishScope;
  /** A member asking for themself: the unit admin reviews it before anyone sees it. */
  asked: boolean;
  verdict: ContentVerdict;
}

/**
 * A wish, published at once when an admin made it and its text passed the content check; else
 * held (待审核) for the unit admin or the secretariat — a member's own request always is.
 */
export async function createWish(ctx: CommandContext, { input, wisher, scope, asked, verdict }: CreateWishProps): Promise<WishRow> {
  if (input.deadline < formatDate(shanghaiDate(ctx.now))) throw refuse(wishRefusals.deadline_passed);
  const held = asked || verdict.verdict === 'review';
  const heldReason =
    verdict.verdict === 'review' ? `内容待审核${verdict.label ? `（${verdict.label}）` : ''}` : asked ? '党员本人申请' : null;
  const [wish] = await ctx.tx
    .insert(wishes)
    .values({
      scope,
      wisherId: wisher.id,
      unitId: wisher.unitId,
      title: input.title,
      reason: input.reason,
      estimatedValue: input.estimatedValue,
      deadline: input.deadline,
      status: held ? 'pending_review' : 'open',
      heldReason,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
    })
    .returning();
  await recordWishEvent(ctx, wish!.id, asked ? 'asked' : 'published');
  if (verdict.verdict === 'review') await recordWishEvent(ctx, wish!.id, 'held', heldReason);
  await audit(ctx, { action: asked ? 'wish.ask' : 'wish.publish', entity: 'wish', entityId: wish!.id, after: wish });
  return wish!;
}
