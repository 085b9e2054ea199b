import {
  DEFAULT_CASE_CATEGORIES,
  DEFAULT_RUBRIC,
  DEFAULT_TIERS,
  nextEntryStatus,
  registrationNumber,
  shanghaiYear,
  shanghaiYearRange,
  type CallKind,
  type EntryAction,
  type EntryStatus,
} from '@zhijian/shared';
import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { calls, entries, entryEvents, members, researchTopics, reviewAssignments, reviews, topicClaims, units } from '../db/schema';

const DAY = 24 * 3600_000;

/** Outside experts of the demo (no unit, so never in a conflict of interest). */
const DEMO_EXPERTS = [
  { name: '周立言', phone: '13900000011' },
  { name: '钱思齐', phone: '13900000012' },
];

interface DemoEntry {
  unit: string;
  title: string;
  category: string | null;
  summary: string;
  body: string;
  /** The moves after creation, each checked against the lifecycle. */
  path: Exclude<EntryAction, 'create'>[];
  comment?: string;
  tier?: string;
  topic?: string;
  /** Scores of the reviewers in order (one value per criterion), and their opinions. */
  reviews?: { score: number; opinion: string }[];
}

const PUBLISHED_CASES: DemoEntry[] = [
  {
    unit: '浙江荣盛集团党委',
    title: '“爱E客栈”：党员亮身份、明承诺的智慧党建平台',
    category: '服务员工群众',
    summary: '集团党委建立“爱E客栈”网络平台，党员亮身份、明承诺，新老员工传帮带，活动记录作为先锋指数考评依据。',
    body: '集团党委利用公司信息化系统，建立“爱E客栈”网络平台，党员、团员以及青年员工纷纷加入。\n加入平台时，党员填写技能特长、服务职工群众承诺等内容，让党员与服务对象快速对接，并接受职工群众的监督。\n鼓励年轻员工把工作中遇到的问题、生活上遇到的困难提出来，由经验丰富的党员解疑答惑，实现传帮带。\n年度公益活动、志愿服务和“微心愿”在平台上发布，党员和团员青年纷纷认领。\n平台对党员参加的活动进行有效记录，作为党员先锋指数考评的基础依据。',
    path: ['submit', 'register', 'pass', 'start_review', 'rate'],
    tier: '一等奖',
    reviews: [
      { score: 24, opinion: '把党员承诺、传帮带和先锋指数考评放在一个平台上，创新性强，记录完整，可在同类企业推广。' },
      { score: 23, opinion: '平台运行时间长、参与面广，实效明显；建议补充考评结果的使用情况。' },
      { score: 22, opinion: '做法系统，长效机制清楚，推广价值高。' },
    ],
  },
  {
    unit: '传化集团党委',
    title: '“蓝领驿家”：开放型物流平台的党群服务',
    category: '服务员工群众',
    summary: '杭州传化公路港建立服务、活力、成长、红色四个驿家，服务每天上万人次的蓝领群体。',
    body: '公路港每天人流量超过一万人次，为做好开放型平台的党建工作，创新建立“蓝领驿家”。\n“服务驿家”以服务吸引蓝领：组织党员经营户签订承诺书，开展咨询、帮困服务。\n“活力驿家”以活动凝聚蓝领：争创青年文明号，开展合理化建议和技能比武。\n“成长驿家”以学习助推蓝领：集中学、网络学和“传帮学”相结合。\n“红色驿家”以党建引领蓝领：建立党员责任区和党员商户挂牌经营。',
    path: ['submit', 'register', 'pass', 'start_review', 'rate'],
    tier: '二等奖',
    reviews: [
      { score: 21, opinion: '面向流动蓝领群体的服务体系完整，实效性突出。' },
      { score: 20, opinion: '四个驿家分工清楚，建议提炼可复制的标准。' },
      { score: 19, opinion: '服务对象覆盖面大，长效性较好。' },
    ],
  },
  {
    unit: '浙江绿城医院党支部',
    title: '“红色义工”：医院党支部的志愿服务',
    category: '促进社会和谐',
    summary: '党支部组织免费义诊、爱心义工和无偿献血，设立“心基金”救助贫困家庭心血管病患者。',
    body: '党支部组织心血管医护人员定期为周边社区居民提供急救知识讲座和心肺复苏培训。\n成立医护志愿队，多次赴山区参加救助贫困家庭心血管病患者的免费义诊。\n成立“爱在医院”爱心服务队，为患者提供就诊引导、情绪疏导和陪伴服务。\n每年组织“献血光荣”活动，一次活动 48 位医务人员献血 11100 毫升。',
    path: ['submit', 'register', 'pass', 'start_review', 'rate'],
    tier: '三等奖',
    reviews: [
      { score: 19, opinion: '发挥专业优势服务社会，事迹感人。' },
      { score: 18, opinion: '活动实效明显，建议加强制度化。' },
      { score: 18, opinion: '可在医疗卫生类社会组织中推广。' },
    ],
  },
  {
    unit: '新安集团党委',
    title: '“四双四化”推动党建与生产经营融合',
    category: '融入发展经营',
    summary: '以“四双四化”实现党建工作与生产经营深度融合、互动双赢。',
    body: '集团党委实施“四双四化”，把党建工作目标与生产经营目标同部署、同考核。\n党员骨干双向培养，党建载体与管理载体双向融合。',
    path: ['submit', 'register', 'pass', 'start_review', 'rate'],
    tier: '优秀奖',
    reviews: [
      { score: 16, opinion: '思路清楚，案例细节可再充实。' },
      { score: 15, opinion: '融合做法有特色，成效数据不足。' },
      { score: 17, opinion: '建议补充具体项目。' },
    ],
  },
];

const OPEN_CALL_ENTRIES: DemoEntry[] = [
  {
    unit: '建华文创园党总支',
    title: '“131”青春党建体系',
    category: '引领创新创优',
    summary: '面向平均年龄 28.6 岁的园区青年，打造一个服务中心、三项活动、一套激励机制。',
    body: '园区党总支组织实施“青春领航·电商共赢”工程，成立“青春家园”服务中心。\n紧抓“青春播客”行知课堂、“青春导航”创业沙龙、“青春之旅”联谊三项活动。\n形成一套“青春菁英”培养激励机制，搭建人才留得住、引得进平台。',
    path: ['submit', 'register'],
  },
  {
    unit: '建华文创园党总支',
    title: '“管家式”服务赢得小微企业信任',
    category: '服务员工群众',
    summary: '搭建投融资、党群服务等 11 个公共服务平台，为入园企业解决融资、人才等难题。',
    body: '按照“管家型”服务理念，搭建 11 个公共服务平台。\n已提供融资服务 36 家、资金达 6739 万元。',
    path: [],
  },
  {
    unit: '钱江新城中央商务区党委',
    title: '三同步打造楼宇“党建共同体”',
    category: '引领创新创优',
    summary: '楼宇党建与招商、物业、服务三同步，形成区域党建共同体。',
    body: '商务区党委坚持党组织组建与楼宇招商同步、党建服务与物业服务同步、党建活动与企业文化同步。\n建立楼宇党建联盟，共享阵地资源。',
    path: ['submit', 'register', 'pass', 'start_review'],
  },
  {
    unit: '新安集团党委',
    title: '党员攻关小组破解生产难题',
    category: '融入发展经营',
    summary: '围绕生产经营难点成立党员攻关小组，一年完成 12 个攻关项目。',
    body: '集团党委围绕生产中的重点难点成立党员攻关小组。\n一年完成攻关项目 12 个，节约成本数百万元。',
    path: ['submit', 'register', 'pass', 'start_review'],
    reviews: [{ score: 20, opinion: '攻关项目与生产经营结合紧密，成效可量化，建议补充项目清单。' }],
  },
  {
    unit: '杭州市注会行业党委',
    title: '“星火传承 先锋接力”网络击鼓传花',
    category: '引领创新创优',
    summary: '各事务所上传展示视频，一周内依次展示，党员观看、讨论、点赞。',
    body: '行业党委组织各事务所党组织上传展示视频。\n视频在一周内依次展示，党员观看、讨论、点赞。',
    path: ['submit', 'register', 'return'],
    comment: '请补充活动参与人数和点赞、讨论的数据。',
  },
  {
    unit: '吉利集团党委',
    title: '研发一线的党员先锋岗',
    category: '引领创新创优',
    summary: '在研发中心设立党员先锋岗，党员带头攻关关键技术。',
    body: '研发中心设立党员先锋岗 20 个。\n党员带头攻关关键技术，形成专利 15 项。',
    path: ['submit'],
  },
];

const RESEARCH_TOPICS = [
  '两新组织党建工作责任制落实情况研究',
  '流动党员教育管理的难点与对策',
  '党建工作与企业文化融合的路径',
  '“互联网+”智慧党建的探索与实践',
];

const NEWS_ITEMS = [
  {
    unit: '建华文创园党总支',
    title: '园区党总支开展“青春播客”行知课堂',
    body: '本月，园区党总支在青春家园开展“青春播客”行知课堂，60 余名青年职工参加。',
  },
  { unit: '建华文创园党总支', title: '园区举办青年创业沙龙', body: '“青春导航”创业沙龙邀请 5 位创业导师与园区青年创业者面对面交流。' },
  { unit: '四季青服装市场党委', title: '市场流动党员过“周三党员活动日”', body: '每周三，市场流动党员集中学习，交流经营中的诚信做法。' },
];

interface Context {
  tx: Transaction;
  now: Date;
  unitIds: Map<string, number>;
  secretaryId: number | null;
}

async function insertCall(
  ctx: Context,
  values: {
    kind: CallKind;
    title: string;
    description: string;
    opensAt: Date;
    closesAt: Date;
    code: string;
    reviewersPerEntry: number;
    entryLimit: number;
    resultsPublishedAt?: Date;
  },
) {
  const [call] = await ctx.tx
    .insert(calls)
    .values({
      ...values,
      year: shanghaiYear(values.opensAt),
      categories: values.kind === 'case' ? [...DEFAULT_CASE_CATEGORIES] : [],
      rubric: DEFAULT_RUBRIC,
      tiers: DEFAULT_TIERS,
      createdBy: ctx.secretaryId,
      createdAt: values.opensAt,
      updatedAt: ctx.now,
      reviewRoundClosedAt: null,
      resultsPublishedAt: values.resultsPublishedAt ?? null,
    })
    .returning();
  return call!;
}

/** Writes an entry and its timeline, walking its path through the real state machine. */
async function insertEntry(
  ctx: Context,
  call: typeof calls.$inferSelect,
  spec: DemoEntry,
  start: Date,
  authorId: number | null,
  step = DAY,
) {
  const unitId = ctx.unitIds.get(spec.unit)!;
  let status: EntryStatus = 'draft';
  const events: {
    action: EntryAction;
    from: EntryStatus | null;
    to: EntryStatus;
    at: Date;
    bySecretariat: boolean;
    comment: string | null;
  }[] = [{ action: 'create', from: null, to: 'draft', at: start, bySecretariat: false, comment: null }];
  let at = start.getTime();
  for (const action of spec.path) {
    const to = nextEntryStatus(status, action);
    if (!to) throw new Error(`demo entry ${spec.title}: ${status} cannot ${action}`);
    at += step;
    const comment = action === 'return' || action === 'reject' ? (spec.comment ?? null) : action === 'rate' ? (spec.tier ?? null) : null;
    events.push({
      action,
      from: status,
      to,
      at: new Date(at),
      bySecretariat: action !== 'submit' && action !== 'resubmit' && action !== 'withdraw',
      comment,
    });
    status = to;
  }
  const registered = spec.path.includes('register');
  const sequence = registered ? call.nextSequence : null;
  if (registered) {
    call.nextSequence += 1;
    await ctx.tx.update(calls).set({ nextSequence: call.nextSequence }).where(eq(calls.id, call.id));
  }
  const submittedAt = events.find((e) => e.action === 'submit')?.at ?? null;
  const [entry] = await ctx.tx
    .insert(entries)
    .values({
      callId: call.id,
      unitId,
      authorId,
      status,
      title: spec.title,
      category: spec.category,
      summary: spec.summary,
      body: spec.body,
      contactName: '联系人',
      contactPhone: '13900000099',
      tier: spec.tier ?? null,
      registrationNumber: sequence === null ? null : registrationNumber(call.year, call.code, sequence),
      registrationSequence: sequence,
      submittedAt,
      registeredAt: events.find((e) => e.action === 'register')?.at ?? null,
      createdAt: start,
      updatedAt: new Date(at),
    })
    .returning();
  await ctx.tx.insert(entryEvents).values(
    events.map((e) => ({
      entryId: entry!.id,
      action: e.action,
      fromStatus: e.from,
      toStatus: e.to,
      comment: e.comment,
      actorId: e.bySecretariat ? ctx.secretaryId : authorId,
      bySecretariat: e.bySecretariat,
      at: e.at,
    })),
  );
  const reviewStarted = events.find((e) => e.action === 'start_review')?.at ?? new Date(at);
  return { entry: entry!, reviewStarted };
}

async function insertReviews(
  ctx: Context,
  entryId: number,
  reviewerIds: number[],
  specs: { score: number; opinion: string }[],
  deadline: Date,
  assignedAt: Date,
) {
  for (const [index, reviewerId] of reviewerIds.entries()) {
    const [assignment] = await ctx.tx
      .insert(reviewAssignments)
      .values({ entryId, reviewerId, deadline, assignedBy: ctx.secretaryId, assignedAt })
      .returning();
    const spec = specs[index];
    if (!spec) continue;
    const { score, opinion } = spec;
    const submittedAt = new Date(assignedAt.getTime() + DAY);
    await ctx.tx.insert(reviews).values({
      assignmentId: assignment!.id,
      scores: { innovation: score, effectiveness: score, durability: Math.max(0, score - 1), replicability: score },
      opinion,
      status: 'submitted',
      submittedAt,
      updatedAt: submittedAt,
    });
  }
}

/**
 * 报送与评审 demo content: last year's contest with published results (the 案例库), this year's
 * open 小创意发挥大作用 with entries in every state and the demo reviewer's assignments, a research
 * call with topics and claims, and this year's news reporting.
 */
export async function loadDemoSubmissions(tx: Transaction, now: Date): Promise<{ calls: number; entries: number }> {
  const unitRows = await tx.select({ id: units.id, name: units.name }).from(units);
  const people = await tx
    .select({ id: members.id, openid: members.openid })
    .from(members)
    .where(inArray(members.openid, ['demo-secretary', 'demo-reviewer', 'demo-unit-admin']));
  const byOpenid = new Map(people.map((p) => [p.openid, p.id]));
  const ctx: Context = {
    tx,
    now,
    unitIds: new Map(unitRows.map((u) => [u.name, u.id])),
    secretaryId: byOpenid.get('demo-secretary') ?? null,
  };
  const experts = await tx
    .insert(members)
    .values(DEMO_EXPERTS.map((e) => ({ ...e, roles: ['reviewer' as const], unitId: null, updatedAt: now })))
    .returning({ id: members.id });
  const demoReviewer = byOpenid.get('demo-reviewer')!;
  const panel = [demoReviewer, ...experts.map((e) => e.id)];
  const unitAdminId = byOpenid.get('demo-unit-admin') ?? null;
  let entryCount = 0;

  // Last year's contest, results published: its prize winners make up the 案例库.
  const lastYearOpens = new Date(now.getTime() - 400 * DAY);
  const past = await insertCall(ctx, {
    kind: 'case',
    title: '“小创意发挥大作用”两新组织党建案例大赛',
    description: '征集立足两新组织党建工作和党员职工实际，融入发展经营、引领创新创优、服务员工群众、促进社会和谐的党建工作案例。',
    opensAt: lastYearOpens,
    closesAt: new Date(lastYearOpens.getTime() + 60 * DAY),
    code: 'AL',
    reviewersPerEntry: 3,
    entryLimit: 3,
    // Five steps of 15 days from day 5: rated on day 80, when the results came out.
    resultsPublishedAt: new Date(lastYearOpens.getTime() + 81 * DAY),
  });
  for (const spec of PUBLISHED_CASES) {
    const start = new Date(lastYearOpens.getTime() + 5 * DAY + entryCount * 3600_000);
    const { entry, reviewStarted } = await insertEntry(ctx, past, spec, start, null, 15 * DAY);
    await insertReviews(ctx, entry.id, panel, spec.reviews ?? [], new Date(reviewStarted.getTime() + 10 * DAY), reviewStarted);
    entryCount += 1;
  }

  // This year's call, open now: entries from draft to 评审中, two of them with the demo reviewer.
  const opens = new Date(now.getTime() - 12 * DAY);
  const current = await insertCall(ctx, {
    kind: 'case',
    title: '小创意发挥大作用',
    description: '两新组织党建案例征集：主题鲜明、重点突出、小处着眼、形式新颖、注重实效、带动发展。每家单位最多报送 3 个案例。',
    opensAt: opens,
    closesAt: new Date(now.getTime() + 30 * DAY),
    code: 'AL',
    reviewersPerEntry: 3,
    entryLimit: 3,
  });
  for (const [index, spec] of OPEN_CALL_ENTRIES.entries()) {
    const author = spec.unit === '建华文创园党总支' ? unitAdminId : null;
    const { entry, reviewStarted } = await insertEntry(ctx, current, spec, new Date(opens.getTime() + index * 3600_000), author);
    if (spec.path.includes('start_review')) {
      await insertReviews(ctx, entry.id, panel, spec.reviews ?? [], new Date(now.getTime() + 10 * DAY), reviewStarted);
    }
    entryCount += 1;
  }

  // 课题调研: topics listed by the secretariat, claimed by units and 片组.
  const research = await insertCall(ctx, {
    kind: 'research',
    title: '两新组织党建课题调研',
    description: '秘书处列出调研题目，各片组自选自报，协会作平衡后确定承担单位；调研报告经专家评审，优秀的刊登在会刊上。',
    opensAt: new Date(now.getTime() - 20 * DAY),
    closesAt: new Date(now.getTime() + 90 * DAY),
    code: 'KT',
    reviewersPerEntry: 3,
    entryLimit: 1,
  });
  const topicRows = await tx
    .insert(researchTopics)
    .values(RESEARCH_TOPICS.map((title) => ({ callId: research.id, title, createdAt: research.opensAt })))
    .returning({ id: researchTopics.id });
  const claim = (topic: number, unit: string, status: 'pending' | 'confirmed') => ({
    topicId: topicRows[topic]!.id,
    unitId: ctx.unitIds.get(unit)!,
    status,
    decidedBy: status === 'confirmed' ? ctx.secretaryId : null,
    decidedAt: status === 'confirmed' ? now : null,
    createdAt: new Date(now.getTime() - 10 * DAY),
  });
  await tx
    .insert(topicClaims)
    .values([
      claim(0, '万向集团党委', 'confirmed'),
      claim(1, '四季青服装市场党委', 'pending'),
      claim(2, '老板集团党委', 'pending'),
      claim(2, '富通集团党委', 'pending'),
    ]);

  // This year's news reporting, open all year.
  const year = shanghaiYear(now);
  const range = shanghaiYearRange(year);
  const news = await insertCall(ctx, {
    kind: 'news',
    title: `${year} 年信息报送`,
    description: '各会员单位信息员报送本单位党建动态，秘书处择优采用进简报；报送和采用数作为评选优秀信息员的依据。',
    opensAt: range.start,
    closesAt: range.end,
    code: 'XX',
    reviewersPerEntry: 0,
    entryLimit: 100,
  });
  for (const [index, item] of NEWS_ITEMS.entries()) {
    const author = item.unit === '建华文创园党总支' ? unitAdminId : null;
    const start = new Date(Math.max(range.start.getTime(), now.getTime() - (5 - index) * DAY));
    await insertEntry(ctx, news, { ...item, category: null, summary: item.title, path: ['submit'] }, start, author, 60_000);
    entryCount += 1;
  }
  return { calls: 4, entries: entryCount };
}
