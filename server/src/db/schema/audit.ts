import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './organisation';

/** Every administrative write: who did what to which record, and the record before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: integer('actor_id').references(() => members.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The log is read newest first by id, a page at a time, optionally of one entity: (entity, id)
  // walks straight to the page's rows (keyset paging, queries/audit.ts).
  (table) => [index('audit_log_entity_id_idx').on(table.entity, table.id)],
);
