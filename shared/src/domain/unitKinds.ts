/** Kinds of member units the association has (enterprises, colleges, parks, markets, trade bodies…). */
export const UNIT_KINDS = ['enterprise', 'social_org', 'park', 'market', 'trade_body', 'college', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  enterprise: '企业',
  social_org: '社会组织',
  park: '园区',
  market: '市场',
  trade_body: '行业协会',
  college: '高校',
  other: '其他',
};

/** 固定党员 belong to a branch at their unit; 流动党员 work away from where their membership is kept. */
export const MEMBER_KINDS = ['fixed', 'mobile'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEMBER_KIND_LABELS: Record<MemberKind, string> = { fixed: '固定党员', mobile: '流动党员' };
