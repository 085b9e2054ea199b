import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { sessions } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;

/** The sign-in a refresh token's family id names, if any. */
export async function findSessionByFamily(db: Queryable, familyId: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.familyId, familyId));
  return row;
}
