import type { BonusStatus, DeductionPhase } from '@zhijian/shared';
import { api } from '@zhijian/shared';
import { call, client, type Body } from './api';
import { downloadExport } from './download';
import type { PickedFile } from './files';
import { upload } from './upload';

/**
 * The records behind the 先锋指数, as the unit admin keeps them (加分审核, 扣分, 处分, 党费, 民主评议,
 * 权益) and the secretariat reads and rules them (规则, 分布, 年度结账).
 */

// ── 正向加分 ──

export function unitBonuses(unitId: number, page: number, pageSize: number, status?: BonusStatus) {
  return call(api.bonuses.listForUnit, { params: { unitId }, query: { page, pageSize, status } });
}

export function decideBonus(id: number, body: Body<typeof api.bonuses.decide>) {
  return call(api.bonuses.decide, { params: { id }, body });
}

export { bonusPhotoUrl } from './record';

// ── 反向扣分与纪律处分 ──

export function unitDeductions(unitId: number, page: number, pageSize: number, phase?: DeductionPhase) {
  return call(api.deductions.listForUnit, { params: { unitId }, query: { page, pageSize, phase } });
}

export function recordDeduction(unitId: number, body: Body<typeof api.deductions.record>) {
  return call(api.deductions.record, { params: { unitId }, body });
}

export function decideAppeal(id: number, body: Body<typeof api.deductions.decideAppeal>) {
  return call(api.deductions.decideAppeal, { params: { id }, body });
}

export function listSanctions(page: number, pageSize: number, year?: number) {
  return call(api.deductions.listSanctions, { query: { page, pageSize, year } });
}

export function recordSanction(unitId: number, body: Body<typeof api.deductions.recordSanction>) {
  return call(api.deductions.recordSanction, { params: { unitId }, body });
}

/** The unit's roster as a list to pick a member from (the first 100 matching `q`). */
export async function findUnitMembers(unitId: number, q: string) {
  const page = await call(api.members.list, { params: { unitId }, query: { q: q || undefined, pageSize: 100 } });
  return page.items;
}

// ── 党费 ──

export function duesSheet(unitId: number, year: number) {
  return call(api.dues.sheet, { params: { unitId }, query: { year } });
}

export function recordDues(unitId: number, body: Body<typeof api.dues.record>) {
  return call(api.dues.record, { params: { unitId }, body });
}

export function removeDues(unitId: number, memberId: number, month: string) {
  return call(api.dues.remove, { params: { unitId }, body: { memberId, month } });
}

export function importDues(unitId: number, year: number, file: PickedFile) {
  return upload(api.dues.importYear, { params: { unitId }, query: { year } }, file);
}

// ── 民主评议 ──

export function appraisalSheet(unitId: number, year: number) {
  return call(api.appraisals.sheet, { params: { unitId }, query: { year } });
}

export function recordAppraisals(unitId: number, body: Body<typeof api.appraisals.record>) {
  return call(api.appraisals.record, { params: { unitId }, body });
}

// ── 先锋指数 ──

export function unitIndexes(unitId: number, year: number) {
  return call(api.pioneerIndex.forUnit, { params: { unitId }, query: { year } });
}

export function exportUnitIndexes(unitId: number, year: number, unitName: string) {
  return downloadExport(
    client.url(api.pioneerIndex.exportForUnit, { params: { unitId }, query: { year } }),
    `${unitName}-${year}年先锋指数.xlsx`,
  );
}

export function indexDistribution(year: number) {
  return call(api.pioneerIndex.distribution, { query: { year } });
}

export function exportDistribution(year: number) {
  return downloadExport(client.url(api.pioneerIndex.exportDistribution, { query: { year } }), `${year}年先锋指数分布.xlsx`);
}

export async function closedYears() {
  return (await call(api.pioneerIndex.years)).items;
}

export function closeYear(year: number) {
  return call(api.pioneerIndex.closeYear, { params: { year } });
}

// ── 规则 ──

export function recordSettings() {
  return call(api.recordSettings.get);
}

export function saveRecordSettings(body: Body<typeof api.recordSettings.update>) {
  return call(api.recordSettings.update, { body });
}

// ── 权益 ──

export async function unitBenefits(unitId: number) {
  return (await call(api.benefits.listForUnit, { params: { unitId } })).items;
}

export function createBenefit(unitId: number, body: Body<typeof api.benefits.create>) {
  return call(api.benefits.create, { params: { unitId }, body });
}

export function updateBenefit(id: number, body: Body<typeof api.benefits.update>) {
  return call(api.benefits.update, { params: { id }, body });
}

export function removeBenefit(id: number) {
  return call(api.benefits.remove, { params: { id } });
}
