import type { AppraisalTier, BenefitMeasure, BonusStatus, DeductionStatus, RecordSettings } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { branches, members, units } from './organisation';

/**
 * The member's record (党员卡 / 先锋指数): what every activity feeds besides the points ledger.
 * Points themselves stay in `points_ledger` (append-only, one row per source, category per row).
 */

/**
 * The association's rules for points and the index, as versions: a change is a new row effective
 * from its time, so points already written and indexes of past months never move.
 */
export const recordSettings = pgTable(
  'record_settings',
  {
    id: serial('id').primaryKey(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    settings: jsonb('settings').$type<RecordSettings>().notNull(),
    createdBy: integer('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [unique('record_settings_effective_unique').on(table.effectiveFrom)],
);

/** 正向加分: a member declares something done; the unit admin approves it with points or refuses it. */
export const bonusClaims = pgTable(
  'bonus_claims',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    /** The kind's key and name as they were when declared (the association's list may change). */
    kindKey: text('kind_key').notNull(),
    kindName: text('kind_name').notNull(),
    occurredOn: date('occurred_on').notNull(),
    description: text('description').notNull(),
    status: text('status').$type<BonusStatus>().notNull().default('pending'),
    /** Set on approval, within the kind's range. */
    points: integer('points'),
    decidedBy: integer('decided_by').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('bonus_claims_status_check', sql`${table.status} in ('pending', 'approved', 'refused')`),
    check(
      'bonus_claims_points_check',
      sql`(${table.status} = 'approved') = (${table.points} is not null) and coalesce(${table.points}, 1) > 0`,
    ),
    index('bonus_claims_member_idx').on(table.memberId, table.occurredOn),
    index('bonus_claims_unit_status_idx').on(table.unitId, table.status),
  ],
);

export const bonusClaimPhotos = pgTable(
  'bonus_claim_photos',
  {
    id: serial('id').primaryKey(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => bonusClaims.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    mime: text('mime').notNull(),
    width: integer('width'),
    height: integer('height'),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('bonus_claim_photos_claim_idx').on(table.claimId)],
);

/**
 * 反向扣分: recorded by the unit admin, effective once the appeal window (7 days) has passed
 * without an appeal, or when an appeal is upheld; withdrawn, it never counts.
 */
export const deductions = pgTable(
  'deductions',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    kindKey: text('kind_key').notNull(),
    kindName: text('kind_name').notNull(),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    /** The day it concerns: the year of the index it counts in. */
    occurredOn: date('occurred_on').notNull(),
    status: text('status').$type<DeductionStatus>().notNull().default('recorded'),
    recordedBy: integer('recorded_by').references(() => members.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    appealDeadline: timestamp('appeal_deadline', { withTimezone: true }).notNull(),
    appealText: text('appeal_text'),
    appealedAt: timestamp('appealed_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (table) => [
    check('deductions_points_check', sql`${table.points} between 1 and 5`),
    check('deductions_status_check', sql`${table.status} in ('recorded', 'appealed', 'upheld', 'withdrawn')`),
    check('deductions_appeal_check', sql`(${table.appealedAt} is null) = (${table.appealText} is null)`),
    index('deductions_member_idx').on(table.memberId, table.occurredOn),
    index('deductions_unit_status_idx').on(table.unitId, table.status),
  ],
);

/** A disciplinary sanction (纪律处分): that year's index is zero (清零), whatever else the record says. */
export const sanctions = pgTable(
  'sanctions',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    description: text('description').notNull(),
    decidedOn: date('decided_on').notNull(),
    recordedBy: integer('recorded_by').references(() => members.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sanctions_member_year_idx').on(table.memberId, table.year), index('sanctions_unit_idx').on(table.unitId, table.year)],
);

/** The timeline of a bonus claim or a deduction: who did what, when, with what note. */
export const recordEvents = pgTable(
  'record_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subject: text('subject').$type<'bonus' | 'deduction' | 'sanction'>().notNull(),
    subjectId: integer('subject_id').notNull(),
    action: text('action').notNull(),
    actorId: integer('actor_id').references(() => members.id, { onDelete: 'set null' }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('record_events_subject_check', sql`${table.subject} in ('bonus', 'deduction', 'sanction')`),
    index('record_events_subject_idx').on(table.subject, table.subjectId, table.at),
  ],
);

/** 民主评议: the branch's tier for a member and year, with the meeting's date. */
export const appraisals = pgTable(
  'appraisals',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    branchId: integer('branch_id').references(() => branches.id, { onDelete: 'set null' }),
    year: integer('year').notNull(),
    tier: text('tier').$type<AppraisalTier>().notNull(),
    meetingOn: date('meeting_on').notNull(),
    recordedBy: integer('recorded_by').references(() => members.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('appraisals_tier_check', sql`${table.tier} in ('excellent', 'qualified', 'basic', 'unqualified')`),
    unique('appraisals_member_year_unique').on(table.memberId, table.year),
    index('appraisals_unit_year_idx').on(table.unitId, table.year),
  ],
);

/** 党费: one row per member and month paid. A record, not a payment: nothing is charged here. */
export const duesPayments = pgTable(
  'dues_payments',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    /** `YYYY-MM`. */
    month: text('month').notNull(),
    amountCents: integer('amount_cents').notNull(),
    paidOn: date('paid_on').notNull(),
    recordedBy: integer('recorded_by').references(() => members.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('dues_payments_month_check', sql`${table.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('dues_payments_amount_check', sql`${table.amountCents} >= 0`),
    unique('dues_payments_member_month_unique').on(table.memberId, table.month),
    index('dues_payments_unit_month_idx').on(table.unitId, table.month),
  ],
);

/** A benefit a unit grants its members once a figure of their record reaches a threshold (unlocked, not spent). */
export const benefits = pgTable(
  'benefits',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** A points category (`activity`, `study`, `public_service`, `integrity`) or `index`. */
    measure: text('measure').$type<BenefitMeasure>().notNull(),
    threshold: integer('threshold').notNull(),
    createdBy: integer('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check('benefits_measure_check', sql`${table.measure} in ('activity', 'study', 'public_service', 'integrity', 'index')`),
    check('benefits_threshold_check', sql`${table.threshold} between 0 and 10000`),
    index('benefits_unit_idx').on(table.unitId),
  ],
);

/** A year the secretariat has closed: its indexes are the snapshot below from then on. */
export const indexYears = pgTable('index_years', {
  year: integer('year').primaryKey(),
  closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
  closedBy: integer('closed_by').references(() => members.id, { onDelete: 'set null' }),
});

/** Each member's index of a closed year, frozen with its breakdown. */
export const indexSnapshots = pgTable(
  'index_snapshots',
  {
    year: integer('year')
      .notNull()
      .references(() => indexYears.year, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
    /** The index, to one decimal. */
    value: numeric('value', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    breakdown: jsonb('breakdown').notNull(),
  },
  (table) => [primaryKey({ columns: [table.year, table.memberId] }), index('index_snapshots_unit_idx').on(table.unitId, table.year)],
);
