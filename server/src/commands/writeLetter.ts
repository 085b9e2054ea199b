import { addWorkingDays, LETTER_ACCEPT_DAYS, letterRefusals, LETTERS_PER_DAY, shanghaiToday, type LetterInput } from '@zhijian/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { letterPhotos, letters, members } from '../db/schema';
import { refuse } from '../errors';
import { presentLetterForAudit } from '../presenters/letters';
import { countLettersWrittenOn, unitSecretaries, type LetterRow } from '../queries/letters';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * A member writes to the unit's party secretaries or to the secretariat. At most three letters a
 * day: the writer's roster row is locked while the day's letters are counted, so concurrent
 * writes queue and the fourth is refused. A letter the content check held waits for review
 * before its reader sees it; the acceptance deadline runs from its release. The photos named are
 * claimed in one compare-and-set: only the writer's own, only ones no letter has taken yet.
 */
export async function writeLetter(
  ctx: CommandContext,
  { writer, input, verdict }: { writer: CurrentUser; input: LetterInput; verdict: ContentVerdict },
): Promise<LetterRow> {
  if (input.recipient === 'secretary') {
    if (writer.unitId === null) throw refuse(letterRefusals.no_unit);
    if ((await unitSecretaries(ctx.tx, writer.unitId)).length === 0) throw refuse(letterRefusals.no_secretary);
  }
  await ctx.tx.select({ id: members.id }).from(members).where(eq(members.id, writer.id)).for('update');
  const today = shanghaiToday(ctx.now);
  if ((await countLettersWrittenOn(ctx.tx, writer.id, today)) >= LETTERS_PER_DAY) {
    throw refuse(letterRefusals.daily_limit, { limit: LETTERS_PER_DAY });
  }
  const held = verdict.verdict === 'review';
  const [letter] = await ctx.tx
    .insert(letters)
    .values({
      writerId: writer.id,
      unitId: writer.unitId,
      recipient: input.recipient,
      kind: input.kind,
      body: input.body,
      anonymous: input.anonymous,
      status: held ? 'held' : 'pending',
      heldLabel: held ? (verdict.label ?? null) : null,
      writtenOn: today,
      acceptDueOn: addWorkingDays(today, LETTER_ACCEPT_DAYS),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (input.photoIds.length > 0) {
    const claimed = await ctx.tx
      .update(letterPhotos)
      .set({ letterId: letter!.id })
      .where(and(inArray(letterPhotos.id, input.photoIds), eq(letterPhotos.uploaderId, writer.id), isNull(letterPhotos.letterId)))
      .returning({ id: letterPhotos.id });
    if (claimed.length !== input.photoIds.length) throw refuse(letterRefusals.photo_not_yours);
  }
  await audit(ctx, {
    action: 'letter.write',
    entity: 'letter',
    entityId: letter!.id,
    after: { ...presentLetterForAudit(letter!), photoIds: input.photoIds },
    hideActor: input.anonymous,
  });
  return letter!;
}
