import type { VolunteerActivityInput } from '@zhijian/shared';
import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { answerQuestion } from '../commands/answerQuestion';
import { askQuestion } from '../commands/askQuestion';
import type { Command } from '../commands/context';
import { createVolunteerActivity } from '../commands/createVolunteerActivity';
import { markSolution } from '../commands/markSolution';
import { recordVolunteerAttendance } from '../commands/recordVolunteerAttendance';
import { signUpVolunteer } from '../commands/signUpVolunteer';
import type { Transaction } from '../db/client';
import { members } from '../db/schema';
import { demoCommandRunner } from './demoCommands';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The demo accounts keep their own sign-ups and questions: a person trying the app starts from none. */
const KEEP_FREE = ['demo-member', 'demo-unit-admin'];

interface DemoActivity {
  unit: boolean;
  title: string;
  description: string;
  placeName: string;
  /** Days from now (negative: already held). */
  inDays: number;
  hours: number;
  places: number;
  signUps: number;
}

const ACTIVITIES: DemoActivity[] = [
  {
    unit: true,
    title: '园区“邻里守望”敬老志愿服务',
    description: '到星光敬老院陪伴老人聊天、读报，协助打扫活动室。请自带水杯，九点在园区东门集合。',
    placeName: '星光敬老院',
    inDays: 5,
    hours: 3,
    places: 8,
    signUps: 5,
  },
  {
    unit: true,
    title: '社区垃圾分类宣传',
    description: '在文二路社区设点宣传垃圾分类，发放宣传册，指导居民分类投放。',
    placeName: '文二路社区服务中心',
    inDays: 3,
    hours: 2,
    places: 2,
    signUps: 4,
  },
  {
    unit: false,
    title: '协会“红色健步走”环湖志愿服务',
    description: '协会各会员单位党员一起环西湖健步走，沿途捡拾垃圾、劝导文明游览。',
    placeName: '西湖断桥集合',
    inDays: 10,
    hours: 3,
    places: 30,
    signUps: 6,
  },
  {
    unit: true,
    title: '无偿献血志愿服务',
    description: '协助血站做好献血引导、登记和献血后的休息照护。',
    placeName: '园区党群服务中心',
    inDays: -7,
    hours: 3,
    places: 6,
    signUps: 5,
  },
];

const QUESTIONS = [
  {
    title: '新员工如何转接组织关系',
    body: '我刚从老家入职，组织关系还在原单位，转到园区党总支需要准备哪些材料？要多长时间？',
    tags: ['组织关系', '新员工'],
    answers: [
      '先由原单位党组织在全国党员管理信息系统里发起转出，再联系王书记确认接收，一般一周内办完。',
      '记得带好党员证明材料，线下转接要开介绍信。',
    ],
    solved: true,
  },
  {
    title: '党费基数怎么核定',
    body: '工资调整以后党费要不要重新核定？是按税前还是税后？',
    tags: ['党费'],
    answers: ['按税后工资收入核定，每年核定一次，工资有较大变化时及时向支部报告。'],
    solved: false,
  },
  {
    title: '固定活动日请假怎么办',
    body: '每月 15 日的固定活动日要出差，怎么请假？会影响先锋指数吗？',
    tags: ['固定活动日', '请假'],
    answers: ['在“签到”里找到这次活动提交请假申请，党务工作者审核通过后不计缺席。'],
    solved: true,
  },
  {
    title: '怎样在“学习强国”上高效学习',
    body: '工作比较忙，每天能抽出的时间不多，大家有什么好的学习安排吗？',
    tags: ['学习'],
    answers: [],
    solved: false,
  },
];

function instantInput(at: Date): string {
  return at.toISOString();
}

/**
 * 爱E客栈 for the demo unit: volunteer activities (one open, one full with a waitlist, one of the
 * association, one held last week with attendance and 公益 points) and 传帮带 questions with
 * answers, two marked as solved (a point to their authors) and one answer held for the unit
 * admin's review. Written through the commands, each at its own moment.
 */
export async function saveDemoVolunteering(tx: Transaction, unitId: number, now: Date): Promise<void> {
  const runAs = demoCommandRunner(tx);
  const run = <P, R>(at: Date, command: Command<P, R>, props: P) => runAs(at, null, command, props);
  const roster = (
    await tx
      .select({ id: members.id, unitId: members.unitId, openid: members.openid })
      .from(members)
      .where(eq(members.unitId, unitId))
      .orderBy(asc(members.id))
  ).filter((member) => !KEEP_FREE.includes(member.openid ?? ''));
  // Members of other units join the association's activity too.
  const outside = await tx
    .select({ id: members.id, unitId: members.unitId, openid: members.openid })
    .from(members)
    .where(and(isNotNull(members.unitId), ne(members.unitId, unitId), isNull(members.openid)))
    .orderBy(asc(members.id))
    .limit(10);
  if (roster.length < 8) return;

  for (const [index, demo] of ACTIVITIES.entries()) {
    const startsAt = new Date(now.getTime() + demo.inDays * DAY);
    const publishedAt = new Date(Math.min(now.getTime(), startsAt.getTime()) - 5 * DAY);
    const input: VolunteerActivityInput = {
      scope: demo.unit ? 'unit' : 'association',
      title: demo.title,
      description: demo.description,
      placeName: demo.placeName,
      startsAt: instantInput(startsAt),
      endsAt: instantInput(new Date(startsAt.getTime() + demo.hours * HOUR)),
      signUpDeadline: instantInput(new Date(startsAt.getTime() - DAY)),
      places: demo.places,
    };
    const activity = await run(publishedAt, createVolunteerActivity, { input, unitId: demo.unit ? unitId : null });
    const people = demo.unit
      ? roster.slice(index * 2, index * 2 + demo.signUps)
      : [...roster.slice(0, 3), ...outside.slice(0, demo.signUps - 3)];
    for (const [n, person] of people.entries()) {
      await run(new Date(publishedAt.getTime() + (n + 1) * HOUR), signUpVolunteer, {
        activityId: activity.id,
        member: person,
      });
    }
    if (demo.inDays < 0) {
      // Held: all but one of those with a place attended, by either scan.
      for (const [n, person] of people.slice(0, Math.min(demo.places, people.length) - 1).entries()) {
        await run(new Date(startsAt.getTime() + (n + 1) * 5 * 60_000), recordVolunteerAttendance, {
          activity,
          memberId: person.id,
          method: n % 2 ? 'card' : 'code',
        });
      }
    }
  }

  const askedAt = (n: number) => new Date(now.getTime() - (QUESTIONS.length - n) * 2 * DAY);
  for (const [n, demo] of QUESTIONS.entries()) {
    const asker = roster[(n * 3) % roster.length]!;
    const at = askedAt(n);
    const question = await run(at, askQuestion, {
      asker: { id: asker.id, unitId },
      input: { title: demo.title, body: demo.body, tags: demo.tags },
      verdict: { verdict: 'pass' },
    });
    const answers = [];
    for (const [k, body] of demo.answers.entries()) {
      const author = roster[(n * 3 + k + 1) % roster.length]!;
      answers.push(
        await run(new Date(at.getTime() + (k + 1) * 3 * HOUR), answerQuestion, {
          question,
          authorId: author.id,
          body,
          verdict: { verdict: 'pass' },
        }),
      );
    }
    if (demo.solved && answers[0]) {
      await run(new Date(at.getTime() + DAY), markSolution, { questionId: question.id, answerId: answers[0].id, askerId: asker.id });
    }
    if (n === 1) {
      const author = roster[(n * 3 + 4) % roster.length]!;
      await run(new Date(at.getTime() + 5 * HOUR), answerQuestion, {
        question,
        authorId: author.id,
        body: '加我微信私聊，我帮你代办党费核定，收点辛苦费。',
        verdict: { verdict: 'review', label: '疑似营销信息' },
      });
    }
  }
}
