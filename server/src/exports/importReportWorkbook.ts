import { BATCH_OUTCOME_NAMES, reportTotals, type BatchReport } from '@zhijian/shared';
import ExcelJS from 'exceljs';
import { addSheet } from './sendWorkbook';

/** The report of an import of back issues: one row per file, then the totals on a sheet of their own. */
export function importReportWorkbook(report: BatchReport): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const files = addSheet(workbook, '导入报告', [
    { header: '文件', key: 'name', width: 36 },
    { header: '结果', key: 'outcome', width: 10 },
    { header: '期次', key: 'label', width: 28 },
    { header: '文章数', key: 'articles', width: 8 },
    { header: '原因', key: 'why', width: 40 },
    { header: '未处理的提示', key: 'warnings', width: 60 },
  ]);
  for (const item of report.items) {
    files.addRow({
      name: item.name,
      outcome: BATCH_OUTCOME_NAMES[item.outcome],
      label: item.label,
      articles: item.articles,
      why: item.why ?? '',
      warnings: item.warnings.join('\n'),
    });
  }
  const totals = reportTotals(report);
  const summary = addSheet(workbook, '合计', [
    { header: '项目', key: 'what', width: 16 },
    { header: '数量', key: 'count', width: 10 },
  ]);
  summary.addRows([
    { what: '新建', count: totals.created },
    { what: '更新', count: totals.updated },
    { what: '跳过', count: totals.skipped },
    { what: '未能导入', count: totals.refused },
    { what: '文章', count: totals.articles },
    { what: '未处理的提示', count: totals.openWarnings },
  ]);
  return workbook;
}
