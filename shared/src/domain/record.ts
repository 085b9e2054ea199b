import { z } from 'zod';
import { commitmentScore } from './aie';

/**
 * The member's record (党员卡) and the 先锋指数, as rules both sides read. Anchors: 浙组通〔2012〕63号
 * (基本指数 80 + 正向加分 − 反向扣分), 遂昌 (底线 50 + 承诺 30), 海曙 (points per activity), caps per day and
 * per year (学习强国), integrity points from a base (below 60 flags a member), benefits unlocked at
 * thresholds rather than spent.
 */

/** The points ledger's categories: 活动, 学习, 公益, 诚信. */
export const POINT_CATEGORIES = ['activity', 'study', 'public_service', 'integrity'] as const;
export type PointCategory = (typeof POINT_CATEGORIES)[number];
export const PointCategorySchema = z.enum(POINT_CATEGORIES);

export const POINT_CATEGORY_LABELS: Record<PointCategory, string> = {
  activity: '活动积分',
  study: '学习积分',
  public_service: '公益积分',
  integrity: '诚信积分',
};

/** What a benefit's threshold is measured on: a category's points this year, or the index. */
export const BENEFIT_MEASURES = [...POINT_CATEGORIES, 'index'] as const;
export const BenefitMeasure = z.enum(BENEFIT_MEASURES);
export type BenefitMeasure = (typeof BENEFIT_MEASURES)[number];
export const BENEFIT_MEASURE_LABELS: Record<BenefitMeasure, string> = { ...POINT_CATEGORY_LABELS, index: '先锋指数' };

const Points = z.number().int().min(0).max(100);
const Cap = z.number().int().min(0).max(10_000).nullable();

/** One category's rule: points per source, and caps per day and per year (null: none). */
export const CategoryRule = z.object({
  dailyCap: Cap.meta({ label: '每日上限' }),
  yearlyCap: Cap.meta({ label: '每年上限' }),
});

export const BonusKind = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,30}$/, '代码应为小写字母开头的字母、数字或下划线')
    .meta({ label: '代码' }),
  name: z.string().trim().min(1, '请填写名称').max(30).meta({ label: '名称' }),
  minPoints: z.number().int().min(1).max(20).meta({ label: '最低分' }),
  maxPoints: z.number().int().min(1).max(20).meta({ label: '最高分' }),
});
export type BonusKind = z.infer<typeof BonusKind>;

export const DeductionKind = z.object({
  key: BonusKind.shape.key,
  name: BonusKind.shape.name,
});
export type DeductionKind = z.infer<typeof DeductionKind>;

/**
 * 爱E客栈: points per attended volunteer activity (公益), and for a 传帮带 answer marked as the
 * solution — its category and how many such awards an author may earn per (Shanghai) month.
 */
export const VolunteeringRules = z.object({
  perActivity: Points.meta({ label: '每次志愿活动' }),
  perSolvedAnswer: Points.meta({ label: '每个被采纳的回答' }),
  answerCategory: z.enum(['activity', 'study', 'public_service']).meta({ label: '回答积分类别' }),
  solvedAnswersPerMonth: z.number().int().min(0).max(100).meta({ label: '每月被采纳回答计分上限' }),
});
export type VolunteeringRules = z.infer<typeof VolunteeringRules>;

export const DEFAULT_VOLUNTEERING_RULES: VolunteeringRules = {
  perActivity: 2,
  perSolvedAnswer: 1,
  answerCategory: 'public_service',
  solvedAnswersPerMonth: 4,
};

/** The volunteering rules of a settings version (the defaults for versions saved before there were any). */
export function volunteeringRules(settings: RecordSettings): VolunteeringRules {
  return settings.volunteering ?? DEFAULT_VOLUNTEERING_RULES;
}

/**
 * The association's rules for points and the index, all editable by the secretariat. A new
 * version applies from the moment it is saved; nothing already written is recomputed.
 */
export const RecordSettings = z
  .object({
    points: z.object({
      /** 活动: per check-in on time, late, and an approved make-up. */
      activity: CategoryRule.extend({ onTime: Points, late: Points, makeup: Points }),
      /** 学习: per effective read of a 简报 article. */
      study: CategoryRule.extend({ perRead: Points }),
      /** 公益: volunteer service and 微心愿 (爱E客栈 fills it); `perWish` per wish confirmed done, to its claimer. */
      publicService: CategoryRule.extend({ perWish: Points.optional().meta({ label: '每个微心愿' }) }),
      /** 诚信: starts at the base; only reviewed records (effective deductions) change it. */
      integrity: z.object({ base: z.number().int().min(0).max(1000), flagBelow: z.number().int().min(0).max(1000) }),
    }),
    index: z.object({
      /** 基本指数: 组织生活 (× the year's attendance rate) + 承诺践诺. */
      organisationalLife: Points,
      commitment: Points,
      /** 正向加分, all together at most `bonusCap`: approved items, 学习 × factor (up to its cap), 公益 (up to its cap). */
      bonusCap: Points,
      studyFactor: z.number().min(0).max(10),
      studyCap: Points,
      publicServiceCap: Points,
      /** Advisory tiers; the branch decides in 民主评议. */
      tiers: z.object({ excellent: Points, qualified: Points, basic: Points }),
    }),
    bonusKinds: z.array(BonusKind).min(1).max(30),
    deductionKinds: z.array(DeductionKind).min(1).max(30),
    /** 爱E客栈 volunteering; versions saved before it existed read the defaults (`volunteeringRules`). */
    volunteering: VolunteeringRules.optional(),
  })
  .refine((s) => s.bonusKinds.every((k) => k.minPoints <= k.maxPoints), { path: ['bonusKinds'], message: '最低分不能高于最高分' })
  .refine((s) => new Set(s.bonusKinds.map((k) => k.key)).size === s.bonusKinds.length, {
    path: ['bonusKinds'],
    message: '加分项目代码不能重复',
  })
  .refine((s) => new Set(s.deductionKinds.map((k) => k.key)).size === s.deductionKinds.length, {
    path: ['deductionKinds'],
    message: '扣分项目代码不能重复',
  })
  .refine((s) => s.index.tiers.excellent > s.index.tiers.qualified && s.index.tiers.qualified > s.index.tiers.basic, {
    path: ['index', 'tiers'],
    message: '等次分数线应从高到低排列',
  });
export type RecordSettings = z.infer<typeof RecordSettings>;

export const DEFAULT_RECORD_SETTINGS: RecordSettings = {
  points: {
    activity: { onTime: 2, late: 1, makeup: 1, dailyCap: null, yearlyCap: null },
    study: { perRead: 1, dailyCap: 2, yearlyCap: 20 },
    publicService: { perWish: 2, dailyCap: null, yearlyCap: null },
    integrity: { base: 100, flagBelow: 60 },
  },
  index: {
    organisationalLife: 50,
    commitment: 30,
    bonusCap: 20,
    studyFactor: 0.5,
    studyCap: 5,
    publicServiceCap: 10,
    tiers: { excellent: 90, qualified: 70, basic: 60 },
  },
  bonusKinds: [
    { key: 'volunteer', name: '志愿服务', minPoints: 1, maxPoints: 3 },
    { key: 'honour', name: '获得表彰', minPoints: 2, maxPoints: 5 },
    { key: 'innovation', name: '岗位创新创优', minPoints: 1, maxPoints: 5 },
    { key: 'mentoring', name: '传帮带', minPoints: 1, maxPoints: 3 },
    { key: 'other', name: '其他先锋作用', minPoints: 1, maxPoints: 3 },
  ],
  deductionKinds: [
    { key: 'absence', name: '无故缺席组织生活' },
    { key: 'dues_late', name: '未按时交纳党费' },
    { key: 'conduct', name: '言行不当' },
    { key: 'commitment', name: '未践行承诺' },
    { key: 'other', name: '其他' },
  ],
  volunteering: DEFAULT_VOLUNTEERING_RULES,
};

/** The 公益 points a realised 微心愿 earns its claimer (versions saved before the rule existed: the default). */
export function wishPointsFor(settings: RecordSettings): number {
  return settings.points.publicService.perWish ?? DEFAULT_WISH_POINTS;
}
export const DEFAULT_WISH_POINTS = 2;

/** The points a check-in earns under these settings: on time, late, or an approved make-up. */
/** A category's caps under the settings (诚信 has none: it starts at a base and only deductions move it). */
export function categoryCaps(settings: RecordSettings, category: PointCategory): { dailyCap: number | null; yearlyCap: number | null } {
  const rules = settings.points;
  const rule =
    category === 'activity'
      ? rules.activity
      : category === 'study'
        ? rules.study
        : category === 'public_service'
          ? rules.publicService
          : null;
  return { dailyCap: rule?.dailyCap ?? null, yearlyCap: rule?.yearlyCap ?? null };
}

export function activityPointsFor(settings: RecordSettings, status: 'present' | 'late', method: 'scan' | 'manual' | 'makeup'): number {
  const rule = settings.points.activity;
  if (method === 'makeup') return rule.makeup;
  return status === 'late' ? rule.late : rule.onTime;
}

// ── 正向加分, 反向扣分, 民主评议 ──────────────────────────────────────────────────────────────────

export const BONUS_STATUSES = ['pending', 'approved', 'refused'] as const;
export const BonusStatus = z.enum(BONUS_STATUSES);
export type BonusStatus = (typeof BONUS_STATUSES)[number];
export const BONUS_STATUS_LABELS: Record<BonusStatus, string> = { pending: '待审核', approved: '已认定', refused: '未认定' };

/** A deduction as stored; whether it counts also depends on the clock (`deductionCounts`). */
export const DEDUCTION_STATUSES = ['recorded', 'appealed', 'upheld', 'withdrawn'] as const;
export type DeductionStatus = (typeof DEDUCTION_STATUSES)[number];

/** What a person sees: 申诉期内, 申诉中, 已生效, 已撤销. */
export const DEDUCTION_PHASES = ['appeal_window', 'appealed', 'effective', 'withdrawn'] as const;
export const DeductionPhase = z.enum(DEDUCTION_PHASES);
export type DeductionPhase = (typeof DEDUCTION_PHASES)[number];
export const DEDUCTION_PHASE_LABELS: Record<DeductionPhase, string> = {
  appeal_window: '申诉期内',
  appealed: '申诉中',
  effective: '已生效',
  withdrawn: '已撤销',
};

/** A deduction takes effect after this many days without an appeal (Asia/Shanghai, by the server's clock). */
export const APPEAL_WINDOW_DAYS = 7;
export const DEDUCTION_POINTS = { min: 1, max: 5 } as const;

/** Where a deduction stands at `now`: effective when upheld, or when its window passed without an appeal. */
export function deductionPhase(deduction: { status: DeductionStatus; appealDeadline: Date }, now: Date): DeductionPhase {
  switch (deduction.status) {
    case 'upheld':
      return 'effective';
    case 'withdrawn':
      return 'withdrawn';
    case 'appealed':
      return 'appealed';
    case 'recorded':
      return now.getTime() >= deduction.appealDeadline.getTime() ? 'effective' : 'appeal_window';
  }
}

export const APPRAISAL_TIERS = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export const AppraisalTier = z.enum(APPRAISAL_TIERS);
export type AppraisalTier = (typeof APPRAISAL_TIERS)[number];
export const APPRAISAL_TIER_LABELS: Record<AppraisalTier, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};

// ── 先锋指数 ──────────────────────────────────────────────────────────────────────────────────────

/** The advisory tiers of an index: the branch decides in 民主评议 ("不能简单以票取人"). */
export const INDEX_TIERS = ['excellent_candidate', 'qualified', 'basic', 'talk'] as const;
export const IndexTier = z.enum(INDEX_TIERS);
export type IndexTier = (typeof INDEX_TIERS)[number];
export const INDEX_TIER_LABELS: Record<IndexTier, string> = {
  excellent_candidate: '优秀候选',
  qualified: '合格',
  basic: '基本合格',
  talk: '需谈心谈话',
};

/** What the index of a member and year is computed from. */
export interface IndexInputs {
  /** Activities the member was expected at whose check-in window has closed, minus approved leave. */
  expected: number;
  /** Of those: present or late. */
  attended: number;
  /** Approved 正向加分 items' points. */
  approvedBonus: number;
  /** This year's 学习 and 公益 points (net of reversals). */
  studyPoints: number;
  publicServicePoints: number;
  /** Effective 反向扣分 points. */
  deductions: number;
  /** A sanction this year: the index is 0 (清零). */
  sanctioned: boolean;
  /**
   * 明承诺 of the year that count: decided, or due by now (a commitment still within its time is
   * not counted yet), and of those the ones the unit admin confirmed kept. None: 承诺践诺 in full.
   */
  commitmentsMade?: number;
  commitmentsKept?: number;
}

export const IndexBreakdown = z.object({
  attendanceRate: z.number().nullable(),
  organisationalLife: z.number(),
  commitment: z.number(),
  base: z.number(),
  approvedBonus: z.number(),
  study: z.number(),
  publicService: z.number(),
  bonus: z.number(),
  deductions: z.number(),
  sanctioned: z.boolean(),
  value: z.number(),
  tier: IndexTier,
});
export type IndexBreakdown = z.infer<typeof IndexBreakdown>;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function indexTierOf(value: number, tiers: RecordSettings['index']['tiers']): IndexTier {
  if (value >= tiers.excellent) return 'excellent_candidate';
  if (value >= tiers.qualified) return 'qualified';
  if (value >= tiers.basic) return 'basic';
  return 'talk';
}

/**
 * 先锋指数 = 基本指数 (组织生活 × attendance rate + 承诺践诺) + 正向加分 (capped) − 反向扣分, floored at 0
 * and capped at 100, to one decimal; a sanction makes it 0. A member expected at nothing gets the
 * whole 组织生活 part. 承诺践诺 is kept ÷ made of the year's commitments (爱E客栈's 明承诺), in full
 * when none were made.
 */
export function computePioneerIndex(inputs: IndexInputs, settings: RecordSettings): IndexBreakdown {
  const rules = settings.index;
  const attendanceRate = inputs.expected > 0 ? Math.min(1, inputs.attended / inputs.expected) : null;
  const organisationalLife = oneDecimal(rules.organisationalLife * (attendanceRate ?? 1));
  const commitment = commitmentScore(inputs.commitmentsMade ?? 0, inputs.commitmentsKept ?? 0, rules.commitment);
  const base = oneDecimal(organisationalLife + commitment);
  const study = oneDecimal(Math.min(rules.studyCap, Math.max(0, inputs.studyPoints) * rules.studyFactor));
  const publicService = Math.min(rules.publicServiceCap, Math.max(0, inputs.publicServicePoints));
  const bonus = oneDecimal(Math.min(rules.bonusCap, inputs.approvedBonus + study + publicService));
  const raw = oneDecimal(Math.min(100, Math.max(0, base + bonus - inputs.deductions)));
  const value = inputs.sanctioned ? 0 : raw;
  return {
    attendanceRate: attendanceRate === null ? null : Math.round(attendanceRate * 1000) / 1000,
    organisationalLife,
    commitment,
    base,
    approvedBonus: inputs.approvedBonus,
    study,
    publicService,
    bonus,
    deductions: inputs.deductions,
    sanctioned: inputs.sanctioned,
    value,
    tier: indexTierOf(value, rules.tiers),
  };
}

/**
 * Figures others see are published as of the end of last month (Shanghai), never live: the
 * instant the current month began. A member's own card is live.
 */
export function publishedAsOf(now: Date): Date {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), 1) - 8 * 3600_000);
}

/** `YYYY-MM` months of a year. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Dues: a member this many months or more behind is listed to the unit. */
export const DUES_ARREARS_MONTHS = 3;

/**
 * How many months in a row, ending with `lastDue` (the month before the current one: a month's
 * dues may be paid until it ends) and going back no further than `firstDue` (when records began,
 * or the member joined), have no payment.
 */
export function monthsBehind(paid: ReadonlySet<string>, lastDue: string, firstDue: string): number {
  let behind = 0;
  let [year, month] = lastDue.split('-').map(Number) as [number, number];
  for (let key = lastDue; key >= firstDue && !paid.has(key);) {
    behind += 1;
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return behind;
}
