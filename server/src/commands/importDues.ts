import { duesRefusals } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { duesPayments } from '../db/schema';
import type { DuesSheetEntry } from '../duesSheet/validateDuesSheet';
import { refuse } from '../errors';
import { rosterBranchesAmong } from '../queries/recordMembers';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Writes a checked dues sheet of a year, all rows or none (one transaction): each amount given is
 * recorded for its member and month, correcting what was there; months left empty in the sheet
 * keep what is recorded.
 */
export async function importDues(
  ctx: CommandContext,
  { unitId, year, entries, fileName }: { unitId: number; year: number; entries: DuesSheetEntry[]; fileName: string },
): Promise<{ year: number; recorded: number; members: number }> {
  // The sheet was checked against the roster before this transaction: a member removed meanwhile is a problem of their row.
  const onRoster = await rosterBranchesAmong(
    ctx.tx,
    unitId,
    entries.map((entry) => entry.memberId),
  );
  const gone = entries.filter((entry) => !onRoster.has(entry.memberId));
  if (gone.length) {
    throw refuse(duesRefusals.dues_sheet_invalid, {
      rows: gone.map((entry) => ({ row: entry.rowNumber, column: '手机号', problem: '该党员已不在本单位名册中' })),
    });
  }
  const values = entries.flatMap((entry) =>
    entry.months.map((m) => ({
      memberId: entry.memberId,
      unitId,
      month: m.month,
      amountCents: m.amountCents,
      paidOn: m.paidOn,
      recordedBy: ctx.actor?.id ?? null,
      recordedAt: ctx.now,
    })),
  );
  // A few hundred members × 12 months: written in slices to stay well under the parameter limit.
  for (let at = 0; at < values.length; at += 500) {
    await ctx.tx
      .insert(duesPayments)
      .values(values.slice(at, at + 500))
      .onConflictDoUpdate({
        target: [duesPayments.memberId, duesPayments.month],
        set: {
          unitId: sql`excluded.unit_id`,
          amountCents: sql`excluded.amount_cents`,
          paidOn: sql`excluded.paid_on`,
          recordedBy: sql`excluded.recorded_by`,
          recordedAt: sql`excluded.recorded_at`,
        },
      });
  }
  const result = { year, recorded: values.length, members: entries.filter((entry) => entry.months.length > 0).length };
  await audit(ctx, { action: 'dues.import', entity: 'unit', entityId: unitId, after: { file: fileName, ...result } });
  return result;
}
