import { blockText } from '../bulletinSearch/text';
import type { BulletinDryRunDocument, ParsedBulletin } from './types';

export { blockText };

/** The `--dry-run --json` document: the issue, each article's plain paragraphs, the warnings. */
export function toDryRunDocument(parsed: ParsedBulletin): BulletinDryRunDocument {
  return {
    issue: parsed.issue,
    articles: parsed.articles.map((article) => ({
      title: article.title,
      section: article.section,
      paragraphs: article.blocks.map(blockText),
    })),
    warnings: parsed.warnings,
  };
}

function issueLine(parsed: ParsedBulletin): string {
  const { year, number, totalNumber, date, publisher } = parsed.issue;
  const parts = [
    `${year ?? '？'} 年第 ${number ?? '？'} 期`,
    `总第 ${totalNumber ?? '？'} 期`,
    date ?? '日期不详',
    publisher ? `${publisher}编印` : '编印单位不详',
  ];
  return parts.join('，');
}

/** A short Chinese summary for people, one issue. */
export function formatDryRunSummary(file: string, parsed: ParsedBulletin): string {
  const { report, send } = parsed.issue.distribution;
  const lines = [`文件：${file}`, `期次：${issueLine(parsed)}`, `文章 ${parsed.articles.length} 篇：`];
  parsed.articles.forEach((article, index) => {
    const section = article.section ? `【${article.section}】` : '';
    lines.push(`  ${index + 1}. ${section}${article.title}（${article.blocks.length} 段）`);
  });
  lines.push(`报：${report.length > 0 ? report.join('、') : '（无）'}`);
  lines.push(`发：${send.length > 0 ? send.join('、') : '（无）'}`);
  if (parsed.warnings.length > 0) {
    lines.push(`提示 ${parsed.warnings.length} 条：`);
    for (const warning of parsed.warnings) lines.push(`  - ${warning}`);
  }
  return lines.join('\n');
}
