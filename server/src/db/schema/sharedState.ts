import { bigint, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The last tick each scheduled job ran for (tick = floor(epoch ms / interval)), written in the
 * transaction that holds the job's advisory lock: the instance that finds its tick already here
 * skips it, so a job runs once per tick however many instances keep it.
 */
export const scheduledJobTicks = pgTable('scheduled_job_ticks', {
  name: text('name').primaryKey(),
  lastTick: bigint('last_tick', { mode: 'number' }).notNull(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
});

/** An uploaded file kept in the database (STORAGE=postgres): its key and size; bytes in chunks. */
export const storedFiles = pgTable('stored_files', {
  key: text('key').primaryKey(),
  size: integer('size').notNull(),
  chunkSize: integer('chunk_size').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A file's bytes in fixed-size pieces, so a range is read without loading the whole file. */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    key: text('key')
      .notNull()
      .references(() => storedFiles.key, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.seq] })],
);
