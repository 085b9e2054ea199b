import type { ResultRows } from '../queries/results';

/**
 * What stands in the way of publishing a call's results; empty when they may be published.
 * Publishing waits for every review, unless the secretariat closed the round explicitly.
 */
export function publishBlockers({ call, entries, assignments }: ResultRows): string[] {
  if (call.resultsPublishedAt) return ['结果已经发布'];
  const reasons: string[] = [];
  const inReview = entries.filter((row) => row.entry.status === 'in_review');
  const activeOf = (entryId: number) => assignments.filter((a) => a.entryId === entryId && a.status === 'active');
  if (inReview.length === 0) reasons.push('还没有进入评审的报送');
  if (!call.reviewRoundClosedAt) {
    const unassigned = entries.filter((row) => row.entry.status === 'passed').length;
    if (unassigned) reasons.push(`${unassigned} 份初审通过的报送尚未分配评审专家`);
    const short = inReview.filter((row) => activeOf(row.entry.id).length < call.reviewersPerEntry).length;
    if (short) reasons.push(`${short} 份报送的评审专家不足 ${call.reviewersPerEntry} 位`);
    const pending = inReview.reduce((sum, row) => sum + activeOf(row.entry.id).filter((a) => a.reviewStatus !== 'submitted').length, 0);
    if (pending) reasons.push(`还有 ${pending} 份评分未提交（可等待，或结束评审轮次）`);
  }
  const untiered = inReview.filter((row) => row.entry.tier === null).length;
  if (untiered) reasons.push(`${untiered} 份报送尚未确定等次`);
  return reasons;
}
