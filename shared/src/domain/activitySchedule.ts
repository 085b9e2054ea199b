import {
  addDays,
  addMonths,
  compareDates,
  formatDate,
  parseClockTime,
  shanghaiDate,
  shanghaiInstant,
  weekdayOf,
  type CalendarDate,
} from './shanghaiTime';

/**
 * 党员固定活动日: once a month on the 5th, 15th or 25th ("日子好记、时间集中、活动方便"), with
 * 三固定 (fixed time, place and agenda). Mobile members (流动党员) meet weekly at a host site,
 * by default on Wednesdays.
 */
export const ACTIVITY_DAYS = [5, 15, 25] as const;
export type ActivityDay = (typeof ACTIVITY_DAYS)[number];

export const ACTIVITY_DAY_MESSAGE = '固定活动日只能定在每月 5 日、15 日或 25 日';

export function isActivityDay(day: number): day is ActivityDay {
  return (ACTIVITY_DAYS as readonly number[]).includes(day);
}

/** The Chinese reason a day of month is refused, or null when it is one of 5, 15, 25. */
export function activityDayProblem(day: number): string | null {
  return isActivityDay(day) ? null : `${ACTIVITY_DAY_MESSAGE}，不能定在 ${day} 日`;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABELS: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };
/** 流动党员: 每周三 党员活动日. */
export const DEFAULT_MOBILE_WEEKDAY = 3;

/** Agenda segments: a segment of the unit's own (创客公开课, 党员大讨论 …) or one of 三会一课. */
export const AGENDA_KINDS = ['segment', 'branch_general_meeting', 'branch_committee', 'group_meeting', 'party_lecture'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = {
  segment: '活动环节',
  branch_general_meeting: '支部党员大会',
  branch_committee: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
};

export type Recurrence = { cadence: 'monthly'; dayOfMonth: ActivityDay } | { cadence: 'weekly'; weekday: number };

export interface OccurrenceRule {
  recurrence: Recurrence;
  /** `HH:MM`, Shanghai wall clock. */
  startTime: string;
  durationMinutes: number;
}

export interface Occurrence {
  /** `YYYY-MM-DD`: the rule's day this occurrence stands for (kept when the occurrence is moved). */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/** Activities are generated this many months ahead. */
export const GENERATION_MONTHS = 3;

/** Calendar days from `from` (inclusive) to `until` (exclusive) that the recurrence falls on. */
export function recurrenceDates(recurrence: Recurrence, from: CalendarDate, until: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  if (recurrence.cadence === 'monthly') {
    for (let month: CalendarDate = { ...from, day: recurrence.dayOfMonth }; compareDates(month, until) < 0; month = addMonths(month, 1)) {
      if (compareDates(month, from) >= 0) dates.push(month);
    }
    return dates;
  }
  const offset = (recurrence.weekday - weekdayOf(from) + 7) % 7;
  for (let day = addDays(from, offset); compareDates(day, until) < 0; day = addDays(day, 7)) dates.push(day);
  return dates;
}

/**
 * The occurrences a rule has over the next three months, as seen at `now`: from today in
 * Shanghai to the same day three months later (exclusive), leaving out any that has already
 * started. A monthly rule therefore always yields three occurrences.
 */
export function upcomingOccurrences(rule: OccurrenceRule, now: Date, months: number = GENERATION_MONTHS): Occurrence[] {
  if (parseClockTime(rule.startTime) === undefined) throw new RangeError(`不是有效的时间：${rule.startTime}`);
  const today = shanghaiDate(now);
  return recurrenceDates(rule.recurrence, today, addMonths(today, months))
    .map((date) => {
      const startsAt = shanghaiInstant(date, rule.startTime);
      return { date: formatDate(date), startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) };
    })
    .filter((occurrence) => occurrence.startsAt.getTime() > now.getTime());
}
