import { ENTRY_TEXT_LIMITS, entryCompletenessProblems, type EntryCall, type EntryContent, type EntryFacts } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';
import { entryProblems } from '../../miniapp/src/packages/submit/components/validateEntry';

const COMPLETE: EntryContent = {
  title: '“红色驿站”服务流动党员',
  category: '服务员工群众',
  summary: '在市场设立红色驿站。',
  body: '一、背景\n二、做法',
  contactName: '王联系',
  contactPhone: '13800001111',
  topicId: null,
};
const CASE_CALL: EntryCall = { kind: 'case', categories: ['融入发展经营', '服务员工群众'] };
const NEWS_CALL: EntryCall = { kind: 'news', categories: [] };
const RESEARCH_CALL: EntryCall = { kind: 'research', categories: [] };

const fieldsOf = (entry: Partial<EntryContent>, call: EntryCall = CASE_CALL, facts: EntryFacts = {}) =>
  entryCompletenessProblems({ ...COMPLETE, ...entry }, call, facts).map((p) => p.field);

describe('entry completeness', () => {
  it('finds nothing missing in a complete entry', () => {
    expect(entryCompletenessProblems(COMPLETE, CASE_CALL)).toEqual([]);
    expect(entryCompletenessProblems({ ...COMPLETE, category: null }, NEWS_CALL)).toEqual([]);
  });

  it('lists every missing field, in the order the form shows them', () => {
    const empty: EntryContent = { title: '', category: null, summary: '', body: '', contactName: '', contactPhone: '', topicId: null };
    expect(entryCompletenessProblems(empty, { ...RESEARCH_CALL, categories: ['甲'] })).toEqual([
      { field: 'title', message: '请填写标题' },
      { field: 'category', message: '请选择类别' },
      { field: 'topicId', message: '请选择本单位已确认认领的课题' },
      { field: 'summary', message: '请填写摘要' },
      { field: 'body', message: '请填写正文' },
      { field: 'contactName', message: '请填写联系人' },
      { field: 'contactPhone', message: '请填写联系电话' },
    ]);
  });

  it('takes a field of spaces for an empty one (the form holds what was typed, the server the trimmed text)', () => {
    expect(fieldsOf({ title: '   ', summary: '\n', body: ' \t ', contactName: '  ', contactPhone: '   ' })).toEqual([
      'title',
      'summary',
      'body',
      'contactName',
      'contactPhone',
    ]);
  });

  it('counts lengths on the trimmed text, as the server stores it', () => {
    const longest = '党'.repeat(ENTRY_TEXT_LIMITS.title);
    expect(fieldsOf({ title: `  ${longest}  ` })).toEqual([]);
    const problems = entryCompletenessProblems({ ...COMPLETE, title: `${longest}建` }, CASE_CALL);
    expect(problems).toEqual([{ field: 'title', message: `标题最多 ${ENTRY_TEXT_LIMITS.title} 字` }]);
    expect(fieldsOf({ summary: '摘'.repeat(ENTRY_TEXT_LIMITS.summary + 1) })).toEqual(['summary']);
  });

  it('reads the contact phone the way the server does on save: spaces, dashes and +86 are fine, landlines are not', () => {
    expect(fieldsOf({ contactPhone: '+86 138-0000-1111' })).toEqual([]);
    expect(fieldsOf({ contactPhone: ' 138 0000 1111 ' })).toEqual([]);
    for (const phone of ['12345', '0571-87654321', '1380000111']) {
      expect(entryCompletenessProblems({ ...COMPLETE, contactPhone: phone }, CASE_CALL)).toEqual([
        { field: 'contactPhone', message: '手机号应为 11 位中国大陆手机号' },
      ]);
    }
  });

  it("asks for a category only when the call has categories, and one of the call's own", () => {
    expect(fieldsOf({ category: null }, NEWS_CALL)).toEqual([]);
    expect(fieldsOf({ category: null })).toEqual(['category']);
    const [stale] = entryCompletenessProblems({ ...COMPLETE, category: '已删除的类别' }, CASE_CALL);
    expect(stale).toEqual({ field: 'category', message: '类别应为：融入发展经营、服务员工群众' });
  });

  it('needs a research report to name a topic the unit holds; without that fact, a chosen topic is enough', () => {
    expect(fieldsOf({ topicId: null }, RESEARCH_CALL)).toEqual(['topicId']);
    expect(fieldsOf({ topicId: 7 }, RESEARCH_CALL)).toEqual([]);
    expect(fieldsOf({ topicId: 7 }, RESEARCH_CALL, { topicHeld: true })).toEqual([]);
    expect(fieldsOf({ topicId: 7 }, RESEARCH_CALL, { topicHeld: false })).toEqual(['topicId']);
    expect(fieldsOf({ topicId: null }, CASE_CALL)).toEqual([]);
  });

  it('is what the entry form checks before submitting: one message per field', () => {
    expect(entryProblems({ ...COMPLETE, title: ' ', contactPhone: '12345' }, CASE_CALL)).toEqual({
      title: '请填写标题',
      contactPhone: '手机号应为 11 位中国大陆手机号',
    });
    expect(entryProblems({ ...COMPLETE, contactPhone: '+86 138 0000 1111' }, CASE_CALL)).toEqual({});
  });
});
