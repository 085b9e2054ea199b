import {
  addDays,
  formatDate,
  formatMonth,
  monthsBetween,
  shanghaiDate,
  shanghaiInstant,
  shanghaiYearRange,
  type AppraisalTier,
  type CalendarDate,
} from '@zhijian/shared';
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import { appealDeduction } from '../commands/appealDeduction';
import { bookEffectiveDeductions } from '../commands/bookEffectiveDeductions';
import { decideBonus } from '../commands/decideBonus';
import { declareBonus } from '../commands/declareBonus';
import { recordAppraisals } from '../commands/recordAppraisals';
import { recordDeduction } from '../commands/recordDeduction';
import type { Transaction } from '../db/client';
import { duesPayments, members } from '../db/schema';
import { demoCommandRunner, demoUser } from './demoCommands';

const DAY = 24 * 3600_000;

/** The 建华文创园 members the demo's records are about, besides 李青 (the demo member) and 王建华 (its unit admin). */
export interface DemoRecordPeople {
  member: CurrentUser;
  unitAdmin: CurrentUser;
  /** Has a deduction under appeal. */
  appealing: { id: number; name: string };
  /** Three months behind with dues, and an effective deduction for it. */
  behind: { id: number; name: string };
}

/**
 * The demo's records for 建华文创园, written through the commands (with their timelines and audit
 * entries) at fixed times relative to `now`, as if they had happened then: 李青's two bonus claims
 * (one approved, one pending), a deduction under appeal (recorded three days ago), an effective one
 * older than seven days booked to the 诚信 ledger, dues from January of last year with one member
 * three months behind, and last year's 民主评议 for every member (met in January).
 */
export async function saveDemoRecords(tx: Transaction, unitId: number, now: Date): Promise<DemoRecordPeople> {
  const run = demoCommandRunner(tx);
  const user = (openid: string) => demoUser(tx, openid);
  const member = await user('demo-member');
  const unitAdmin = await user('demo-unit-admin');
  const roster = await tx
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.unitId, unitId), isNull(members.openid), notInArray(members.id, [member.id, unitAdmin.id])))
    .orderBy(asc(members.id));
  const [appealing, behind] = roster as [{ id: number; name: string }, { id: number; name: string }];

  // Times relative to now, kept inside this year (a first start in early January squeezes them together).
  const yearStart = shanghaiYearRange(shanghaiDate(now).year).start;
  const ago = (days: number, hours = 0) =>
    new Date(Math.min(now.getTime(), Math.max(yearStart.getTime() + 3600_000, now.getTime() - days * DAY + hours * 3600_000)));
  const dayOf = (instant: Date) => formatDate(shanghaiDate(instant));

  // 正向加分: one approved, one waiting for the unit admin.
  const approved = await run(ago(18), member, declareBonus, {
    member: { id: member.id, unitId },
    input: { kindKey: 'volunteer', occurredOn: dayOf(ago(20)), description: '参加园区“邻里守望”志愿服务，为独居老人上门维修电器半天' },
  });
  await run(ago(16), unitAdmin, decideBonus, {
    claimId: approved.id,
    decision: { approve: true, points: 2, note: '经社区核实，事迹属实' },
  });
  await run(ago(3), member, declareBonus, {
    member: { id: member.id, unitId },
    input: {
      kindKey: 'innovation',
      occurredOn: dayOf(ago(5)),
      description: '牵头梳理园区企业服务流程，将入驻手续由 5 个工作日压缩到 2 个工作日，已在园区推广',
    },
  });

  // 反向扣分: an effective one, older than the appeal window, booked to the ledger; one under appeal.
  // (Not kept inside this year: it must be older than the seven-day window whatever the date.)
  const twelveDaysAgo = new Date(now.getTime() - 12 * DAY);
  await run(twelveDaysAgo, unitAdmin, recordDeduction, {
    unitId,
    input: {
      memberId: behind.id,
      kindKey: 'dues_late',
      points: 1,
      reason: '连续三个月未按时交纳党费，经提醒仍未补交',
      occurredOn: dayOf(twelveDaysAgo),
    },
  });
  await run(now, null, bookEffectiveDeductions, {});
  const underAppeal = await run(ago(3), unitAdmin, recordDeduction, {
    unitId,
    input: {
      memberId: appealing.id,
      kindKey: 'absence',
      points: 2,
      reason: '无故缺席本月党员固定活动日，事前未请假',
      occurredOn: dayOf(ago(5)),
    },
  });
  await run(ago(2), null, appealDeduction, {
    deductionId: underAppeal.id,
    memberId: appealing.id,
    text: '当天临时被公司派往外地处理客户投诉，已在微信群向支部书记说明，只是没有走请假流程',
  });

  // 党费: the unit imported its dues book at setup, from January of last year to last month; one member is three months behind.
  const today = shanghaiDate(now);
  const lastMonth: CalendarDate =
    today.month === 1 ? { year: today.year - 1, month: 12, day: 1 } : { ...today, month: today.month - 1, day: 1 };
  const months = monthsBetween(formatMonth(today.year - 1, 1), formatMonth(lastMonth.year, lastMonth.month));
  const everyone = await tx.select({ id: members.id }).from(members).where(eq(members.unitId, unitId)).orderBy(asc(members.id));
  const skipped = new Set(months.slice(-3));
  const dues = everyone.flatMap((person, index) =>
    months
      .filter((month) => person.id !== behind.id || !skipped.has(month))
      .map((month) => ({
        memberId: person.id,
        unitId,
        month,
        amountCents: [2000, 3000, 5000, 8000, 12_000][index % 5]!,
        paidOn: formatDate(addDays({ year: Number(month.slice(0, 4)), month: Number(month.slice(5)), day: 1 }, 9)),
        recordedBy: unitAdmin.id,
        recordedAt: now,
      })),
  );
  for (let at = 0; at < dues.length; at += 500) await tx.insert(duesPayments).values(dues.slice(at, at + 500));

  // 民主评议 of last year, at the branch meeting on 12 January (or today, if that is still ahead).
  const meetingDay = { year: today.year, month: 1, day: 12 };
  const meetingOn = formatDate(meetingDay) <= formatDate(today) ? formatDate(meetingDay) : formatDate(today);
  const meetingAt = new Date(Math.min(now.getTime(), shanghaiInstant(meetingDay, '19:00').getTime()));
  const tiers: AppraisalTier[] = ['qualified', 'excellent', 'qualified', 'qualified', 'basic', 'qualified', 'excellent'];
  await run(meetingAt, unitAdmin, recordAppraisals, {
    unitId,
    input: {
      year: today.year - 1,
      meetingOn,
      items: everyone.map((person, index) => ({
        memberId: person.id,
        tier: person.id === member.id ? 'excellent' : tiers[index % tiers.length]!,
      })),
    },
  });
  return { member, unitAdmin, appealing, behind };
}
