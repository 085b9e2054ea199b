import { and, eq, isNull } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Database } from '../db/client';
import { attendance, pointsLedger } from '../db/schema';
import { recordAudit } from './recordAudit';

type AttendanceRow = typeof attendance.$inferSelect;

/**
 * Takes back an attendance record (e.g. a manual check-in entered for the wrong person): the
 * record goes, its points are reversed by a negative ledger row naming the original, and the
 * audit log keeps the record as it was. The ledger itself is never updated or deleted.
 */
export async function revokeAttendance(db: Database, actor: CurrentUser, record: AttendanceRow, reason: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [earned] = await tx
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.sourceType, 'attendance'), eq(pointsLedger.sourceId, record.id), isNull(pointsLedger.reversesId)));
    if (earned) {
      await tx.insert(pointsLedger).values({
        memberId: earned.memberId,
        points: -earned.points,
        reason: `冲回：${reason}`,
        sourceType: 'attendance_revoke',
        sourceId: record.id,
        reversesId: earned.id,
        createdAt: now,
      });
    }
    await tx.delete(attendance).where(eq(attendance.id, record.id));
    await recordAudit(tx, {
      actor,
      action: 'attendance.revoke',
      entity: 'attendance',
      entityId: record.id,
      before: record,
      after: { reason },
      at: now,
    });
  });
}
