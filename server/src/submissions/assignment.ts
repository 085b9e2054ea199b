import { eq, inArray, sql } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import { recordAudit } from '../commands/recordAudit';
import { selectRows, type Queryable } from '../db/client';
import { groups, members, reviewAssignments, units } from '../db/schema';
import { conflict } from '../legacyErrors';

export interface ReviewerInfo {
  id: number;
  name: string;
  unitId: number | null;
  unitName: string | null;
  groupId: number | null;
  groupName: string | null;
}

/** Everyone holding the reviewer role, with the unit and 片组 that decide conflicts of interest. */
export async function allReviewers(db: Queryable): Promise<ReviewerInfo[]> {
  return db
    .select({
      id: members.id,
      name: members.name,
      unitId: members.unitId,
      unitName: units.name,
      groupId: units.groupId,
      groupName: groups.name,
    })
    .from(members)
    .leftJoin(units, eq(units.id, members.unitId))
    .leftJoin(groups, eq(groups.id, units.groupId))
    .where(sql`'reviewer' = any(${members.roles})`)
    .orderBy(members.id);
}

/** A reviewer may not judge their own unit's entry, nor one from their own 片组. */
export function conflictOf(reviewer: ReviewerInfo, entryUnit: { unitId: number; groupId: number }): 'same_unit' | 'same_group' | null {
  if (reviewer.unitId === entryUnit.unitId) return 'same_unit';
  if (reviewer.groupId !== null && reviewer.groupId === entryUnit.groupId) return 'same_group';
  return null;
}

/** Reviewers are assigned, and may decline, while the round is open: after pre-screen, before results. */
export function assertRoundOpen(call: { resultsPublishedAt: Date | null; reviewRoundClosedAt: Date | null }): void {
  if (call.resultsPublishedAt) throw conflict('结果已发布，评审已结束');
  if (call.reviewRoundClosedAt) throw conflict('评审轮次已结束');
}

export const CONFLICT_LABELS = { same_unit: '与报送单位同单位', same_group: '与报送单位同片组' } as const;

/**
 * The least-loaded reviewers without a conflict who have not been asked about this entry yet
 * (a reviewer who declined is not asked again). Ties go to the reviewer registered first, so the
 * choice is reproducible.
 */
export function pickReviewers(
  reviewers: readonly ReviewerInfo[],
  entryUnit: { unitId: number; groupId: number },
  alreadyAsked: ReadonlySet<number>,
  load: ReadonlyMap<number, number>,
  needed: number,
): ReviewerInfo[] {
  return reviewers
    .filter((r) => !alreadyAsked.has(r.id) && conflictOf(r, entryUnit) === null)
    .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.id - b.id)
    .slice(0, Math.max(0, needed));
}

export async function insertAssignment(
  tx: Queryable,
  values: {
    entryId: number;
    reviewerId: number;
    deadline: Date;
    overrideReason: string | null;
    actor: CurrentUser;
    at: Date;
    reason: string;
  },
) {
  const [created] = await tx
    .insert(reviewAssignments)
    .values({
      entryId: values.entryId,
      reviewerId: values.reviewerId,
      deadline: values.deadline,
      conflictOverrideReason: values.overrideReason,
      assignedBy: values.actor.id,
      assignedAt: values.at,
    })
    .returning();
  await recordAudit(tx, {
    actor: values.actor,
    action: 'review.assign',
    entity: 'review_assignment',
    entityId: created!.id,
    after: {
      entryId: values.entryId,
      reviewerId: values.reviewerId,
      deadline: values.deadline,
      overrideReason: values.overrideReason,
      how: values.reason,
    },
    at: values.at,
  });
  return created!;
}

/** Active assignments per reviewer in a call: the load auto-assignment balances. */
export async function loadInCall(tx: Queryable, callId: number): Promise<Map<number, number>> {
  const rows = await selectRows<{ reviewerId: number; n: number }>(
    tx,
    sql`select a.reviewer_id as "reviewerId", count(*)::int as n
        from review_assignments a join entries e on e.id = a.entry_id
        where e.call_id = ${callId} and a.status = 'active'
        group by a.reviewer_id`,
  );
  return new Map(rows.map((row) => [row.reviewerId, Number(row.n)]));
}

/** Per entry: the reviewers already asked (active or declined), and how many assignments are active. */
export async function askedPerEntry(tx: Queryable, entryIds: number[]): Promise<Map<number, { asked: Set<number>; active: number }>> {
  const perEntry = new Map(entryIds.map((id) => [id, { asked: new Set<number>(), active: 0 }]));
  if (entryIds.length === 0) return perEntry;
  const rows = await tx
    .select({ entryId: reviewAssignments.entryId, reviewerId: reviewAssignments.reviewerId, status: reviewAssignments.status })
    .from(reviewAssignments)
    .where(inArray(reviewAssignments.entryId, entryIds));
  for (const row of rows) {
    const entry = perEntry.get(row.entryId)!;
    entry.asked.add(row.reviewerId);
    if (row.status === 'active') entry.active += 1;
  }
  return perEntry;
}
