import { shanghaiDate, shanghaiYearRange } from '@zhijian/shared';
import { asc, eq } from 'drizzle-orm';
import { awardPoints } from '../commands/awardPoints';
import type { Command } from '../commands/context';
import { recordArticleRead } from '../commands/recordArticleRead';
import type { Transaction } from '../db/client';
import { bulletinArticles, bulletinIssues, members } from '../db/schema';
import { demoCommandRunner } from './demoCommands';

/** The ledger's source of the demo's 公益 points, until 爱E客栈 writes real ones. */
export const DEMO_VOLUNTEER_SOURCE = 'volunteer_demo';

const READS_PER_MEMBER = 12;
const VOLUNTEERING = ['园区“邻里守望”志愿服务', '社区垃圾分类宣传', '无偿献血', '园区微心愿认领'] as const;

/**
 * A year of 学习 and 公益 points for every member of the demo unit, so the 党员卡 has something
 * in each category (活动 comes with the held activities, 诚信 with the demo's deduction). Written
 * through the commands at times spread over this year up to `now`: effective reads of 简报 articles
 * (`recordArticleRead`, which awards 学习 within its caps) and volunteer service through
 * `awardPoints`. A first start early in January squeezes them into the days so far.
 */
export async function saveDemoPoints(tx: Transaction, unitId: number, now: Date): Promise<void> {
  const runAs = demoCommandRunner(tx);
  const run = <P, R>(at: Date, command: Command<P, R>, props: P) => runAs(at, null, command, props);
  const roster = await tx.select({ id: members.id }).from(members).where(eq(members.unitId, unitId)).orderBy(asc(members.id));
  const articles = await tx
    .select({ article: bulletinArticles })
    .from(bulletinArticles)
    .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
    .where(eq(bulletinIssues.status, 'published'))
    .orderBy(asc(bulletinArticles.id))
    .limit(60);
  const yearStart = shanghaiYearRange(shanghaiDate(now).year).start.getTime();
  const span = Math.max(0, now.getTime() - yearStart - 3600_000);
  // The n-th of `count` moments spread over the year so far, at a member's own hour of the day.
  const moment = (n: number, count: number, memberIndex: number) =>
    new Date(Math.min(now.getTime() - 60_000, yearStart + Math.floor((span * (n + 1)) / (count + 1)) + (memberIndex % 10) * 3600_000));

  for (const [index, member] of roster.entries()) {
    if (articles.length) {
      for (let n = 0; n < READS_PER_MEMBER; n += 1) {
        const { article } = articles[(index * 5 + n * 3) % articles.length]!;
        await run(moment(n, READS_PER_MEMBER, index), recordArticleRead, { memberId: member.id, article, seconds: 24 * 3600 });
      }
    }
    const services = 1 + (index % 3);
    for (let n = 0; n < services; n += 1) {
      const what = VOLUNTEERING[(index + n) % VOLUNTEERING.length]!;
      const at = moment(n, services, index);
      await run(at, awardPoints, {
        memberId: member.id,
        category: 'public_service',
        sourceType: DEMO_VOLUNTEER_SOURCE,
        sourceId: n + 1,
        points: 2,
        reason: `公益积分：${what}`,
        at,
      });
    }
  }
}
