import { newsRefusals, type PlaceInBulletinInput } from '@zhijian/shared';
import { refuse } from '../errors';
import { findCall } from '../queries/calls';
import { findEntry } from '../queries/entries';
import { findUnit } from '../queries/units';
import type { CommandContext } from './context';
import { placeEntryInBulletin, type Placement } from './placeEntryInBulletin';
import { transitionEntry } from './transitionEntry';

/** 采用: a news item becomes an article of a draft 简报 issue, and counts for its unit and officer. */
export async function adoptNews(
  ctx: CommandContext,
  { entryId, input }: { entryId: number; input: PlaceInBulletinInput },
): Promise<Placement> {
  const entry = await findEntry(ctx.tx, entryId, { lock: true });
  const call = await findCall(ctx.tx, entry.callId);
  if (call.kind !== 'news') throw refuse(newsRefusals.not_news);
  await transitionEntry(ctx, { entry, action: 'adopt', bySecretariat: true });
  const unit = await findUnit(ctx.tx, entry.unitId);
  return placeEntryInBulletin(ctx, { entry, unitName: unit.name, issueId: input.issueId, section: input.section, kind: 'adopted' });
}
