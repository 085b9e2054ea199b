import type Router from '@koa/router';
import { api, type AwardCandidate } from '@zhijian/shared';
import { recordExport } from '../../commands/recordExport';
import { sendWorkbook } from '../../exports/sendWorkbook';
import { sheetSpec, type SheetSpec } from '../../exports/workbookSpec';
import { rankCandidates } from '../../presenters/awards';
import { findReview, listCandidates } from '../../queries/awards';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { AWARD_KINDS, AWARD_LABELS } from '@zhijian/shared';

const figuresOf = (candidate: AwardCandidate) =>
  candidate.lines
    .map((line) => `${line.label}：${line.value}（${line.rule}${line.points === null ? '' : `，${line.points} 分`}）`)
    .join('\n');

/** The candidates of every award with their figures beside the rules, and the final list, as xlsx. */
export function mountAwardExports(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.awards.exportCandidates, async ({ params, koa, run }) => {
    const review = await findReview(db, params.id);
    const sheets: SheetSpec[] = [];
    for (const award of AWARD_KINDS) {
      const sheet = sheetSpec(AWARD_LABELS[award], [
        { header: '名次', key: 'rank', width: 6 },
        { header: award === 'unit' ? '单位' : '姓名', key: 'name', width: 24 },
        { header: '单位', key: 'unit', width: 28 },
        { header: '片组', key: 'group', width: 10 },
        { header: '得分', key: 'score', width: 8 },
        { header: '符合条件', key: 'eligible', width: 10 },
        { header: '数据与规则', key: 'figures', width: 70 },
        { header: '片组推荐', key: 'recommended', width: 24 },
        { header: '评审意见', key: 'decision', width: 24 },
      ]);
      sheets.push(sheet);
      rankCandidates(await listCandidates(db, review.id, award, null), review.rules).forEach((candidate, index) =>
        sheet.rows.push({
          rank: index + 1,
          name: candidate.name,
          unit: candidate.unit.name,
          group: candidate.group.name,
          score: candidate.score,
          eligible: candidate.eligible ? '是' : '否',
          figures: figuresOf(candidate),
          recommended: candidate.recommendation?.note ?? '',
          decision: candidate.decision ? `${candidate.decision.selected ? '评选' : '未评选'}：${candidate.decision.note}` : '',
        }),
      );
    }
    await run(recordExport, {
      action: 'awards.export_candidates',
      entity: 'award_review',
      entityId: review.id,
      after: { year: review.year },
    });
    await sendWorkbook(koa, { sheets }, `${review.year}年度评优候选.xlsx`, `awards-${review.year}-candidates.xlsx`);
    return undefined;
  });

  mount(router, services, api.awards.exportWinners, async ({ params, koa, run }) => {
    const review = await findReview(db, params.id);
    const sheet = sheetSpec('获奖名单', [
      { header: '奖项', key: 'award', width: 12 },
      { header: '名称', key: 'name', width: 24 },
      { header: '单位', key: 'unit', width: 28 },
      { header: '片组', key: 'group', width: 10 },
      { header: '得分', key: 'score', width: 8 },
      { header: '评审意见', key: 'note', width: 40 },
    ]);
    for (const award of AWARD_KINDS) {
      const winners = rankCandidates(await listCandidates(db, review.id, award, null), review.rules).filter((c) => c.decision?.selected);
      winners.forEach((c) =>
        sheet.rows.push({
          award: c.awardLabel,
          name: c.name,
          unit: c.unit.name,
          group: c.group.name,
          score: c.score,
          note: c.decision!.note,
        }),
      );
    }
    await run(recordExport, { action: 'awards.export_winners', entity: 'award_review', entityId: review.id, after: { year: review.year } });
    await sendWorkbook(koa, { sheets: [sheet] }, `${review.year}年度评优获奖名单.xlsx`, `awards-${review.year}-winners.xlsx`);
    return undefined;
  });
}
