import { bonusRefusals, formatDate, shanghaiDate, type BonusClaimInput } from '@zhijian/shared';
import { bonusClaims } from '../db/schema';
import { refuse } from '../errors';
import type { BonusClaimRow } from '../queries/bonuses';
import { isYearClosed } from '../queries/closedYears';
import { settingsAt } from '../queries/recordSettings';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordEvent } from './recordEvent';

/**
 * A member declares a 正向加分 item for the unit admin to review: a kind from the association's
 * list in force now (its name is kept with the claim), a day not after today (Shanghai) in a year
 * not yet closed, and what was done.
 */
export async function declareBonus(
  ctx: CommandContext,
  { member, input }: { member: { id: number; unitId: number }; input: BonusClaimInput },
): Promise<BonusClaimRow> {
  const settings = await settingsAt(ctx.tx, ctx.now);
  const kind = settings.bonusKinds.find((k) => k.key === input.kindKey);
  if (!kind) throw refuse(bonusRefusals.bonus_kind_unknown, { kindKey: input.kindKey });
  if (input.occurredOn > formatDate(shanghaiDate(ctx.now))) throw refuse(bonusRefusals.bonus_date_in_future);
  const year = Number(input.occurredOn.slice(0, 4));
  if (await isYearClosed(ctx.tx, year)) throw refuse(bonusRefusals.bonus_year_closed, { year });
  const [claim] = await ctx.tx
    .insert(bonusClaims)
    .values({
      memberId: member.id,
      unitId: member.unitId,
      kindKey: kind.key,
      kindName: kind.name,
      occurredOn: input.occurredOn,
      description: input.description,
      createdAt: ctx.now,
    })
    .returning();
  await recordEvent(ctx, { subject: 'bonus', subjectId: claim!.id, action: 'declared' });
  await audit(ctx, { action: 'bonus.declare', entity: 'bonus_claim', entityId: claim!.id, after: claim });
  return claim!;
}
