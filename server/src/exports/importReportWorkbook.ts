import { BATCH_OUTCOME_NAMES, reportTotals, type BatchReport } from '@zhijian/shared';
import { sheetSpec, type WorkbookSpec } from './workbookSpec';

/** The report of an import of back issues: one row per file, then the totals on a sheet of their own. */
export function importReportWorkbook(report: BatchReport): WorkbookSpec {
  const files = sheetSpec(
    '导入报告',
    [
      { header: '文件', key: 'name', width: 36 },
      { header: '结果', key: 'outcome', width: 10 },
      { header: '期次', key: 'label', width: 28 },
      { header: '文章数', key: 'articles', width: 8 },
      { header: '原因', key: 'why', width: 40 },
      { header: '未处理的提示', key: 'warnings', width: 60 },
    ],
    report.items.map((item) => ({
      name: item.name,
      outcome: BATCH_OUTCOME_NAMES[item.outcome],
      label: item.label,
      articles: item.articles,
      why: item.why ?? '',
      warnings: item.warnings.join('\n'),
    })),
  );
  const totals = reportTotals(report);
  const summary = sheetSpec(
    '合计',
    [
      { header: '项目', key: 'what', width: 16 },
      { header: '数量', key: 'count', width: 10 },
    ],
    [
      { what: '新建', count: totals.created },
      { what: '更新', count: totals.updated },
      { what: '跳过', count: totals.skipped },
      { what: '未能导入', count: totals.refused },
      { what: '文章', count: totals.articles },
      { what: '未处理的提示', count: totals.openWarnings },
    ],
  );
  return { sheets: [files, summary] };
}
