import type { AgendaSegment, PointCategory } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { branches, members, units } from './organisation';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A place where mobile members (流动党员) of the hosting unit meet weekly, e.g. a market's service station. */
export const hostSites = pgTable(
  'host_sites',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('host_sites_unit_name_unique').on(table.unitId, table.name)],
);

/** A mobile member attends the weekly meetings of at most one host site. */
export const hostSiteMembers = pgTable(
  'host_site_members',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    hostSiteId: integer('host_site_id')
      .notNull()
      .references(() => hostSites.id, { onDelete: 'cascade' }),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('host_site_members_site_idx').on(table.hostSiteId)],
);

/**
 * 三固定 of a unit, a branch or a host site: when (monthly on the 5th, 15th or 25th — or weekly
 * for a host site), where and with what standing agenda. Activities are generated from it.
 */
export const activityRules = pgTable(
  'activity_rules',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    branchId: integer('branch_id').references(() => branches.id, { onDelete: 'cascade' }),
    hostSiteId: integer('host_site_id').references(() => hostSites.id, { onDelete: 'cascade' }),
    cadence: text('cadence').$type<'monthly' | 'weekly'>().notNull(),
    dayOfMonth: integer('day_of_month'),
    weekday: integer('weekday'),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    title: text('title').notNull(),
    placeName: text('place_name').notNull(),
    placeAddress: text('place_address').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    radiusMeters: integer('radius_meters'),
    agenda: jsonb('agenda')
      .$type<AgendaSegment[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('activity_rules_day_check', sql`${table.dayOfMonth} is null or ${table.dayOfMonth} in (5, 15, 25)`),
    check(
      'activity_rules_cadence_check',
      sql`(${table.cadence} = 'monthly' and ${table.dayOfMonth} is not null and ${table.weekday} is null and ${table.hostSiteId} is null)
        or (${table.cadence} = 'weekly' and ${table.weekday} between 1 and 7 and ${table.dayOfMonth} is null and ${table.hostSiteId} is not null)`,
    ),
    check('activity_rules_scope_check', sql`${table.branchId} is null or ${table.hostSiteId} is null`),
    check('activity_rules_time_check', sql`${table.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('activity_rules_duration_check', sql`${table.durationMinutes} between 15 and 720`),
    check(
      'activity_rules_place_check',
      sql`(${table.latitude} is null) = (${table.longitude} is null) and (${table.radiusMeters} is null or ${table.radiusMeters} between 10 and 5000)`,
    ),
    // One rule per unit, per branch and per host site.
    unique('activity_rules_scope_unique').on(table.unitId, table.branchId, table.hostSiteId).nullsNotDistinct(),
  ],
);

/** One fixed activity day: generated from a rule (one per rule and day) or added by hand. */
export const activities = pgTable(
  'activities',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    branchId: integer('branch_id').references(() => branches.id, { onDelete: 'cascade' }),
    hostSiteId: integer('host_site_id').references(() => hostSites.id, { onDelete: 'cascade' }),
    ruleId: integer('rule_id').references(() => activityRules.id, { onDelete: 'set null' }),
    origin: text('origin').$type<'generated' | 'extra'>().notNull(),
    /** The rule's day this occurrence stands for; kept when the occurrence is moved. */
    occurrenceDate: date('occurrence_date', { mode: 'string' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    placeName: text('place_name').notNull(),
    placeAddress: text('place_address').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    radiusMeters: integer('radius_meters'),
    agenda: jsonb('agenda')
      .$type<AgendaSegment[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    materials: text('materials').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** Where a moved occurrence was, and why it moved; generation never touches a moved one. */
    movedFrom: timestamp('moved_from', { withTimezone: true }),
    moveReason: text('move_reason'),
    checkinOpenedAt: timestamp('checkin_opened_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('activities_origin_check', sql`${table.origin} in ('generated', 'extra')`),
    check('activities_occurrence_check', sql`${table.origin} = 'extra' or ${table.occurrenceDate} is not null`),
    check('activities_time_check', sql`${table.endsAt} > ${table.startsAt}`),
    check('activities_move_check', sql`(${table.movedFrom} is null) = (${table.moveReason} is null)`),
    check('activities_scope_check', sql`${table.branchId} is null or ${table.hostSiteId} is null`),
    unique('activities_rule_occurrence_unique').on(table.ruleId, table.occurrenceDate),
    index('activities_unit_start_idx').on(table.unitId, table.startsAt),
    index('activities_start_idx').on(table.startsAt),
    index('activities_host_site_idx').on(table.hostSiteId),
  ],
);

/** Photos of an activity, attached with its summary afterwards; re-encoded on upload, so no metadata (location, device) is kept. */
export const activityPhotos = pgTable(
  'activity_photos',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    mime: text('mime').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: integer('uploaded_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('activity_photos_activity_idx').on(table.activityId)],
);

/** A unit's check-in settings; a unit without a row uses the defaults (30 / 30 / 10 minutes, no geofence). */
export const checkinSettings = pgTable(
  'checkin_settings',
  {
    unitId: integer('unit_id')
      .primaryKey()
      .references(() => units.id, { onDelete: 'cascade' }),
    windowBeforeMinutes: integer('window_before_minutes').notNull().default(30),
    windowAfterMinutes: integer('window_after_minutes').notNull().default(30),
    lateAfterMinutes: integer('late_after_minutes').notNull().default(10),
    geofence: boolean('geofence').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'checkin_settings_range_check',
      sql`${table.windowBeforeMinutes} between 0 and 240 and ${table.windowAfterMinutes} between 5 and 240 and ${table.lateAfterMinutes} between 0 and ${table.windowAfterMinutes}`,
    ),
  ],
);

/**
 * Who was there. One row per member and activity, held by the database; absence is never
 * written (it is what remains), leave lives in attendance_requests.
 */
export const attendance = pgTable(
  'attendance',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    status: text('status').$type<'present' | 'late'>().notNull(),
    method: text('method').$type<'scan' | 'manual' | 'makeup'>().notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    /** The organiser who checked the member in by hand, or who approved the make-up. */
    recordedBy: integer('recorded_by').references(() => members.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (table) => [
    check('attendance_status_check', sql`${table.status} in ('present', 'late')`),
    check('attendance_method_check', sql`${table.method} in ('scan', 'manual', 'makeup')`),
    unique('attendance_activity_member_unique').on(table.activityId, table.memberId),
    index('attendance_member_idx').on(table.memberId, table.checkedInAt),
  ],
);

/** Members of other units invited to one activity (they may check in; they are not expected). */
export const activityGuests = pgTable(
  'activity_guests',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    invitedBy: integer('invited_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // By member too: a member's history reads their invitations as one branch of its UNION.
  (table) => [primaryKey({ columns: [table.activityId, table.memberId] }), index('activity_guests_member_idx').on(table.memberId)],
);

/** 请假 (before the start) and 补签 (after the window): asked by the member, decided by the unit admin. */
export const attendanceRequests = pgTable(
  'attendance_requests',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'leave' | 'makeup'>().notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'pending' | 'approved' | 'refused'>().notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('attendance_requests_kind_check', sql`${table.kind} in ('leave', 'makeup')`),
    check('attendance_requests_status_check', sql`${table.status} in ('pending', 'approved', 'refused')`),
    check('attendance_requests_decided_check', sql`(${table.status} = 'pending') = (${table.decidedAt} is null)`),
    unique('attendance_requests_once_unique').on(table.activityId, table.memberId, table.kind),
    index('attendance_requests_status_idx').on(table.status, table.createdAt),
  ],
);

/**
 * Append-only points ledger (活动、学习、公益、诚信积分), the basis of the 先锋指数.
 * Rows are only ever inserted: a correction is a negative row that names the row it reverses.
 */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    category: text('category').$type<PointCategory>().notNull().default('activity'),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: integer('source_id').notNull(),
    reversesId: bigint('reverses_id', { mode: 'number' }).references((): AnyPgColumn => pointsLedger.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('points_ledger_points_check', sql`${table.points} <> 0`),
    check('points_ledger_category_check', sql`${table.category} in ('activity', 'study', 'public_service', 'integrity')`),
    check('points_ledger_reversal_check', sql`${table.reversesId} is null or ${table.points} < 0`),
    // A source earns a member once (an article read by many earns each reader once), and a row
    // is reversed at most once.
    uniqueIndex('points_ledger_source_unique')
      .on(table.memberId, table.sourceType, table.sourceId)
      .where(sql`${table.reversesId} is null`),
    uniqueIndex('points_ledger_reverses_unique').on(table.reversesId),
    index('points_ledger_member_idx').on(table.memberId, table.createdAt),
    // Caps are checked by category over a day and a year.
    index('points_ledger_member_category_idx').on(table.memberId, table.category, table.createdAt),
  ],
);
