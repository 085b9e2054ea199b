import {
  computePioneerIndex,
  DEFAULT_RECORD_SETTINGS,
  type BonusClaim,
  type Deduction,
  type IndexInputs,
  type MemberCard,
  type RecordSettingsView,
} from '@zhijian/shared';

/** The index of a year from its inputs, computed by the shared rule (so a card's figures agree). */
export function makeIndex(inputs: Partial<IndexInputs> = {}) {
  return computePioneerIndex(
    {
      expected: 10,
      attended: 9,
      approvedBonus: 2,
      studyPoints: 4,
      publicServicePoints: 0,
      deductions: 0,
      sanctioned: false,
      ...inputs,
    },
    DEFAULT_RECORD_SETTINGS,
  );
}

/** 李青's card for 2026 at 建华文创园: 9 of 10 activities, 4 study points, one approved item of 2 points. */
export function makeCard(overrides: Partial<MemberCard> = {}): MemberCard {
  return {
    year: 2026,
    member: {
      id: 3,
      name: '李青',
      kind: 'fixed',
      kindLabel: '固定党员',
      joinedPartyOn: '2015-07-01',
      unit: { id: 7, name: '建华文创园' },
      branch: { id: 2, name: '第一党支部' },
    },
    points: [
      { category: 'activity', label: '活动积分', points: 18, today: 0, dailyCap: null, yearlyCap: null },
      { category: 'study', label: '学习积分', points: 4, today: 1, dailyCap: 2, yearlyCap: 20 },
      { category: 'public_service', label: '公益积分', points: 0, today: 0, dailyCap: null, yearlyCap: null },
      { category: 'integrity', label: '诚信积分', points: 100, today: 0, dailyCap: null, yearlyCap: null },
    ],
    integrityFlagged: false,
    index: makeIndex(),
    indexFrozen: false,
    attendance: { expected: 10, attended: 9, leave: 1 },
    reads: { articles: 6, studyPoints: 4 },
    dues: {
      months: [
        { month: '2026-01', amountCents: 5000, paidOn: '2026-01-20' },
        { month: '2026-02', amountCents: 5050, paidOn: '2026-02-20' },
      ],
      monthsBehind: 0,
    },
    bonuses: { approved: 1, pending: 1, points: 2 },
    deductions: { effective: 0, inAppeal: 0, points: 0 },
    honours: [],
    appraisals: [{ year: 2025, tier: 'excellent', tierLabel: '优秀', meetingOn: '2026-01-12' }],
    benefits: [
      {
        id: 1,
        unitId: 7,
        name: '优先推荐评优',
        description: '',
        measure: 'integrity',
        measureLabel: '诚信积分',
        threshold: 90,
        unlocked: true,
        current: 100,
      },
      {
        id: 2,
        unitId: 7,
        name: '学习之星',
        description: '年度表彰',
        measure: 'study',
        measureLabel: '学习积分',
        threshold: 15,
        unlocked: false,
        current: 4,
      },
    ],
    ...overrides,
  };
}

export function makeSettingsView(): RecordSettingsView {
  return { settings: DEFAULT_RECORD_SETTINGS, effectiveFrom: null, history: [] };
}

export function makeClaim(overrides: Partial<BonusClaim> = {}): BonusClaim {
  return {
    id: 41,
    member: { id: 3, name: '李青' },
    unitId: 7,
    kindKey: 'volunteer',
    kindName: '志愿服务',
    occurredOn: '2026-11-20',
    description: '参加社区垃圾分类志愿服务半天',
    status: 'pending',
    statusLabel: '待审核',
    points: null,
    decisionNote: null,
    photos: [],
    timeline: [{ action: 'declared', label: '提交申报', actor: '李青', note: null, at: '2026-11-21T02:00:00.000Z' }],
    createdAt: '2026-11-21T02:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

/** A deduction recorded on 2026-11-20 10:00 Beijing time: its window closes seven days later. */
export function makeDeduction(overrides: Partial<Deduction> = {}): Deduction {
  return {
    id: 51,
    member: { id: 3, name: '李青' },
    unitId: 7,
    kindKey: 'absence',
    kindName: '无故缺席组织生活',
    points: 2,
    reason: '十一月固定活动日无故缺席',
    occurredOn: '2026-11-15',
    phase: 'appeal_window',
    phaseLabel: '申诉期内',
    recordedAt: '2026-11-20T02:00:00.000Z',
    appealDeadline: '2026-11-27T02:00:00.000Z',
    appeal: null,
    decisionNote: null,
    appealable: true,
    timeline: [{ action: 'recorded', label: '记录扣分', actor: '王建华', note: null, at: '2026-11-20T02:00:00.000Z' }],
    ...overrides,
  };
}
