import type { Block } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members } from './organisation';

/** 简报: one issue of the association's internal newsletter. */
export const bulletinIssues = pgTable(
  'bulletin_issues',
  {
    id: serial('id').primaryKey(),
    year: integer('year'),
    number: integer('number'),
    /** 总期: the running number across all years. */
    totalNumber: integer('total_number'),
    date: date('date', { mode: 'string' }),
    publisher: text('publisher'),
    titleLines: text('title_lines')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    distributionReport: text('distribution_report')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    distributionSend: text('distribution_send')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('bulletin_issues_status_check', sql`${table.status} in ('draft', 'published')`),
    // An issue must be identifiable: by 总期, or by year + 期.
    check(
      'bulletin_issues_key_check',
      sql`${table.totalNumber} is not null or (${table.year} is not null and ${table.number} is not null)`,
    ),
    check('bulletin_issues_published_check', sql`${table.status} = 'draft' or ${table.publishedAt} is not null`),
    uniqueIndex('bulletin_issues_total_unique').on(table.totalNumber),
    uniqueIndex('bulletin_issues_year_number_unique').on(table.year, table.number),
  ],
);

/**
 * An article of an issue. The search columns are derived from title and blocks on every write
 * (`bulletinSearch/articleSearchFields.ts`): normalised title and body, and every two-character
 * sequence of both, indexed with GIN for substring search in Chinese.
 */
export const bulletinArticles = pgTable(
  'bulletin_articles',
  {
    id: serial('id').primaryKey(),
    issueId: integer('issue_id')
      .notNull()
      .references(() => bulletinIssues.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    section: text('section'),
    blocks: jsonb('blocks').$type<Block[]>().notNull(),
    plainText: text('plain_text').notNull(),
    searchTitle: text('search_title').notNull(),
    searchBody: text('search_body').notNull(),
    bigrams: text('bigrams').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('bulletin_articles_issue_idx').on(table.issueId, table.position),
    index('bulletin_articles_bigrams_idx').using('gin', table.bigrams),
  ],
);

export const articleReads = pgTable(
  'article_reads',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => bulletinArticles.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.articleId] }), index('article_reads_article_idx').on(table.articleId)],
);

/**
 * Who has read an issue: one row per member who read at least one of its articles, with the
 * member's unit as it stands now: who is counted in `issue_unit_readers`, exactly once.
 *
 * Kept by the database (migration 0018): a read inserts its reader (a second read of the issue
 * finds the row there); a member moving unit carries their rows along; a member or issue removed
 * takes theirs (cascade); an article removed (or moved to another issue) takes the readers who had
 * read nothing else of its issue. `rebuildIssueReaders` in the tests derives the same rows from
 * `article_reads`.
 */
export const issueReaders = pgTable(
  'issue_readers',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => bulletinIssues.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id'),
  },
  (table) => [primaryKey({ columns: [table.issueId, table.memberId] }), index('issue_readers_member_idx').on(table.memberId)],
);

/**
 * How many of an issue's readers each unit has: the `issue_readers` rows counted per (issue, unit),
 * kept by the database from those rows (migration 0018) — what the reading figures read, at most a
 * row per unit whatever the number of readers.
 */
export const issueUnitReaders = pgTable(
  'issue_unit_readers',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => bulletinIssues.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    readers: integer('readers').notNull(),
  },
  (table) => [primaryKey({ columns: [table.issueId, table.unitId] })],
);

export const articleFavourites = pgTable(
  'article_favourites',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => bulletinArticles.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.articleId] })],
);

/** One-time WeChat subscription messages a member has allowed: each allows one reminder. */
export const bulletinSubscriptions = pgTable(
  'bulletin_subscriptions',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    remaining: integer('remaining').notNull().default(0),
  },
  (table) => [check('bulletin_subscriptions_remaining_check', sql`${table.remaining} >= 0`)],
);
