import { DEFAULT_CASE_CATEGORIES, DEFAULT_RUBRIC, DEFAULT_TIERS, type Call, type Entry } from '@zhijian/shared';

export function makeCall(overrides: Partial<Call> = {}): Call {
  return {
    id: 5,
    kind: 'case',
    title: '小创意发挥大作用',
    description: '',
    year: 2026,
    code: 'AL',
    categories: [...DEFAULT_CASE_CATEGORIES],
    rubric: DEFAULT_RUBRIC,
    tiers: DEFAULT_TIERS,
    opensAt: '2026-11-01T00:00:00.000Z',
    closesAt: '2026-12-31T10:00:00.000Z',
    phase: 'open',
    entryLimit: 3,
    reviewersPerEntry: 3,
    reviewRoundClosedAt: null,
    resultsPublishedAt: null,
    myUnit: { used: 0, remaining: 3, drafts: 0 },
    entryCounts: null,
    ...overrides,
  };
}

export function makeEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: 41,
    callId: 5,
    callTitle: '小创意发挥大作用',
    callKind: 'case',
    status: 'draft',
    statusLabel: '草稿',
    registrationNumber: null,
    unitId: 7,
    unitName: '荣盛集团',
    authorName: '张三',
    title: '',
    category: null,
    summary: '',
    body: '',
    contactName: '张三',
    contactPhone: '',
    topic: null,
    version: 1,
    images: [],
    attachments: [],
    timeline: [],
    result: null,
    assignments: null,
    editable: true,
    withdrawable: false,
    submittedAt: null,
    updatedAt: '2026-11-20T01:00:00.000Z',
    ...overrides,
  };
}
