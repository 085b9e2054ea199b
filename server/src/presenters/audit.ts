import { auditActionName, auditEntityName, type AuditEntry } from '@zhijian/shared';
import type { AuditRow } from '../queries/audit';

/** Fields a person recognises in a change, by their Chinese names; others are counted, not named. */
const FIELD_NAMES: Record<string, string> = {
  name: '名称',
  title: '标题',
  status: '状态',
  kind: '类型',
  groupId: '片组',
  unitId: '单位',
  branchId: '支部',
  phone: '手机号',
  roles: '角色',
  mobile: '流动党员',
  place: '地点',
  agenda: '议程',
  startsAt: '开始时间',
  endsAt: '结束时间',
  deadline: '截止时间',
  summary: '摘要',
  body: '正文',
  points: '分值',
  amountCents: '金额',
  reason: '原因',
  note: '备注',
  tier: '等次',
  year: '年度',
  issueNo: '期号',
  totalNo: '总期号',
  issueDate: '日期',
  position: '顺序',
  inviteCode: '邀请码',
};

/** Values shown beside the field's name: short words a person typed. Codes, ids and personal data are only named. */
const VALUE_SHOWN = new Set(['name', 'title', 'place', 'year', 'issueNo', 'totalNo', 'issueDate', 'tier', 'points']);

/** Bookkeeping columns that change with every write and say nothing about it. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'version']);

const MAX_NAMED = 3;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function shortValue(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && value.length > 0 && value.length <= 20) return value;
  return undefined;
}

/** 「名称：甲 → 乙、状态，另 2 项」: the fields that differ, the known ones by name. */
function changeSummary(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !IGNORED.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  const known = keys.filter((key) => FIELD_NAMES[key]);
  const named = known.slice(0, MAX_NAMED).map((key) => {
    const [from, to] = [shortValue(before[key]), shortValue(after[key])];
    return VALUE_SHOWN.has(key) && from !== undefined && to !== undefined ? `${FIELD_NAMES[key]}：${from} → ${to}` : FIELD_NAMES[key]!;
  });
  const others = keys.length - named.length;
  if (named.length === 0) return others > 0 ? `修改了 ${others} 项` : '';
  return `修改 ${named.join('、')}${others > 0 ? `，另 ${others} 项` : ''}`;
}

/** The record's own name, where it has one: 「第一片组」. */
function nameOf(record: Record<string, unknown>): string {
  const name = shortValue(record.name) ?? shortValue(record.title);
  return name && typeof name === 'string' && Number.isNaN(Number(name)) ? `「${name}」` : '';
}

/** What an export or an import carried: 2026-01 至 2026-03，共 40 行. */
function countSummary(after: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof after.from === 'string' && typeof after.to === 'string') parts.push(`${after.from} 至 ${after.to}`);
  if (typeof after.year === 'number') parts.push(`${after.year} 年`);
  for (const [key, unit] of [
    ['rows', '行'],
    ['lines', '行'],
    ['reviewers', '位评审专家'],
    ['units', '个单位'],
    ['members', '名党员'],
  ] as const) {
    if (typeof after[key] === 'number') parts.push(`共 ${after[key]} ${unit}`);
  }
  return parts.join('，');
}

/** The change in a line, from the entry's before and after; empty when it holds nothing to tell. */
export function auditSummary(before: unknown, after: unknown): string {
  if (isRecord(before) && isRecord(after)) return changeSummary(before, after);
  if (isRecord(after)) return nameOf(after) || countSummary(after);
  if (isRecord(before)) return nameOf(before);
  return '';
}

export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    actionName: auditActionName(row.action),
    entity: row.entity,
    entityName: auditEntityName(row.entity),
    entityId: row.entityId,
    summary: auditSummary(row.before, row.after),
    before: row.before,
    after: row.after,
    at: row.at.toISOString(),
  };
}
