import type { MemberKind, Role, UnitKind } from '@zhijian/shared';

/**
 * The demo association: 7 片组, 21 units of every kind named after units the newsletters
 * mention, ~200 members. Generated from fixed lists, so every start produces the same data.
 */
export const DEMO_GROUPS = ['第一片组', '第二片组', '第三片组', '第四片组', '第五片组', '第六片组', '第七片组'];

export interface DemoUnit {
  name: string;
  kind: UnitKind;
  group: number;
  inviteCode: string;
  branches: string[];
  fixedMembers: number;
  mobileMembers: number;
}

export const DEMO_UNITS: DemoUnit[] = [
  {
    name: '建华文创园党总支',
    kind: 'park',
    group: 0,
    inviteCode: 'JHWC2016',
    branches: ['园区第一党支部', '园区第二党支部'],
    fixedMembers: 12,
    mobileMembers: 2,
  },
  {
    name: '万华集团党委',
    kind: 'enterprise',
    group: 0,
    inviteCode: 'WHJT0001',
    branches: ['机关党支部'],
    fixedMembers: 9,
    mobileMembers: 0,
  },
  {
    name: '钱江新城中央商务区党委',
    kind: 'park',
    group: 0,
    inviteCode: 'QJXC0CBD',
    branches: ['东片网格党支部', '西片网格党支部'],
    fixedMembers: 12,
    mobileMembers: 3,
  },
  {
    name: '祐康集团党委',
    kind: 'enterprise',
    group: 1,
    inviteCode: 'YKJT0002',
    branches: ['生产党支部'],
    fixedMembers: 8,
    mobileMembers: 0,
  },
  {
    name: '杭州市注会行业党委',
    kind: 'trade_body',
    group: 1,
    inviteCode: 'ZHHY0003',
    branches: ['事务所联合党支部'],
    fixedMembers: 10,
    mobileMembers: 0,
  },
  { name: '浙江绿城医院党支部', kind: 'social_org', group: 1, inviteCode: 'LCYY0004', branches: [], fixedMembers: 7, mobileMembers: 0 },
  {
    name: '吉利集团党委',
    kind: 'enterprise',
    group: 2,
    inviteCode: 'JLJT0005',
    branches: ['研发党支部', '制造党支部'],
    fixedMembers: 11,
    mobileMembers: 1,
  },
  {
    name: '传化集团党委',
    kind: 'enterprise',
    group: 2,
    inviteCode: 'CHJT0006',
    branches: ['物流党支部'],
    fixedMembers: 9,
    mobileMembers: 0,
  },
  {
    name: '浙江树人学院党委',
    kind: 'college',
    group: 2,
    inviteCode: 'SRXY0007',
    branches: ['教工党支部', '学生党支部'],
    fixedMembers: 10,
    mobileMembers: 0,
  },
  {
    name: '万向集团党委',
    kind: 'enterprise',
    group: 3,
    inviteCode: 'WXJT0008',
    branches: ['机关党支部'],
    fixedMembers: 8,
    mobileMembers: 0,
  },
  {
    name: '四季青服装市场党委',
    kind: 'market',
    group: 3,
    inviteCode: 'SJQS0009',
    branches: ['市场党支部', '流动党员党支部'],
    fixedMembers: 6,
    mobileMembers: 12,
  },
  { name: '杭州新华书店党支部', kind: 'enterprise', group: 3, inviteCode: 'XHSD0010', branches: [], fixedMembers: 7, mobileMembers: 0 },
  {
    name: '老板集团党委',
    kind: 'enterprise',
    group: 4,
    inviteCode: 'LBJT0011',
    branches: ['营销党支部'],
    fixedMembers: 9,
    mobileMembers: 0,
  },
  {
    name: '正泰集团党委',
    kind: 'enterprise',
    group: 4,
    inviteCode: 'ZTJT0012',
    branches: ['制造党支部'],
    fixedMembers: 8,
    mobileMembers: 1,
  },
  {
    name: '杭州市律师行业党委',
    kind: 'trade_body',
    group: 4,
    inviteCode: 'LSHY0013',
    branches: ['律所联合党支部'],
    fixedMembers: 8,
    mobileMembers: 0,
  },
  {
    name: '富通集团党委',
    kind: 'enterprise',
    group: 5,
    inviteCode: 'FTJT0014',
    branches: ['光通信党支部'],
    fixedMembers: 9,
    mobileMembers: 0,
  },
  {
    name: '西子集团党委',
    kind: 'enterprise',
    group: 5,
    inviteCode: 'XZJT0015',
    branches: ['电梯党支部'],
    fixedMembers: 9,
    mobileMembers: 0,
  },
  {
    name: '杭州市社会组织服务中心党委',
    kind: 'social_org',
    group: 5,
    inviteCode: 'SZFW0016',
    branches: [],
    fixedMembers: 7,
    mobileMembers: 0,
  },
  {
    name: '浙江荣盛集团党委',
    kind: 'enterprise',
    group: 6,
    inviteCode: 'RSJT0017',
    branches: ['爱E客栈党支部'],
    fixedMembers: 10,
    mobileMembers: 1,
  },
  {
    name: '新安集团党委',
    kind: 'enterprise',
    group: 6,
    inviteCode: 'XAJT0018',
    branches: ['研发党支部', '生产党支部'],
    fixedMembers: 10,
    mobileMembers: 0,
  },
  {
    name: '杭州经济技术开发区园区党委',
    kind: 'park',
    group: 6,
    inviteCode: 'JKQD0019',
    branches: ['园区联合党支部'],
    fixedMembers: 8,
    mobileMembers: 2,
  },
];

/** People the README lists: each signs in with `dev:<openid>`, the secretary also with a password. */
export interface DemoAccount {
  openid: string;
  name: string;
  phone: string;
  roles: Role[];
  /** Index into DEMO_UNITS, or null for people outside any unit. */
  unit: number | null;
  kind: MemberKind;
  username?: string;
  password?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    openid: 'demo-secretary',
    name: '秘书处演示',
    phone: '13900000001',
    roles: ['secretariat'],
    unit: null,
    kind: 'fixed',
    username: 'secretary',
    password: 'zhijian-demo',
  },
  {
    openid: 'demo-unit-admin',
    name: '王建华',
    phone: '13900000002',
    roles: ['member', 'unit_admin', 'info_officer'],
    unit: 0,
    kind: 'fixed',
  },
  { openid: 'demo-member', name: '李青', phone: '13900000003', roles: ['member'], unit: 0, kind: 'fixed' },
  { openid: 'demo-reviewer', name: '陈评审', phone: '13900000004', roles: ['member', 'reviewer'], unit: 15, kind: 'fixed' },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '慧',
  '建国',
  '晓东',
  '海燕',
  '志强',
  '文博',
  '思远',
  '雨婷',
  '佳琪',
  '子涵',
  '浩然',
];

/** Deterministic person number `n` → name and phone; phones 137xxxxxxxx never clash with the accounts above. */
export function demoPerson(n: number): { name: string; phone: string } {
  const surname = SURNAMES[n % SURNAMES.length]!;
  const given = GIVEN[(n * 7 + Math.floor(n / SURNAMES.length)) % GIVEN.length]!;
  return { name: surname + given, phone: `137${String(10_000_000 + n * 7919).slice(-8)}` };
}
