import {
  activityPointsFor,
  ATTENDANCE_STATUS_LABELS,
  CHECKIN_METHOD_LABELS,
  DEFAULT_RECORD_SETTINGS,
  type CheckinMethod,
} from '@zhijian/shared';
import { sql, type SQL } from 'drizzle-orm';
import { selectSessionUser, sessionUserFromJson, type CurrentUser, type SessionAccess } from '../auth/currentUser';
import { preparedStatement, type Transaction } from '../db/client';
import { attendance } from '../db/schema';
import { findMemberAttendance, type AttendanceRow } from '../queries/checkins';
import { settingsAt } from '../queries/recordSettings';
import { awardPoints } from './awardPoints';
import type { CommandContext } from './context';

export interface AttendanceProps {
  activity: { id: number; title: string };
  memberId: number;
  status: 'present' | 'late';
  method: CheckinMethod;
  note?: string | null;
}

interface InsertedRow {
  /** The settings in force cap 活动积分: nothing was written, the capped path records it. */
  capped: boolean;
  /** The points written with the row (none when the settings give none). */
  earned: number;
  id: number | null;
  activity_id: number;
  member_id: number;
  status: 'present' | 'late';
  method: CheckinMethod;
  checked_in_at: Date | string;
  recorded_by: number | null;
  note: string | null;
}

/** The settings' key of the points a check-in earns. */
function ruleKey(status: 'present' | 'late', method: CheckinMethod): 'onTime' | 'late' | 'makeup' {
  if (method === 'makeup') return 'makeup';
  return status === 'late' ? 'late' : 'onTime';
}

const fromRow = (row: InsertedRow & { id: number }): AttendanceRow => ({
  points: row.earned,
  id: row.id,
  activityId: row.activity_id,
  memberId: row.member_id,
  status: row.status,
  method: row.method,
  checkedInAt: new Date(row.checked_in_at),
  recordedBy: row.recorded_by,
  note: row.note,
});

/**
 * Records attendance once per member and activity — the database's unique constraint decides,
 * so any number of simultaneous attempts leave one row — with its 活动积分 under the record
 * settings in force (on time, late, make-up). Answers the row as it stands: the new one, or the
 * one that was already there. A member's own scan is recorded by nobody; a manual check-in or a
 * make-up by the organiser acting (`ctx.actor`).
 *
 * The burst's hot path stays one round trip: while the settings set no cap on 活动积分 (the
 * default), one data-modifying CTE reads the settings, inserts the attendance and, only from the
 * row actually inserted, its ledger row — atomic on its own, so it may run under `runStatement`.
 * With a cap set, that statement writes nothing and the check-in is recorded in a transaction
 * through `awardPoints` (the per-member lock and the day's and year's sums).
 */
export async function recordAttendance(ctx: CommandContext, input: AttendanceProps): Promise<{ row: AttendanceRow; created: boolean }> {
  const [result] = await RECORD.rows<InsertedRow>(ctx.tx, valuesOf(ctx, input));
  return settle(ctx, input, result!);
}

/**
 * `recordAttendance` for a scan whose caller is known only by their access token (issue 21): the
 * session check is folded into the statement, so the burst's check-in is one round trip. The row
 * is inserted only while the caller's sign-in is live (`selectSessionUser`, the rule every signed-in
 * request is held to) and they belong to `unitId`; the statement answers the caller either way.
 * `recorded` is undefined when nothing could be recorded: the session is not live (`caller` is
 * undefined) or the caller is not of the unit (the full path decides, `checkIn`).
 */
export async function recordAttendanceAsCaller(
  ctx: CommandContext,
  input: AttendanceProps & { access: SessionAccess; unitId: number },
): Promise<{ caller: CurrentUser | undefined; recorded?: { row: AttendanceRow; created: boolean } }> {
  const { memberId, sessionId, now } = input.access;
  const [result] = await RECORD_AS_CALLER.rows<InsertedRow & CallerColumns>(ctx.tx, {
    ...valuesOf(ctx, input),
    callerId: memberId,
    sessionId,
    sessionAt: now,
    unitId: input.unitId,
  });
  const caller = sessionUserFromJson(result!.caller);
  if (!result!.allowed) return { caller };
  return { caller, recorded: await settle(ctx, input, result!) };
}

interface CallerColumns {
  caller: Parameters<typeof sessionUserFromJson>[0];
  allowed: boolean;
}

/** The values bound to the statement's placeholders. */
function valuesOf(ctx: CommandContext, input: AttendanceProps) {
  return {
    at: ctx.now.toISOString(),
    rule: ruleKey(input.status, input.method),
    activityId: input.activity.id,
    memberId: input.memberId,
    status: input.status,
    method: input.method,
    recordedBy: input.method === 'scan' ? null : (ctx.actor?.id ?? null),
    note: input.note ?? null,
    reason: reasonFor(input),
  };
}

type Values = ReturnType<typeof valuesOf>;
type CallerValues = Values & { callerId: number; sessionId: number; sessionAt: Date; unitId: number };
const value = (name: keyof CallerValues) => sql.placeholder(name);

/** The parts that hold the insert back until the caller is known (`recordAttendanceAsCaller`). */
interface Guard {
  caller: SQL;
  allowed: SQL;
  answer: SQL;
}

const CALLER_GUARD: Guard = {
  caller: sql`caller as (${selectSessionUser({ memberId: value('callerId'), sessionId: value('sessionId'), now: value('sessionAt') })}),
              allowed as (select 1 from caller where unit_id = ${value('unitId')}::int),`,
  allowed: sql`where exists (select 1 from allowed)`,
  answer: sql`(select json_build_object('id', id, 'name', name, 'phone', phone, 'kind', kind, 'roles', roles,
                 'unitId', unit_id, 'branchId', branch_id) from caller) as caller,
              exists (select 1 from allowed) as allowed,`,
};

/**
 * One data-modifying CTE: reads the settings, inserts the attendance and, only from the row
 * actually inserted, its ledger row; with a guard, only when the guard allows it.
 */
function insertStatement(guard?: Guard): SQL {
  return sql`with ${guard?.caller ?? sql.empty()} rule as (
          select coalesce(
                   (select settings->'points'->'activity' from record_settings
                     where effective_from <= ${value('at')}::timestamptz order by effective_from desc limit 1),
                   ${JSON.stringify(DEFAULT_RECORD_SETTINGS.points.activity)}::jsonb) as r
        ), uncapped as (
          select (r->>${value('rule')}::text)::int as points from rule
           where jsonb_typeof(r->'dailyCap') is distinct from 'number' and jsonb_typeof(r->'yearlyCap') is distinct from 'number'
        ), ins as (
          insert into attendance (activity_id, member_id, status, method, checked_in_at, recorded_by, note)
          select ${value('activityId')}::int, ${value('memberId')}::int, ${value('status')}::text, ${value('method')}::text,
                 ${value('at')}::timestamptz, ${value('recordedBy')}::int, ${value('note')}::text
            from uncapped ${guard?.allowed ?? sql.empty()}
          on conflict (activity_id, member_id) do nothing
          returning *
        ), earned as (
          insert into points_ledger (member_id, category, points, reason, source_type, source_id, created_at)
          select ins.member_id, 'activity', uncapped.points, ${value('reason')}::text, 'attendance', ins.id, ${value('at')}::timestamptz
            from ins, uncapped where uncapped.points > 0
        )
        select ${guard?.answer ?? sql.empty()} not exists (select 1 from uncapped) as capped,
               coalesce((select greatest(points, 0) from uncapped), 0) as earned, ins.*
          from (select 1) as one left join ins on true`;
}

// Made once (issue 21: nothing on the hot path that start-up can do); parsed once per connection.
const RECORD = preparedStatement<Values>('record_attendance', insertStatement());
const RECORD_AS_CALLER = preparedStatement<CallerValues>('record_attendance_as_caller', insertStatement(CALLER_GUARD));

/** What the statement did: inserted the row, found it there already, or left it to the capped path. */
async function settle(ctx: CommandContext, input: AttendanceProps, result: InsertedRow): Promise<{ row: AttendanceRow; created: boolean }> {
  if (result.capped) return recordCapped(ctx, input, reasonFor(input));
  if (result.id !== null) return { created: true, row: fromRow({ ...result, id: result.id }) };
  const existing = await findMemberAttendance(ctx.tx, input.activity.id, input.memberId);
  return { row: existing!, created: false };
}

function reasonFor(input: AttendanceProps): string {
  const label = input.method === 'makeup' ? CHECKIN_METHOD_LABELS.makeup : ATTENDANCE_STATUS_LABELS[input.status];
  return `活动积分：${label}「${input.activity.title}」`;
}

/** With a cap on 活动积分: the attendance and its clipped points together, in a transaction (a savepoint within one). */
async function recordCapped(
  ctx: CommandContext,
  input: AttendanceProps,
  reason: string,
): Promise<{ row: AttendanceRow; created: boolean }> {
  return ctx.tx.transaction(async (tx: Transaction) => {
    const inner: CommandContext = { ...ctx, tx };
    const [row] = await tx
      .insert(attendance)
      .values({
        activityId: input.activity.id,
        memberId: input.memberId,
        status: input.status,
        method: input.method,
        checkedInAt: ctx.now,
        recordedBy: input.method === 'scan' ? null : (ctx.actor?.id ?? null),
        note: input.note ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return { row: (await findMemberAttendance(tx, input.activity.id, input.memberId))!, created: false };
    const settings = await settingsAt(tx, ctx.now);
    const points = await awardPoints(inner, {
      memberId: input.memberId,
      category: 'activity',
      sourceType: 'attendance',
      sourceId: row.id,
      points: activityPointsFor(settings, input.status, input.method),
      reason,
      at: ctx.now,
      settings,
    });
    return { row: { ...row, points }, created: true };
  });
}
