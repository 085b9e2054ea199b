import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { members, recordEvents } from '../db/schema';

export type RecordEventSubject = 'bonus' | 'deduction' | 'sanction';

/** A timeline step with the name of whoever took it (null: the system). */
export interface RecordEventRow {
  subjectId: number;
  action: string;
  actorName: string | null;
  note: string | null;
  at: Date;
}

/** The timelines of these records, each in the order its steps were taken, by record id. */
export async function timelinesOf(db: Queryable, subject: RecordEventSubject, ids: number[]): Promise<Map<number, RecordEventRow[]>> {
  const byId = new Map<number, RecordEventRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await db
    .select({
      subjectId: recordEvents.subjectId,
      action: recordEvents.action,
      actorName: members.name,
      note: recordEvents.note,
      at: recordEvents.at,
    })
    .from(recordEvents)
    .leftJoin(members, eq(members.id, recordEvents.actorId))
    .where(and(eq(recordEvents.subject, subject), inArray(recordEvents.subjectId, ids)))
    .orderBy(asc(recordEvents.at), asc(recordEvents.id));
  for (const row of rows) byId.get(row.subjectId)?.push(row);
  return byId;
}
