import { describe, expect, it } from 'vitest';
import { auditSummary, presentAuditEntry } from '../../../server/src/presenters/audit';

describe('auditSummary', () => {
  it('names the fields a change touched, with short values, and counts the rest', () => {
    expect(
      auditSummary({ id: 1, name: '甲', kind: 'enterprise', updatedAt: 'a' }, { id: 1, name: '乙', kind: 'college', updatedAt: 'b' }),
    ).toBe('修改 名称：甲 → 乙、类型');
    expect(auditSummary({ name: '甲', internalFlag: 1, other: 'x' }, { name: '甲', internalFlag: 2, other: 'y' })).toBe('修改了 2 项');
    expect(
      auditSummary(
        { name: '甲', title: 'a', status: 's', place: 'p', other: 1 },
        { name: '乙', title: 'b', status: 't', place: 'q', other: 2 },
      ),
    ).toBe('修改 名称：甲 → 乙、标题：a → b、状态，另 2 项');
  });

  it('never shows a phone number or long text, only that it changed', () => {
    expect(auditSummary({ phone: '13800000000' }, { phone: '13900000000' })).toBe('修改 手机号');
    expect(auditSummary({ body: '很长的正文'.repeat(10) }, { body: '另一段' })).toBe('修改 正文');
  });

  it('says nothing when nothing a person sees changed', () => {
    expect(auditSummary({ id: 1, updatedAt: 'a' }, { id: 1, updatedAt: 'b' })).toBe('');
    expect(auditSummary(null, null)).toBe('');
  });

  it('names a record created or removed by its name or title', () => {
    expect(auditSummary(null, { id: 3, name: '第一片组' })).toBe('「第一片组」');
    expect(auditSummary({ id: 3, title: '2026 年第 2 期' }, null)).toBe('「2026 年第 2 期」');
  });

  it('tells what an export carried', () => {
    expect(auditSummary(null, { from: '2026-01', to: '2026-03', lines: 40 })).toBe('2026-01 至 2026-03，共 40 行');
    expect(auditSummary(null, { rows: 12 })).toBe('共 12 行');
    expect(auditSummary(null, { reviewers: 5 })).toBe('共 5 位评审专家');
  });
});

describe('presentAuditEntry', () => {
  it('names the action and the record in Chinese, and keeps an unknown code as itself', () => {
    const row = {
      id: 7,
      actorId: 2,
      actorName: '王秘书',
      entityId: '4',
      before: null,
      after: { rows: 3 },
      at: new Date('2026-03-01T02:00:00Z'),
    };
    expect(presentAuditEntry({ ...row, action: 'call.export_entries', entity: 'call' })).toEqual({
      ...row,
      action: 'call.export_entries',
      actionName: '导出作品清单',
      entity: 'call',
      entityName: '征集',
      summary: '共 3 行',
      at: '2026-03-01T02:00:00.000Z',
    });
    expect(presentAuditEntry({ ...row, action: 'old.thing', entity: 'old' })).toMatchObject({ actionName: 'old.thing', entityName: 'old' });
  });
});
