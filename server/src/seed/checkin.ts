import {
  activityPointsFor,
  DEFAULT_RECORD_SETTINGS,
  addDays,
  ATTENDANCE_STATUS_LABELS,
  checkinWindow,
  DEFAULT_CHECKIN_SETTINGS,
  formatDate,
  recurrenceDates,
  shanghaiDate,
  shanghaiInstant,
  type AgendaSegment,
} from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { fieldsFrom, recurrenceOf, syncRuleActivities } from '../activityGeneration/syncRuleActivities';
import type { Transaction } from '../db/client';
import { activities, activityRules, attendance, attendanceRequests, hostSiteMembers, hostSites, members, pointsLedger } from '../db/schema';
import { rosterOf } from '../queries/activityRosters';
import type { RuleRow } from '../queries/schedules';
import { DEMO_UNITS } from './demoAssociation';

const 建华 = DEMO_UNITS.findIndex((u) => u.name === '建华文创园党总支');
const 四季青 = DEMO_UNITS.findIndex((u) => u.name === '四季青服装市场党委');

const MAKER_AGENDA: AgendaSegment[] = [
  { kind: 'segment', title: '创客公开课' },
  { kind: 'segment', title: '创客沙龙' },
  { kind: 'segment', title: '党员大讨论' },
];
const STUDY_AGENDA: AgendaSegment[] = [
  { kind: 'group_meeting', title: '党小组会：学习交流' },
  { kind: 'party_lecture', title: '党课' },
];
const DAYS = [5, 15, 25] as const;

/**
 * Demo 党员固定活动日: every unit has a monthly rule (建华文创园 on the 15th at 14:00 with its
 * 创客公开课 / 创客沙龙 / 党员大讨论; 四季青's fixed members on the 15th, its mobile members every
 * Wednesday at their service station); the last six weeks happened with attendance, leave and
 * points; the next three months are generated; and 建华文创园 has an activity whose check-in is
 * open right after the first start, so signing in as the demo member lets you check in at once.
 */
export async function saveDemoCheckin(tx: Transaction, unitIds: number[], now: Date): Promise<{ activities: number }> {
  const rules: RuleRow[] = [];
  for (const [index, unitId] of unitIds.entries()) {
    const demo = DEMO_UNITS[index]!;
    const [rule] = await tx
      .insert(activityRules)
      .values({
        unitId,
        cadence: 'monthly',
        dayOfMonth: index === 建华 || index === 四季青 ? 15 : DAYS[index % 3]!,
        startTime: index === 建华 ? '14:00' : index === 四季青 ? '09:00' : ['09:00', '14:00', '19:00'][index % 3]!,
        durationMinutes: 150,
        title: index === 四季青 ? '固定学习日' : '党员固定活动日',
        placeName: index === 建华 ? '建华文创园党群服务中心' : `${demo.name.replace(/党(总支|委|支部)$/, '')}党员活动室`,
        placeAddress: index === 建华 ? '杭州市上城区建华路 1 号 A 座 2 楼' : '',
        latitude: index === 建华 ? 30.2741 : null,
        longitude: index === 建华 ? 120.1551 : null,
        radiusMeters: index === 建华 ? 300 : null,
        agenda: index === 建华 ? MAKER_AGENDA : STUDY_AGENDA,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    rules.push(rule!);
  }

  // 四季青's mobile members meet weekly at their service station.
  const marketId = unitIds[四季青]!;
  const [site] = await tx.insert(hostSites).values({ unitId: marketId, name: '四季青流动党员服务站', createdAt: now }).returning();
  const mobile = await tx.select({ id: members.id, kind: members.kind }).from(members).where(eq(members.unitId, marketId));
  const attached = mobile.filter((m) => m.kind === 'mobile').map((m) => ({ memberId: m.id, hostSiteId: site!.id, attachedAt: now }));
  if (attached.length) await tx.insert(hostSiteMembers).values(attached);
  const [weekly] = await tx
    .insert(activityRules)
    .values({
      unitId: marketId,
      hostSiteId: site!.id,
      cadence: 'weekly',
      weekday: 3,
      startTime: '19:00',
      durationMinutes: 90,
      title: '流动党员活动日',
      placeName: '四季青流动党员服务站',
      placeAddress: '杭州市上城区杭海路四季青服装市场 3 楼',
      agenda: [
        { kind: 'segment', title: '亮身份、明承诺' },
        { kind: 'segment', title: '政策宣讲' },
      ],
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  rules.push(weekly!);

  let count = 0;
  for (const rule of rules) {
    count += await saveHeldOccurrences(tx, rule, now);
    count += (await syncRuleActivities(tx, rule.id, rule, now)).created;
  }
  count += await saveOpenActivity(tx, unitIds[建华]!, now);
  return { activities: count };
}

/** The rule's occurrences of the last six weeks, held, with attendance, leave and points (written in bulk: this runs at first start). */
async function saveHeldOccurrences(tx: Transaction, rule: RuleRow, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const dates = recurrenceDates(recurrenceOf(rule), addDays(today, -42), addDays(today, 1));
  let count = 0;
  for (const date of dates) {
    const startsAt = shanghaiInstant(date, rule.startTime);
    if (checkinWindow(startsAt, DEFAULT_CHECKIN_SETTINGS).closesAt.getTime() > now.getTime()) continue;
    const [activity] = await tx
      .insert(activities)
      .values({
        ...fieldsFrom(rule),
        ruleId: rule.id,
        origin: 'generated',
        occurrenceDate: formatDate(date),
        startsAt,
        endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000),
        summary: '活动按议程进行，党员交流了学习体会。',
        checkinOpenedAt: new Date(startsAt.getTime() - 20 * 60_000),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    count += 1;
    const roster = await rosterOf(tx, activity!);
    const present: (typeof attendance.$inferInsert)[] = [];
    const leaves: (typeof attendanceRequests.$inferInsert)[] = [];
    for (const [index, member] of roster.entries()) {
      // A fixed pattern: most on time, some late, one in ten on leave, one in ten absent.
      const seed = (member.id + date.day) % 10;
      if (seed === 0) continue;
      if (seed === 1) {
        leaves.push({
          activityId: activity!.id,
          memberId: member.id,
          kind: 'leave',
          reason: '外出办事',
          status: 'approved',
          decidedAt: new Date(startsAt.getTime() - 3600_000),
          createdAt: new Date(startsAt.getTime() - 86400_000),
        });
        continue;
      }
      const late = seed === 2;
      present.push({
        activityId: activity!.id,
        memberId: member.id,
        status: late ? 'late' : 'present',
        method: 'scan',
        checkedInAt: new Date(startsAt.getTime() + (late ? 14 : -(index % 25)) * 60_000),
      });
    }
    if (leaves.length) await tx.insert(attendanceRequests).values(leaves);
    if (present.length) {
      const rows = await tx.insert(attendance).values(present).returning();
      await tx.insert(pointsLedger).values(
        rows.map((row) => ({
          memberId: row.memberId,
          points: activityPointsFor(DEFAULT_RECORD_SETTINGS, row.status, row.method),
          reason: `活动积分：${ATTENDANCE_STATUS_LABELS[row.status]}「${activity!.title}」`,
          sourceType: 'attendance',
          sourceId: row.id,
          createdAt: row.checkedInAt,
        })),
      );
    }
  }
  return count;
}

/** An extra 建华文创园 activity starting ten minutes after the first start: check-in is open (the organiser opened it). */
async function saveOpenActivity(tx: Transaction, unitId: number, now: Date): Promise<number> {
  const startsAt = new Date(Math.ceil((now.getTime() + 10 * 60_000) / 60_000) * 60_000);
  await tx.insert(activities).values({
    unitId,
    origin: 'extra',
    title: '主题党日：创客沙龙（演示，签到进行中）',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    placeName: '建华文创园党群服务中心',
    placeAddress: '杭州市上城区建华路 1 号 A 座 2 楼',
    latitude: 30.2741,
    longitude: 120.1551,
    radiusMeters: 300,
    agenda: MAKER_AGENDA,
    materials: '《中国共产党章程》第一章；园区创客项目介绍',
    checkinOpenedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  return 1;
}
