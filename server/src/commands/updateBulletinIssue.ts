import type { IssueChanges } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { bulletinIssues } from '../db/schema';
import type { IssueRow } from '../queries/bulletins';
import { audit } from './audit';
import type { CommandContext } from './context';
import { checkIssueKey, issueColumns } from './createBulletinIssue';

/**
 * Changes the fields the PATCH names; the others keep their values. A published issue may be
 * corrected too, audited as a correction.
 */
export async function updateBulletinIssue(
  ctx: CommandContext,
  { issue, changes }: { issue: IssueRow; changes: IssueChanges },
): Promise<IssueRow> {
  const key = {
    year: changes.year === undefined ? issue.year : changes.year,
    number: changes.number === undefined ? issue.number : changes.number,
    totalNumber: changes.totalNumber === undefined ? issue.totalNumber : changes.totalNumber,
  };
  await checkIssueKey(ctx, key, issue.id);
  const [after] = await ctx.tx
    .update(bulletinIssues)
    .set({ ...issueColumns(changes), updatedAt: ctx.now })
    .where(eq(bulletinIssues.id, issue.id))
    .returning();
  const action = issue.status === 'published' ? 'bulletin.correct' : 'bulletin.update';
  await audit(ctx, { action, entity: 'bulletin_issue', entityId: issue.id, before: issue, after });
  return after!;
}
