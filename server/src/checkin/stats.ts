import { attendanceRate } from '@zhijian/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { selectRows } from '../db/client';
import { windowClosedBy } from './activityQuery';
import { rosterPairs } from './roster';

/**
 * Attendance figures over activities whose check-in window has closed by `now` (only then is
 * everyone's status final). Per activity and roster member: present or late from attendance,
 * leave from an approved leave request (when there is no attendance), absent otherwise.
 * Guests and other non-roster attendees are not counted.
 */
export interface CountsRow {
  key: string;
  activities: number;
  expected: number;
  present: number;
  late: number;
  leave: number;
}

export interface Figures {
  activities: number;
  expected: number;
  present: number;
  late: number;
  leave: number;
  absent: number;
  rate: number | null;
}

export function figures(row: Omit<CountsRow, 'key'>): Figures {
  return { ...row, absent: row.expected - row.present - row.late - row.leave, rate: attendanceRate(row) };
}

export function sumFigures(rows: Omit<CountsRow, 'key'>[]): Figures {
  const total = { activities: 0, expected: 0, present: 0, late: 0, leave: 0 };
  for (const row of rows) {
    total.activities += row.activities;
    total.expected += row.expected;
    total.present += row.present;
    total.late += row.late;
    total.leave += row.leave;
  }
  return figures(total);
}

/** `key` is the Shanghai month (`YYYY-MM`) or the unit id, as asked. */
export async function attendanceCounts(
  db: Queryable,
  options: { start: Date; end: Date; now: Date; unitId?: number; by: 'month' | 'unit' },
): Promise<CountsRow[]> {
  const unitFilter: SQL = options.unitId === undefined ? sql`true` : sql`a.unit_id = ${options.unitId}`;
  const key =
    options.by === 'month' ? sql`to_char((acts.starts_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')` : sql`acts.unit_id::text`;
  return selectRows<CountsRow>(
    db,
    sql`with acts as (
          select a.id, a.unit_id, a.branch_id, a.host_site_id, a.starts_at
            from activities a left join checkin_settings s on s.unit_id = a.unit_id
           where a.starts_at >= ${options.start.toISOString()}::timestamptz and a.starts_at < ${options.end.toISOString()}::timestamptz
             and ${windowClosedBy(sql`a.starts_at`, sql`s.window_after_minutes`, options.now)}
             and ${unitFilter}
        ),
        roster as (${rosterPairs(sql`acts`)}),
        per as (
          select r.activity_id, r.member_id, at.status, (lr.id is not null) as on_leave
            from roster r
            left join attendance at on at.activity_id = r.activity_id and at.member_id = r.member_id
            left join attendance_requests lr on lr.activity_id = r.activity_id and lr.member_id = r.member_id
                  and lr.kind = 'leave' and lr.status = 'approved'
        )
        select ${key} as key,
               count(distinct acts.id)::int as activities,
               count(per.member_id)::int as expected,
               (count(*) filter (where per.status = 'present'))::int as present,
               (count(*) filter (where per.status = 'late'))::int as late,
               (count(*) filter (where per.status is null and per.on_leave))::int as leave
          from acts left join per on per.activity_id = acts.id
         group by 1 order by 1`,
  );
}
