import type { EntryStatus } from '@zhijian/shared';
import { and, count, eq, lt, ne, notExists, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { entries, reviewAssignments, reviews, topicClaims } from '../db/schema';

/**
 * The counts of the secretariat's home page that no other query already gives. Each is one
 * grouped count over an indexed status column, not a scan of history.
 */

/** Entries handed in (drafts are the unit's own business), by state, across every call. */
export async function countEntriesByStatus(db: Queryable): Promise<Array<{ status: EntryStatus; n: number }>> {
  return db.select({ status: entries.status, n: count() }).from(entries).where(ne(entries.status, 'draft')).groupBy(entries.status);
}

/** Active review assignments past their deadline without a submitted review. */
export async function countOverdueReviews(db: Queryable, now: Date): Promise<number> {
  const submitted = db
    .select({ one: sql`1` })
    .from(reviews)
    .where(and(eq(reviews.assignmentId, reviewAssignments.id), eq(reviews.status, 'submitted')));
  const [row] = await db
    .select({ n: count() })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.status, 'active'), lt(reviewAssignments.deadline, now), notExists(submitted)));
  return Number(row?.n ?? 0);
}

/** Research-topic claims the secretariat has yet to confirm. */
export async function countPendingTopicClaims(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(topicClaims).where(eq(topicClaims.status, 'pending'));
  return Number(row?.n ?? 0);
}
