import { and, eq, lte } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { idempotencyKeys } from '../db/schema';

/** How long a key and its answer are kept: a device retrying later than this starts afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * An in-progress row older than this belongs to a request that will never finish (its process
 * died): the next request with the key may take it over. wx.request gives up after 60 s.
 */
export const IDEMPOTENCY_STALE_MS = 2 * 60 * 1000;

export type Claim =
  { kind: 'claimed'; id: number } | { kind: 'replay'; status: number; body: unknown } | { kind: 'mismatch' } | { kind: 'busy' };

/**
 * Claims a key for one request, each step its own statement (autocommit), so the claim is visible
 * to every other request at once: the unique index (member, key) lets exactly one insert win.
 * A loser reads the winner's row: the kept answer, a different request (mismatch), or still busy.
 * An expired row is deleted (compare-and-set on its time) and the claim tried again.
 */
export async function claimKey(
  db: Queryable,
  { memberId, key, fingerprint, now }: { memberId: number; key: string; fingerprint: string; now: Date },
): Promise<Claim> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [inserted] = await db
      .insert(idempotencyKeys)
      .values({ memberId, key, fingerprint, state: 'in_progress', createdAt: now, lockedAt: now })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id });
    if (inserted) return { kind: 'claimed', id: inserted.id };

    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.memberId, memberId), eq(idempotencyKeys.key, key)));
    if (!row) continue; // released (a 5xx) between our insert and our read: try again
    if (row.createdAt.getTime() <= now.getTime() - IDEMPOTENCY_TTL_MS) {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.id, row.id), eq(idempotencyKeys.createdAt, row.createdAt)));
      continue;
    }
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state === 'done') return { kind: 'replay', status: row.responseStatus!, body: row.responseBody };
    if (row.lockedAt.getTime() <= now.getTime() - IDEMPOTENCY_STALE_MS) {
      const [taken] = await db
        .update(idempotencyKeys)
        .set({ lockedAt: now })
        .where(and(eq(idempotencyKeys.id, row.id), eq(idempotencyKeys.state, 'in_progress'), eq(idempotencyKeys.lockedAt, row.lockedAt)))
        .returning({ id: idempotencyKeys.id });
      if (taken) return { kind: 'claimed', id: taken.id };
      continue;
    }
    return { kind: 'busy' };
  }
  return { kind: 'busy' };
}

/** Keeps the answer of a claimed key. */
export async function completeKey(db: Queryable, id: number, status: number, body: unknown): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ state: 'done', responseStatus: status, responseBody: body ?? null })
    .where(and(eq(idempotencyKeys.id, id), eq(idempotencyKeys.state, 'in_progress')));
}

/** Lets a claimed key go without an answer (a 5xx, an answer that is not JSON): a retry does the work. */
export async function releaseKey(db: Queryable, id: number): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.id, id), eq(idempotencyKeys.state, 'in_progress')));
}

/** Deletes every key older than 24 hours; answers how many went. Safe to run anywhere, any time. */
export async function purgeIdempotencyKeys(db: Queryable, now: Date): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(lte(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .returning({ id: idempotencyKeys.id });
  return gone.length;
}
