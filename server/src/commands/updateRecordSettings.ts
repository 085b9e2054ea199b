import type { RecordSettings } from '@zhijian/shared';
import { desc, sql } from 'drizzle-orm';
import { recordSettings } from '../db/schema';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Serialises saves of the settings, so two at once never claim the same instant. */
const SETTINGS_LOCK = 0x5e77_1165;

/**
 * The secretariat saves the rules: a new version effective from now (never a rewrite of an
 * earlier one, so points already written and past indexes keep the rules they were made under).
 * Two saves within one millisecond follow each other by a millisecond: versions are ordered.
 * Answers when the new version takes effect.
 */
export async function updateRecordSettings(ctx: CommandContext, { settings }: { settings: RecordSettings }): Promise<Date> {
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${SETTINGS_LOCK})`);
  const [latest] = await ctx.tx
    .select({ effectiveFrom: recordSettings.effectiveFrom, settings: recordSettings.settings })
    .from(recordSettings)
    .orderBy(desc(recordSettings.effectiveFrom))
    .limit(1);
  const effectiveFrom =
    latest && latest.effectiveFrom.getTime() >= ctx.now.getTime() ? new Date(latest.effectiveFrom.getTime() + 1) : ctx.now;
  const [row] = await ctx.tx
    .insert(recordSettings)
    .values({ effectiveFrom, settings, createdBy: ctx.actor?.id ?? null, createdAt: ctx.now })
    .returning({ id: recordSettings.id });
  await audit(ctx, {
    action: 'record_settings.update',
    entity: 'record_settings',
    entityId: row!.id,
    before: latest?.settings ?? null,
    after: { effectiveFrom: effectiveFrom.toISOString(), settings },
  });
  return effectiveFrom;
}
