import { upcomingOccurrences, type ActivityDay, type Recurrence } from '@zhijian/shared';
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client';
import { activities, activityRules, attendance } from '../db/schema';
import { listAllRuleIds, type RuleRow } from '../queries/schedules';

export interface GenerationCounts {
  created: number;
  updated: number;
  removed: number;
  kept: number;
}

export function recurrenceOf(rule: Pick<RuleRow, 'cadence' | 'dayOfMonth' | 'weekday'>): Recurrence {
  return rule.cadence === 'monthly'
    ? { cadence: 'monthly', dayOfMonth: rule.dayOfMonth as ActivityDay }
    : { cadence: 'weekly', weekday: rule.weekday ?? 3 };
}

/** The fields an occurrence takes from its rule; materials and summary are the activity's own. */
export function fieldsFrom(rule: RuleRow) {
  return {
    unitId: rule.unitId,
    branchId: rule.branchId,
    hostSiteId: rule.hostSiteId,
    title: rule.title,
    placeName: rule.placeName,
    placeAddress: rule.placeAddress,
    latitude: rule.latitude,
    longitude: rule.longitude,
    radiusMeters: rule.radiusMeters,
    agenda: rule.agenda,
  };
}

/**
 * Brings a rule's activities in line with it for the next three months. Only occurrences that
 * are still untouched change: in the future, check-in never opened, not moved, nobody checked in.
 * Those on a day the rule still has are updated in place (so leave requests on them survive),
 * those on a day it no longer has are removed; everything else — past, held, opened or moved
 * occurrences — is kept as it is and keeps its day reserved. Missing days are created.
 * `rule` null removes the untouched occurrences of a rule about to be deleted.
 */
export async function syncRuleActivities(tx: Queryable, ruleId: number, rule: RuleRow | null, now: Date): Promise<GenerationCounts> {
  const counts: GenerationCounts = { created: 0, updated: 0, removed: 0, kept: 0 };
  const desired = new Map(
    (rule
      ? upcomingOccurrences({ recurrence: recurrenceOf(rule), startTime: rule.startTime, durationMinutes: rule.durationMinutes }, now)
      : []
    ).map((o) => [o.date, o]),
  );
  const existing = await tx
    .select({
      id: activities.id,
      occurrenceDate: activities.occurrenceDate,
      startsAt: activities.startsAt,
      movedFrom: activities.movedFrom,
      checkinOpenedAt: activities.checkinOpenedAt,
      // Qualified by hand: in a one-table select Drizzle renders columns bare, and a bare `id`
      // inside the subquery would bind to attendance.id, making every occurrence look unattended.
      attended: sql<boolean>`exists (select 1 from ${attendance} where ${attendance}.${sql.identifier(attendance.activityId.name)} = ${activities}.${sql.identifier(activities.id.name)})`,
    })
    .from(activities)
    .where(
      and(
        eq(activities.ruleId, ruleId),
        or(gt(activities.startsAt, now), inArray(activities.occurrenceDate, [...desired.keys(), '0001-01-01'])),
      ),
    );

  const removable: number[] = [];
  const reserved = new Set<string>();
  for (const occurrence of existing) {
    const date = occurrence.occurrenceDate!;
    reserved.add(date);
    const untouched = occurrence.startsAt > now && !occurrence.movedFrom && !occurrence.checkinOpenedAt && !occurrence.attended;
    const wanted = desired.get(date);
    if (!untouched) counts.kept += 1;
    else if (!wanted || !rule) removable.push(occurrence.id);
    else {
      await tx
        .update(activities)
        .set({ ...fieldsFrom(rule), startsAt: wanted.startsAt, endsAt: wanted.endsAt, updatedAt: now })
        .where(and(eq(activities.id, occurrence.id), isNull(activities.checkinOpenedAt)));
      counts.updated += 1;
    }
  }
  if (removable.length) {
    await tx.delete(activities).where(inArray(activities.id, removable));
    counts.removed = removable.length;
  }
  const missing = rule ? [...desired.values()].filter((o) => !reserved.has(o.date)) : [];
  if (rule && missing.length) {
    await tx
      .insert(activities)
      .values(
        missing.map((o) => ({
          ...fieldsFrom(rule),
          ruleId,
          origin: 'generated' as const,
          occurrenceDate: o.date,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: [activities.ruleId, activities.occurrenceDate] });
    counts.created = missing.length;
  }
  return counts;
}

/**
 * Moves every rule's three-month horizon forward; run at start-up and a few times a day. Each rule
 * is read again under its row lock, so an edit or a deletion that commits meanwhile is what counts.
 */
export async function extendAllRules(db: Database, now: Date): Promise<number> {
  let created = 0;
  for (const id of await listAllRuleIds(db)) {
    created += await db.transaction(async (tx) => {
      const [rule] = await tx.select().from(activityRules).where(eq(activityRules.id, id)).for('update');
      return rule ? (await syncRuleActivities(tx, rule.id, rule, now)).created : 0;
    });
  }
  return created;
}
