import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './organisation';

/** Why a sign-in ended before it expired. */
export const SESSION_REVOKED_REASONS = ['signed_out', 'refresh_token_reused', 'roles_reduced'] as const;
export type SessionRevokedReason = (typeof SESSION_REVOKED_REASONS)[number];

/**
 * One row per sign-in. Its access tokens carry its id and are honoured only while the row is live
 * (not revoked, not expired); its refresh token is single-use and only its SHA-256 is kept. Every
 * refresh token of a sign-in starts with the family id, so one presented a second time is known
 * for what it is and ends the sign-in (OAuth 2.0 Security BCP, refresh token rotation).
 * A member taken off the roster takes their sessions along (cascade).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** Random, unguessable: the part of every refresh token of this sign-in that finds the row. */
    familyId: text('family_id').notNull().unique(),
    /** SHA-256 (hex) of the one refresh token that may still be used; never the token itself. */
    refreshTokenHash: text('refresh_token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
    /** When the current refresh token stops working; each refresh moves it on. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason').$type<SessionRevokedReason>(),
  },
  (table) => [
    index('sessions_member_idx').on(table.memberId),
    check(
      'sessions_revoked_check',
      sql`(${table.revokedAt} is null) = (${table.revokedReason} is null) and (${table.revokedReason} is null or ${table.revokedReason} in ('signed_out', 'refresh_token_reused', 'roles_reduced'))`,
    ),
  ],
);
