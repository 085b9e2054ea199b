/** How an issue is named everywhere: "2016 年第 2 期（总第 36 期）", with whatever parts are known. */
export function issueLabel(issue: { year: number | null; number: number | null; totalNumber: number | null }): string {
  const main = issue.year !== null && issue.number !== null ? `${issue.year} 年第 ${issue.number} 期` : '';
  const total = issue.totalNumber !== null ? `总第 ${issue.totalNumber} 期` : '';
  if (main && total) return `${main}（${total}）`;
  return main || total || '未编号简报';
}
