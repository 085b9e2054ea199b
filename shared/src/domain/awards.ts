import { z } from 'zod';

/**
 * 年度评优: the three awards, the rules that turn a year's frozen figures into a score and an
 * eligibility, and the review's lifecycle. Pure, so the server scores candidates and the pages
 * show each figure beside the rule that used it with the same function.
 */

export const AWARD_KINDS = ['unit', 'member', 'info_officer'] as const;
export const AwardKind = z.enum(AWARD_KINDS);
export type AwardKind = z.infer<typeof AwardKind>;
export const AWARD_LABELS: Record<AwardKind, string> = { unit: '先进集体', member: '优秀会员', info_officer: '优秀信息员' };

/** open: candidates, 片组 recommendations and the committee's decisions; publicity: 公示; published: honours written. */
export const AWARD_REVIEW_STATUSES = ['open', 'publicity', 'published'] as const;
export const AwardReviewStatus = z.enum(AWARD_REVIEW_STATUSES);
export type AwardReviewStatus = z.infer<typeof AwardReviewStatus>;
export const AWARD_REVIEW_STATUS_LABELS: Record<AwardReviewStatus, string> = {
  open: '推荐评审中',
  publicity: '公示中',
  published: '已发布',
};

const points = (max: number) => z.number().int().min(0).max(max);

export const AwardRules = z.object({
  /** How many candidates each 片组 may recommend per award. */
  recommendLimit: z.number().int().min(1).max(50).meta({ label: '每个片组每项推荐名额' }),
  publicityDays: z.number().int().min(1).max(30).meta({ label: '公示天数' }),
  infoOfficer: z.object({
    perReported: points(100).meta({ label: '每报送一条' }),
    perAdopted: points(100).meta({ label: '每采用一条' }),
    perLead: points(100).meta({ label: '每采用为头条' }),
    minAdopted: points(1000).meta({ label: '至少采用条数' }),
    falsePenalty: points(1000).meta({ label: '虚假信息扣分' }),
  }),
  member: z.object({
    minIndex: z.number().min(0).max(100).meta({ label: '先锋指数不低于' }),
    minIntegrity: points(1000).meta({ label: '诚信积分不低于' }),
    requireExcellentAppraisal: z.boolean().meta({ label: '民主评议须为优秀' }),
  }),
  unit: z.object({
    /** Weights of the five parts, each part scored 0–100; they need not add to 100. */
    weights: z.object({
      attendance: points(100).meta({ label: '出勤率权重' }),
      contest: points(100).meta({ label: '案例评比权重' }),
      news: points(100).meta({ label: '信息采用率权重' }),
      volunteer: points(100).meta({ label: '志愿服务权重' }),
      letters: points(100).meta({ label: '来信按时答复权重' }),
    }),
    /** Points of a contest entry by its tier's place in the call (first tier first); the part is their sum, at most 100. */
    tierPoints: z.array(points(100)).min(1).max(10).meta({ label: '各等次得分' }),
    /** Volunteer services (activities attended and wishes realised) per member that earn the full part. */
    volunteerPerMember: z.number().min(0.1).max(100).meta({ label: '人均志愿服务满分线' }),
  }),
});
export type AwardRules = z.infer<typeof AwardRules>;

export const DEFAULT_AWARD_RULES: AwardRules = {
  recommendLimit: 3,
  publicityDays: 7,
  infoOfficer: { perReported: 1, perAdopted: 5, perLead: 10, minAdopted: 6, falsePenalty: 30 },
  member: { minIndex: 90, minIntegrity: 80, requireExcellentAppraisal: true },
  unit: {
    weights: { attendance: 30, contest: 20, news: 20, volunteer: 15, letters: 15 },
    tierPoints: [50, 30, 15],
    volunteerPerMember: 1,
  },
};

/** What the opening froze, per award. */
export const InfoOfficerFigures = z.object({
  /** Items reported in the year, not withdrawn, not marked false. */
  reported: z.number().int(),
  /** Items adopted, each counted once at its highest placement; `lead` of them as an issue's first article. */
  adopted: z.number().int(),
  lead: z.number().int(),
  falseItems: z.number().int(),
});
export const MemberAwardFigures = z.object({
  index: z.number(),
  integrity: z.number().int(),
  sanctioned: z.boolean(),
  appraisal: z.enum(['excellent', 'qualified', 'basic', 'unqualified']).nullable(),
});
export const UnitAwardFigures = z.object({
  memberCount: z.number().int(),
  attendance: z.object({ expected: z.number().int(), attended: z.number().int() }),
  /** The unit's contest entries given a tier, with the tier's place (0 = first) in its call. */
  contest: z.array(z.object({ call: z.string(), tier: z.string(), place: z.number().int() })),
  news: z.object({ reported: z.number().int(), adopted: z.number().int() }),
  volunteer: z.object({ activities: z.number().int(), wishes: z.number().int() }),
  letters: z.object({ total: z.number().int(), onTime: z.number().int() }),
});
export const AwardFigures = z.discriminatedUnion('award', [
  z.object({ award: z.literal('info_officer'), figures: InfoOfficerFigures }),
  z.object({ award: z.literal('member'), figures: MemberAwardFigures }),
  z.object({ award: z.literal('unit'), figures: UnitAwardFigures }),
]);
export type AwardFigures = z.infer<typeof AwardFigures>;
export type InfoOfficerFigures = z.infer<typeof InfoOfficerFigures>;
export type MemberAwardFigures = z.infer<typeof MemberAwardFigures>;
export type UnitAwardFigures = z.infer<typeof UnitAwardFigures>;

/** One figure beside the rule that used it: `value` as read, `rule` in words, `points` it gave (if it scores). */
export const RuleLine = z.object({
  label: z.string(),
  value: z.string(),
  rule: z.string(),
  points: z.number().nullable(),
  met: z.boolean(),
});
export type RuleLine = z.infer<typeof RuleLine>;
export interface Assessment {
  score: number;
  eligible: boolean;
  lines: RuleLine[];
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${oneDecimal((part / whole) * 100)}%`);

/** 优秀信息员: points per item reported, adopted, adopted as lead; at least N adopted; a false item costs and rules out. */
export function assessInfoOfficer(f: InfoOfficerFigures, rules: AwardRules['infoOfficer']): Assessment {
  const plain = f.adopted - f.lead;
  const lines: RuleLine[] = [
    { label: '报送', value: `${f.reported} 条`, rule: `每条 ${rules.perReported} 分`, points: f.reported * rules.perReported, met: true },
    { label: '采用', value: `${plain} 条`, rule: `每条 ${rules.perAdopted} 分`, points: plain * rules.perAdopted, met: true },
    { label: '头条采用', value: `${f.lead} 条`, rule: `每条 ${rules.perLead} 分`, points: f.lead * rules.perLead, met: true },
    { label: '采用合计', value: `${f.adopted} 条`, rule: `至少 ${rules.minAdopted} 条`, points: null, met: f.adopted >= rules.minAdopted },
    {
      label: '虚假信息',
      value: `${f.falseItems} 条`,
      rule: `每条扣 ${rules.falsePenalty} 分，且不得参评`,
      points: 0 - f.falseItems * rules.falsePenalty,
      met: f.falseItems === 0,
    },
  ];
  return { score: sumPoints(lines), eligible: lines.every((line) => line.met), lines };
}

/** 优秀会员: thresholds only; the score (for ordering) is the index. */
export function assessMember(f: MemberAwardFigures, rules: AwardRules['member']): Assessment {
  const lines: RuleLine[] = [
    { label: '先锋指数', value: String(f.index), rule: `不低于 ${rules.minIndex}`, points: null, met: f.index >= rules.minIndex },
    {
      label: '诚信积分',
      value: String(f.integrity),
      rule: `不低于 ${rules.minIntegrity}`,
      points: null,
      met: f.integrity >= rules.minIntegrity,
    },
    { label: '纪律处分', value: f.sanctioned ? '有' : '无', rule: '当年无处分', points: null, met: !f.sanctioned },
    {
      label: '民主评议',
      value: f.appraisal === null ? '未评议' : APPRAISAL_WORDS[f.appraisal],
      rule: rules.requireExcellentAppraisal ? '须为优秀' : '不作要求',
      points: null,
      met: !rules.requireExcellentAppraisal || f.appraisal === 'excellent',
    },
  ];
  return { score: f.index, eligible: lines.every((line) => line.met), lines };
}
const APPRAISAL_WORDS = { excellent: '优秀', qualified: '合格', basic: '基本合格', unqualified: '不合格' } as const;

/** 先进集体: five parts scored 0–100 each, weighted; every unit is a candidate, ranked by the score. */
export function assessUnit(f: UnitAwardFigures, rules: AwardRules['unit']): Assessment {
  const { weights } = rules;
  const weighted = (part: number, weight: number) => oneDecimal((Math.min(100, part) * weight) / 100);
  const attendance = f.attendance.expected === 0 ? 0 : (f.attendance.attended / f.attendance.expected) * 100;
  const contest = f.contest.reduce((sum, entry) => sum + (rules.tierPoints[entry.place] ?? rules.tierPoints.at(-1) ?? 0), 0);
  const news = f.news.reported === 0 ? 0 : (f.news.adopted / f.news.reported) * 100;
  const services = f.volunteer.activities + f.volunteer.wishes;
  const volunteer = f.memberCount === 0 ? 0 : (services / f.memberCount / rules.volunteerPerMember) * 100;
  // No letter to the unit's secretaries: nothing was left unanswered.
  const letters = f.letters.total === 0 ? 100 : (f.letters.onTime / f.letters.total) * 100;
  const lines: RuleLine[] = [
    {
      label: '组织生活出勤率',
      value: percent(f.attendance.attended, f.attendance.expected),
      rule: `出勤率 × ${weights.attendance}%`,
      points: weighted(attendance, weights.attendance),
      met: true,
    },
    {
      label: '案例评比',
      value: f.contest.length === 0 ? '无' : f.contest.map((entry) => entry.tier).join('、'),
      rule: `等次得分 ${rules.tierPoints.join('/')}（合计至多 100）× ${weights.contest}%`,
      points: weighted(contest, weights.contest),
      met: true,
    },
    {
      label: '信息采用率',
      value: `${f.news.adopted}/${f.news.reported}（${percent(f.news.adopted, f.news.reported)}）`,
      rule: `采用率 × ${weights.news}%`,
      points: weighted(news, weights.news),
      met: true,
    },
    {
      label: '志愿服务',
      value: `${services} 人次（活动 ${f.volunteer.activities}，心愿 ${f.volunteer.wishes}；${f.memberCount} 名党员）`,
      rule: `人均 ${rules.volunteerPerMember} 次满分 × ${weights.volunteer}%`,
      points: weighted(volunteer, weights.volunteer),
      met: true,
    },
    {
      label: '来信按时答复',
      value: f.letters.total === 0 ? '无来信' : `${f.letters.onTime}/${f.letters.total}`,
      rule: `按时率 × ${weights.letters}%`,
      points: weighted(letters, weights.letters),
      met: true,
    },
  ];
  return { score: sumPoints(lines), eligible: true, lines };
}

function sumPoints(lines: RuleLine[]): number {
  return oneDecimal(lines.reduce((sum, line) => sum + (line.points ?? 0), 0));
}

export function assess(figures: AwardFigures, rules: AwardRules): Assessment {
  switch (figures.award) {
    case 'info_officer':
      return assessInfoOfficer(figures.figures, rules.infoOfficer);
    case 'member':
      return assessMember(figures.figures, rules.member);
    case 'unit':
      return assessUnit(figures.figures, rules.unit);
  }
}

/** An honour's title as the card and the record show it: `2026 年度优秀会员`. */
export function honourTitle(year: number, award: AwardKind): string {
  return `${year} 年度${AWARD_LABELS[award]}`;
}
