import type { CallKind, Criterion, EntryAction, EntryStatus, Tier } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { groups, members, units } from './organisation';

const STATUS_LIST = sql.raw(
  ['draft', 'submitted', 'registered', 'passed', 'returned', 'rejected', 'in_review', 'rated', 'withdrawn', 'adopted']
    .map((status) => `'${status}'`)
    .join(', '),
);

/**
 * 征集: a case contest, a research-topic call or the year's news reporting. Categories, rubric
 * and tiers are value objects of the call, kept as jsonb. `next_sequence` hands out registration
 * numbers in order under the row lock every registration takes.
 */
export const calls = pgTable(
  'calls',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<CallKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    categories: jsonb('categories').$type<string[]>().notNull(),
    rubric: jsonb('rubric').$type<Criterion[]>().notNull(),
    tiers: jsonb('tiers').$type<Tier[]>().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    entryLimit: integer('entry_limit').notNull(),
    reviewersPerEntry: integer('reviewers_per_entry').notNull(),
    nextSequence: integer('next_sequence').notNull().default(1),
    reviewRoundClosedAt: timestamp('review_round_closed_at', { withTimezone: true }),
    reviewRoundClosedReason: text('review_round_closed_reason'),
    resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('calls_kind_check', sql`${table.kind} in ('case', 'research', 'news')`),
    check('calls_window_check', sql`${table.closesAt} > ${table.opensAt}`),
    check('calls_entry_limit_check', sql`${table.entryLimit} between 1 and 100`),
    check('calls_reviewers_check', sql`${table.reviewersPerEntry} between 0 and 10`),
    unique('calls_year_code_unique').on(table.year, table.code),
  ],
);

/** 调研课题 listed by the secretariat under a research call. */
export const researchTopics = pgTable(
  'research_topics',
  {
    id: serial('id').primaryKey(),
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('research_topics_call_title_unique').on(table.callId, table.title)],
);

/**
 * A unit's claim on a topic, for itself or on behalf of its 片组 (`group_id`). The secretariat
 * confirms one claim per topic (or reassigns it to balance); the confirmed unit submits the report.
 */
export const topicClaims = pgTable(
  'topic_claims',
  {
    id: serial('id').primaryKey(),
    topicId: integer('topic_id')
      .notNull()
      .references(() => researchTopics.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'set null' }),
    status: text('status').$type<'pending' | 'confirmed'>().notNull().default('pending'),
    note: text('note'),
    claimedBy: integer('claimed_by').references(() => members.id, { onDelete: 'set null' }),
    decidedBy: integer('decided_by').references(() => members.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('topic_claims_status_check', sql`${table.status} in ('pending', 'confirmed')`),
    unique('topic_claims_topic_unit_unique').on(table.topicId, table.unitId),
    uniqueIndex('topic_claims_one_confirmed')
      .on(table.topicId)
      .where(sql`${table.status} = 'confirmed'`),
  ],
);

/** 报送: a unit's entry in a call. The lifecycle is `shared/src/domain/entryLifecycle.ts`. */
export const entries = pgTable(
  'entries',
  {
    id: serial('id').primaryKey(),
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'restrict' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    authorId: integer('author_id').references(() => members.id, { onDelete: 'set null' }),
    topicId: integer('topic_id').references(() => researchTopics.id, { onDelete: 'restrict' }),
    status: text('status').$type<EntryStatus>().notNull().default('draft'),
    title: text('title').notNull().default(''),
    category: text('category'),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    registrationNumber: text('registration_number'),
    registrationSequence: integer('registration_sequence'),
    /** Decided by the secretariat; shown to the unit once the call's results are published. */
    tier: text('tier'),
    /** 虚假信息: the secretariat's mark on a news item (优秀信息员 deducts and rules the author out). */
    falseMarkedAt: timestamp('false_marked_at', { withTimezone: true }),
    falseMarkedBy: integer('false_marked_by').references(() => members.id, { onDelete: 'set null' }),
    falseNote: text('false_note'),
    /** Bumped on every save, so a stale autosave is refused instead of overwriting. */
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('entries_status_check', sql`${table.status} in (${STATUS_LIST})`),
    check('entries_registered_check', sql`(${table.registrationNumber} is null) = (${table.registrationSequence} is null)`),
    uniqueIndex('entries_registration_number_unique').on(table.registrationNumber),
    unique('entries_call_sequence_unique').on(table.callId, table.registrationSequence),
    index('entries_call_unit_idx').on(table.callId, table.unitId),
    index('entries_call_status_idx').on(table.callId, table.status),
  ],
);

/** Images and attachments of an entry. The bytes live in the file storage under `storage_key`. */
export const entryFiles = pgTable(
  'entry_files',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => entries.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'image' | 'attachment'>().notNull(),
    storageKey: text('storage_key').notNull().unique(),
    originalName: text('original_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    uploadedBy: integer('uploaded_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('entry_files_kind_check', sql`${table.kind} in ('image', 'attachment')`),
    index('entry_files_entry_idx').on(table.entryId, table.kind),
  ],
);

/** The timeline: every status change of an entry, with the comment or reason and who made it. */
export const entryEvents = pgTable(
  'entry_events',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => entries.id, { onDelete: 'cascade' }),
    action: text('action').$type<EntryAction>().notNull(),
    fromStatus: text('from_status').$type<EntryStatus>(),
    toStatus: text('to_status').$type<EntryStatus>().notNull(),
    comment: text('comment'),
    actorId: integer('actor_id').references(() => members.id, { onDelete: 'set null' }),
    /** Whether the secretariat acted (the unit sees 秘书处 rather than a name). */
    bySecretariat: boolean('by_secretariat').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('entry_events_entry_idx').on(table.entryId, table.at)],
);
