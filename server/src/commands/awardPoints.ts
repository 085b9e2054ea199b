import {
  addDays,
  categoryCaps,
  formatMonth,
  monthSpan,
  shanghaiDate,
  shanghaiInstant,
  shanghaiYear,
  shanghaiYearRange,
  type PointCategory,
  type RecordSettings,
} from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { selectRows } from '../db/client';
import { pointsLedger } from '../db/schema';
import { settingsAt } from '../queries/recordSettings';
import type { CommandContext } from './context';

export interface AwardPointsProps {
  memberId: number;
  category: Exclude<PointCategory, 'integrity'>;
  /** What earned them: one award per member and source (`article_read` + the article, `attendance` + its id, …). */
  sourceType: string;
  sourceId: number;
  points: number;
  reason: string;
  /** When they were earned: the day and year the caps count them in. */
  at: Date;
  /** The settings in force now, when the caller has already read them. */
  settings?: RecordSettings;
  /**
   * At most this many awards of `sourceType` per (Shanghai) month for the member — e.g. 传帮带
   * answers marked as the solution. Counted under the same lock as the caps.
   */
  monthlyAwardsOfSource?: number;
}

/** The namespace of the per-member points lock (the member's id is the second key). */
const POINTS_LOCK = 0x1017_5e75;

/** The Shanghai day of `at`: `[start, end)`. */
function dayRange(at: Date): { start: Date; end: Date } {
  const day = shanghaiDate(at);
  return { start: shanghaiInstant(day, '00:00'), end: shanghaiInstant(addDays(day, 1), '00:00') };
}

/**
 * Writes a member's points of a category once per source, clipped to the category's caps per
 * (Shanghai) day and per year under the settings in force now. Every source of 活动、学习 and 公益
 * points comes through here. With a cap set, the member's points are serialised by a transaction
 * advisory lock taken before the day's and year's sums are read, so awards arriving together never
 * pass a cap; clipped to nothing, nothing is written. A source already awarded writes nothing
 * (the ledger's unique source). Must run in a transaction. Answers the points written.
 */
export async function awardPoints(ctx: CommandContext, props: AwardPointsProps): Promise<number> {
  if (props.points <= 0) return 0;
  const settings = props.settings ?? (await settingsAt(ctx.tx, ctx.now));
  const { dailyCap, yearlyCap } = categoryCaps(settings, props.category);
  let points = props.points;
  const monthly = props.monthlyAwardsOfSource;
  if (dailyCap !== null || yearlyCap !== null || monthly !== undefined) {
    await ctx.tx.execute(sql`select pg_advisory_xact_lock(${POINTS_LOCK}::int, ${props.memberId}::int)`);
  }
  if (monthly !== undefined) {
    const { year, month } = shanghaiDate(props.at);
    const span = monthSpan(formatMonth(year, month));
    const [awarded] = await selectRows<{ n: number }>(
      ctx.tx,
      sql`select count(*)::int as n from points_ledger
           where member_id = ${props.memberId} and source_type = ${props.sourceType} and reverses_id is null
             and created_at >= ${span.start.toISOString()}::timestamptz and created_at < ${span.end.toISOString()}::timestamptz`,
    );
    if ((awarded?.n ?? 0) >= monthly) return 0;
  }
  if (dailyCap !== null || yearlyCap !== null) {
    const day = dayRange(props.at);
    const year = shanghaiYearRange(shanghaiYear(props.at));
    const [sums] = await selectRows<{ day: number; year: number }>(
      ctx.tx,
      sql`select coalesce(sum(points) filter (where created_at >= ${day.start.toISOString()}::timestamptz
                                               and created_at < ${day.end.toISOString()}::timestamptz), 0)::int as day,
                 coalesce(sum(points), 0)::int as year
            from points_ledger
           where member_id = ${props.memberId} and category = ${props.category}
             and created_at >= ${year.start.toISOString()}::timestamptz and created_at < ${year.end.toISOString()}::timestamptz`,
    );
    if (dailyCap !== null) points = Math.min(points, dailyCap - (sums?.day ?? 0));
    if (yearlyCap !== null) points = Math.min(points, yearlyCap - (sums?.year ?? 0));
  }
  if (points <= 0) return 0;
  const written = await ctx.tx
    .insert(pointsLedger)
    .values({
      memberId: props.memberId,
      category: props.category,
      points,
      reason: props.reason,
      sourceType: props.sourceType,
      sourceId: props.sourceId,
      createdAt: props.at,
    })
    .onConflictDoNothing()
    .returning({ id: pointsLedger.id });
  return written.length ? points : 0;
}
