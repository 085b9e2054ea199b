import {
  commitmentRefusals,
  formatDate,
  MAX_COMMITMENTS_PER_YEAR,
  shanghaiDate,
  shanghaiYear,
  type CommitmentInput,
} from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { commitments } from '../db/schema';
import { refuse } from '../errors';
import { countCommitments, type CommitmentRow } from '../queries/profiles';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The namespace of the per-member commitments lock (the member's id is the second key). */
const COMMITMENTS_LOCK = 0x5157_2000;

/**
 * A commitment for this (Shanghai) year, due between today and the year's end. At most three a
 * year: counted under a per-member advisory lock, so commitments made together cannot pass it.
 */
export async function makeCommitment(
  ctx: CommandContext,
  { member, input, verdict }: { member: { id: number; unitId: number }; input: CommitmentInput; verdict: ContentVerdict },
): Promise<CommitmentRow> {
  const year = shanghaiYear(ctx.now);
  const today = formatDate(shanghaiDate(ctx.now));
  if (input.dueOn < today || input.dueOn > `${year}-12-31`) throw refuse(commitmentRefusals.due_out_of_year);
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${COMMITMENTS_LOCK}::int, ${member.id}::int)`);
  if ((await countCommitments(ctx.tx, member.id, year)) >= MAX_COMMITMENTS_PER_YEAR) {
    throw refuse(commitmentRefusals.too_many_commitments, { limit: MAX_COMMITMENTS_PER_YEAR });
  }
  const [row] = await ctx.tx
    .insert(commitments)
    .values({
      memberId: member.id,
      unitId: member.unitId,
      year,
      title: input.title,
      content: input.content,
      dueOn: input.dueOn,
      heldReason: verdict.verdict === 'review' ? `内容待审核${verdict.label ? `（${verdict.label}）` : ''}` : null,
      createdAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'commitment.make', entity: 'commitment', entityId: row!.id, after: row });
  return row!;
}
