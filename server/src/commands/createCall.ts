import {
  CALL_KIND_CODES,
  commonRefusals,
  DEFAULT_CASE_CATEGORIES,
  DEFAULT_REVIEWERS_PER_ENTRY,
  DEFAULT_RUBRIC,
  DEFAULT_TIERS,
  shanghaiYear,
  type CallInput,
  type CallKind,
} from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { calls } from '../db/schema';
import { refuse } from '../errors';
import type { CallRow } from '../queries/calls';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A call's window must have room: the close time after the open time. */
export function assertWindow(opensAt: Date, closesAt: Date): void {
  if (closesAt.getTime() <= opensAt.getTime()) {
    throw refuse(commonRefusals.invalid_fields, { issues: [{ path: 'body.closesAt', label: '截止时间', message: '应晚于开始时间' }] });
  }
}

/** AL for the year's first case contest, then AL2, AL3 … so registration numbers stay unique. */
async function freeCode(db: Queryable, year: number, kind: CallKind): Promise<string> {
  const base = CALL_KIND_CODES[kind];
  const taken = new Set((await db.select({ code: calls.code }).from(calls).where(eq(calls.year, year))).map((r) => r.code));
  for (let n = 1; ; n += 1) {
    const code = n === 1 ? base : `${base}${n}`;
    if (!taken.has(code)) return code;
  }
}

/** A new call with the association's defaults for what the secretariat left out. */
export async function createCall(ctx: CommandContext, input: CallInput): Promise<CallRow> {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  assertWindow(opensAt, closesAt);
  const year = shanghaiYear(opensAt);
  const [created] = await ctx.tx
    .insert(calls)
    .values({
      kind: input.kind,
      title: input.title,
      description: input.description,
      year,
      code: input.code ?? (await freeCode(ctx.tx, year, input.kind)),
      categories: input.categories ?? (input.kind === 'case' ? [...DEFAULT_CASE_CATEGORIES] : []),
      rubric: input.rubric ?? DEFAULT_RUBRIC,
      tiers: input.tiers ?? DEFAULT_TIERS,
      opensAt,
      closesAt,
      entryLimit: input.entryLimit,
      reviewersPerEntry: input.reviewersPerEntry ?? (input.kind === 'news' ? 0 : DEFAULT_REVIEWERS_PER_ENTRY),
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'call.create', entity: 'call', entityId: created!.id, after: created });
  return created!;
}
