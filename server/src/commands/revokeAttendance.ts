import { and, eq, isNull } from 'drizzle-orm';
import { attendance, pointsLedger } from '../db/schema';
import type { AttendanceRow } from '../queries/checkins';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Takes back an attendance record (e.g. a manual check-in entered for the wrong person): the
 * record goes, its points are reversed by a negative ledger row naming the original, and the
 * audit log keeps the record as it was. The ledger itself is never updated or deleted.
 */
export async function revokeAttendance(ctx: CommandContext, { record, reason }: { record: AttendanceRow; reason: string }): Promise<void> {
  const [earned] = await ctx.tx
    .select()
    .from(pointsLedger)
    // Member, source and no reversal: the ledger's unique source index answers it.
    .where(
      and(
        eq(pointsLedger.memberId, record.memberId),
        eq(pointsLedger.sourceType, 'attendance'),
        eq(pointsLedger.sourceId, record.id),
        isNull(pointsLedger.reversesId),
      ),
    );
  if (earned) {
    await ctx.tx.insert(pointsLedger).values({
      memberId: earned.memberId,
      category: earned.category,
      points: -earned.points,
      reason: `冲回：${reason}`,
      sourceType: 'attendance_revoke',
      sourceId: record.id,
      reversesId: earned.id,
      createdAt: ctx.now,
    });
  }
  await ctx.tx.delete(attendance).where(eq(attendance.id, record.id));
  await audit(ctx, { action: 'attendance.revoke', entity: 'attendance', entityId: record.id, before: record, after: { reason } });
}
