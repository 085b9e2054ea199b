/** Development sign-ins the demo association provides (README lists them). */
export const DEV_ACCOUNTS = [
  { code: 'dev:demo-secretary', label: '秘书处（演示）' },
  { code: 'dev:demo-unit-admin', label: '党务工作者（演示单位）' },
  { code: 'dev:demo-member', label: '党员（演示单位）' },
  { code: 'dev:demo-reviewer', label: '评审专家（演示）' },
  { code: 'dev:demo-party-secretary', label: '书记（演示单位）' },
  { code: 'dev:demo-group-leader', label: '片组长（演示）' },
] as const;

export const DEV_CODE_PREFIX = 'dev:';
