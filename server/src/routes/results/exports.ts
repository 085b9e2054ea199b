import type Router from '@koa/router';
import { api, ENTRY_STATUS_LABELS } from '@zhijian/shared';
import { recordExport } from '../../commands/recordExport';
import { sendWorkbook } from '../../exports/sendWorkbook';
import { sheetSpec, type CellValue } from '../../exports/workbookSpec';
import { presentResults } from '../../presenters/results';
import { findCall } from '../../queries/calls';
import { listHandedInEntries, loadResultRows, loadWorkloadRows } from '../../queries/results';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** xlsx ledgers of a call: every entry with status and scores; the reviewers' workload. */
export function resultExportRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.results.exportEntries, async ({ params, koa, run }) => {
    const call = await findCall(db, params.id);
    const results = presentResults(await loadResultRows(db, call));
    const byEntry = new Map(results.rows.map((row) => [row.entryId, row]));
    const rows = await listHandedInEntries(db, call.id);
    const reviewColumns = Math.max(call.reviewersPerEntry, ...results.rows.map((r) => r.reviews.length), 0);
    const sheet = sheetSpec('报送与评分', [
      { header: '登记编号', key: 'number', width: 14 },
      { header: '标题', key: 'title', width: 36 },
      { header: '单位', key: 'unit', width: 24 },
      { header: '片组', key: 'group', width: 10 },
      { header: '类别', key: 'category', width: 14 },
      { header: '状态', key: 'status', width: 10 },
      { header: '提交时间', key: 'submittedAt', width: 20 },
      ...Array.from({ length: reviewColumns }, (_, i) => ({ header: `评分${i + 1}`, key: `score${i + 1}`, width: 8 })),
      { header: '平均分', key: 'mean', width: 8 },
      { header: '分差', key: 'spread', width: 8 },
      { header: '分歧较大', key: 'disagreement', width: 10 },
      { header: '排名', key: 'rank', width: 6 },
      { header: '建议等次', key: 'suggested', width: 10 },
      { header: '等次', key: 'tier', width: 10 },
    ]);
    for (const { entry, unitName, groupName } of rows) {
      const result = byEntry.get(entry.id);
      const scores: Record<string, CellValue> = Object.fromEntries(
        (result?.reviews ?? []).map((r, i) => [`score${i + 1}`, r.weightedScore ?? '']),
      );
      sheet.rows.push({
        number: entry.registrationNumber ?? '',
        title: entry.title,
        unit: unitName,
        group: groupName,
        category: entry.category ?? '',
        status: ENTRY_STATUS_LABELS[entry.status],
        submittedAt: entry.submittedAt ?? '',
        ...scores,
        mean: result?.mean ?? '',
        spread: result?.spread ?? '',
        disagreement: result?.disagreement ? '是' : '',
        rank: result?.rank ?? '',
        suggested: result?.suggestedTier ?? '',
        tier: entry.tier ?? '',
      });
    }
    await run(recordExport, { action: 'call.export_entries', entity: 'call', entityId: call.id, after: { rows: rows.length } });
    await sendWorkbook(koa, { sheets: [sheet] }, `${call.title}-报送与评分.xlsx`, `call-${call.id}-entries.xlsx`);
    return undefined;
  });

  mount(router, services, api.results.exportWorkload, async ({ params, koa, run }) => {
    const call = await findCall(db, params.id);
    const now = clock.now();
    const { reviewers, assignments } = await loadWorkloadRows(db, call);
    const sheet = sheetSpec('评审工作量', [
      { header: '评审专家', key: 'name', width: 12 },
      { header: '所在单位', key: 'unit', width: 24 },
      { header: '分配', key: 'assigned', width: 8 },
      { header: '已提交', key: 'submitted', width: 8 },
      { header: '草稿', key: 'draft', width: 8 },
      { header: '未开始', key: 'none', width: 8 },
      { header: '逾期未交', key: 'overdue', width: 10 },
      { header: '谢绝', key: 'declined', width: 8 },
    ]);
    for (const reviewer of reviewers) {
      const own = assignments.filter((a) => a.reviewerId === reviewer.id);
      const active = own.filter((a) => a.status === 'active');
      sheet.rows.push({
        name: reviewer.name,
        unit: reviewer.unitName ?? '',
        assigned: active.length,
        submitted: active.filter((a) => a.reviewStatus === 'submitted').length,
        draft: active.filter((a) => a.reviewStatus === 'draft').length,
        none: active.filter((a) => a.reviewStatus === 'none').length,
        overdue: active.filter((a) => a.reviewStatus !== 'submitted' && a.deadline.getTime() <= now.getTime()).length,
        declined: own.filter((a) => a.status === 'declined').length,
      });
    }
    await run(recordExport, { action: 'call.export_workload', entity: 'call', entityId: call.id, after: { reviewers: reviewers.length } });
    await sendWorkbook(koa, { sheets: [sheet] }, `${call.title}-评审工作量.xlsx`, `call-${call.id}-workload.xlsx`);
    return undefined;
  });
}
