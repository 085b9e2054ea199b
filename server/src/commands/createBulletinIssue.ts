import { bulletinRefusals, issueLabel, type IssueInput } from '@zhijian/shared';
import { bulletinIssues } from '../db/schema';
import { refuse } from '../errors';
import { findIssueWithKey, hasIssueKey, type IssueKey, type IssueRow } from '../queries/bulletins';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * An issue must be known by its 期号 — 总期, or year + 期 — and no other issue may carry them. The
 * unique indexes hold the second rule too, for two writers at once; this says which issue has them.
 */
export async function checkIssueKey(ctx: CommandContext, key: IssueKey, exceptId?: number): Promise<void> {
  if (!hasIssueKey(key)) throw refuse(bulletinRefusals.issue_number_missing);
  const holder = await findIssueWithKey(ctx.tx, key, exceptId);
  if (holder) throw refuse(bulletinRefusals.issue_number_taken, { issueId: holder.id, label: issueLabel(holder) });
}

/** The columns of an issue's header, from the contract's input. */
export function issueColumns({ distribution, ...rest }: Partial<IssueInput>) {
  return {
    ...rest,
    ...(distribution ? { distributionReport: distribution.report, distributionSend: distribution.send } : {}),
  };
}

/** A new issue, as a draft. */
export async function createBulletinIssue(ctx: CommandContext, input: IssueInput): Promise<IssueRow> {
  await checkIssueKey(ctx, { year: input.year, number: input.number, totalNumber: input.totalNumber });
  const [created] = await ctx.tx
    .insert(bulletinIssues)
    .values({ ...issueColumns(input), status: 'draft', createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  await audit(ctx, { action: 'bulletin.create', entity: 'bulletin_issue', entityId: created!.id, after: created });
  return created!;
}
