import { computePioneerIndex, indexRefusals, shanghaiYearRange } from '@zhijian/shared';
import { indexSnapshots, indexYears } from '../db/schema';
import { refuse } from '../errors';
import { lockYearForClosing } from '../queries/closedYears';
import {
  findIndexYear,
  indexInputsOf,
  loadMemberFigures,
  rosteredMembers,
  settingsForYear,
  type IndexYearRow,
} from '../queries/pioneerIndex';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Rows per insert: five parameters each, far below PostgreSQL's limit of 65 535. */
const CHUNK = 1000;

/**
 * 年度结账: once a year is over (Asia/Shanghai), the secretariat freezes every rostered member's
 * index of it — as of the closing, so records of the year that took effect in January count —
 * into `index_snapshots`. From then on the year reads the snapshot, and its records refuse
 * changes (`bonus_year_closed`, `record_year_closed`; `lockYearForClosing` orders the two). The
 * year's row is written first: a second closing, even a concurrent one, finds it and is refused.
 */
export async function closeIndexYear(ctx: CommandContext, { year }: { year: number }): Promise<{ row: IndexYearRow; members: number }> {
  if (ctx.now < shanghaiYearRange(year).end) throw refuse(indexRefusals.year_not_over, { year });
  await lockYearForClosing(ctx.tx, year);
  const [row] = await ctx.tx
    .insert(indexYears)
    .values({ year, closedAt: ctx.now, closedBy: ctx.actor?.id ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const closed = await findIndexYear(ctx.tx, year);
    throw refuse(indexRefusals.year_already_closed, { year, closedAt: (closed?.closedAt ?? ctx.now).toISOString() });
  }
  const roster = await rosteredMembers(ctx.tx);
  const settings = await settingsForYear(ctx.tx, year, ctx.now);
  const figures = await loadMemberFigures(
    ctx.tx,
    roster.map((m) => m.id),
    year,
    ctx.now,
  );
  const snapshots = roster.map((member) => {
    const breakdown = computePioneerIndex(indexInputsOf(figures.get(member.id)!), settings);
    return { year, memberId: member.id, unitId: member.unitId, value: breakdown.value, breakdown };
  });
  for (let i = 0; i < snapshots.length; i += CHUNK) await ctx.tx.insert(indexSnapshots).values(snapshots.slice(i, i + CHUNK));
  await audit(ctx, { action: 'index.close_year', entity: 'index_year', entityId: year, after: { year, members: snapshots.length } });
  return { row, members: snapshots.length };
}
