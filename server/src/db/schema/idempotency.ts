import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members } from './organisation';

export const IDEMPOTENCY_STATES = ['in_progress', 'done'] as const;
export type IdempotencyState = (typeof IDEMPOTENCY_STATES)[number];

/**
 * One row per write a device sent with an `Idempotency-Key` (`server/src/middlewares/idempotency.ts`).
 * The row is inserted first, on its own, as `in_progress`: the unique index on (member, key) is what
 * lets only one of two identical requests do the work. Once the work is done the row keeps the
 * answer (status and body) for 24 hours, so a device that lost the answer to a timeout gets the same
 * one back, and every server process sees it. A 5xx answer is not kept: the row goes, a retry retries.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 (base64url) of method, path and body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    state: text('state').$type<IdempotencyState>().notNull(),
    responseStatus: smallint('response_status'),
    responseBody: jsonb('response_body'),
    /** When the key was first seen (server clock); the row is kept 24 hours from then. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the request holding an in-progress row started; a stale one (crashed process) may be taken over. */
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('idempotency_keys_member_key_idx').on(table.memberId, table.key),
    index('idempotency_keys_created_idx').on(table.createdAt),
    check(
      'idempotency_keys_state_check',
      sql`${table.state} in ('in_progress', 'done') and (${table.state} = 'in_progress') = (${table.responseStatus} is null)`,
    ),
  ],
);
