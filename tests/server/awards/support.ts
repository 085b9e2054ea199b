import { api, computePioneerIndex, DEFAULT_RECORD_SETTINGS, type ApiClient, type AwardKind } from '@zhijian/shared';
import type { Queryable } from '../../../server/src/db/client';
import {
  appraisals,
  calls,
  entries,
  indexSnapshots,
  indexYears,
  letters,
  volunteerActivities,
  volunteerSignUps,
} from '../../../server/src/db/schema';
import { at } from '../../support/checkinFactories';

/**
 * Records behind the awards written straight to the test database, where the modules' own commands
 * would need a long setup (a closed year's index, a contest with published tiers, a replied letter).
 */

/** A closed year's index of a member, frozen at `value`. */
export async function frozenIndex(db: Queryable, year: number, member: { id: number; unitId: number | null }, value: number) {
  await db
    .insert(indexYears)
    .values({ year, closedAt: at(`${year + 1}-01-05 10:00:00`) })
    .onConflictDoNothing();
  const breakdown = {
    ...computePioneerIndex(
      {
        expected: 0,
        attended: 0,
        approvedBonus: 0,
        studyPoints: 0,
        publicServicePoints: 0,
        deductions: 0,
        sanctioned: false,
        commitmentsMade: 0,
        commitmentsKept: 0,
      },
      DEFAULT_RECORD_SETTINGS,
    ),
    value,
  };
  await db.insert(indexSnapshots).values({ year, memberId: member.id, unitId: member.unitId, value, breakdown });
}

export async function appraisal(
  db: Queryable,
  member: { id: number; unitId: number | null },
  year: number,
  tier: 'excellent' | 'qualified',
) {
  await db.insert(appraisals).values({
    memberId: member.id,
    unitId: member.unitId!,
    year,
    tier,
    meetingOn: `${year}-12-20`,
    recordedAt: at(`${year}-12-20 10:00:00`),
  });
}

let code = 0;
/** A case contest of the year with published results, and the unit's entry given `tier`. */
export async function contestEntry(db: Queryable, unitId: number, year: number, tier: string) {
  code += 1;
  const [call] = await db
    .insert(calls)
    .values({
      kind: 'case',
      title: `案例评比${code}`,
      year,
      code: `AW${code}`,
      categories: [],
      rubric: [],
      tiers: [
        { name: '一等奖', share: null, showcase: true },
        { name: '二等奖', share: null, showcase: true },
        { name: '三等奖', share: null, showcase: false },
      ],
      opensAt: at(`${year}-03-01 09:00:00`),
      closesAt: at(`${year}-04-01 09:00:00`),
      entryLimit: 10,
      reviewersPerEntry: 0,
      resultsPublishedAt: at(`${year}-06-01 09:00:00`),
    })
    .returning();
  await db.insert(entries).values({ callId: call!.id, unitId, status: 'rated', title: '案例', tier });
}

/** A letter to the unit's secretaries: replied on time, or left overdue. */
export async function secretaryLetter(
  db: Queryable,
  writer: { id: number; unitId: number | null },
  local: string,
  outcome: 'on_time' | 'overdue',
) {
  const createdAt = at(local);
  await db.insert(letters).values({
    writerId: writer.id,
    unitId: writer.unitId,
    recipient: 'secretary',
    kind: 'suggestion',
    body: '建议增加学习活动',
    anonymous: false,
    status: outcome === 'on_time' ? 'replied' : 'pending',
    writtenOn: local.slice(0, 10),
    acceptDueOn: local.slice(0, 10),
    overdueAt: outcome === 'overdue' ? new Date(createdAt.getTime() + 5 * 86_400_000) : null,
    createdAt,
    updatedAt: createdAt,
  });
}

/** A volunteer activity of the unit the member attended. */
export async function volunteered(db: Queryable, member: { id: number; unitId: number | null }, local: string) {
  const startsAt = at(local);
  const [activity] = await db
    .insert(volunteerActivities)
    .values({
      unitId: member.unitId,
      title: '社区志愿服务',
      description: '清理小区楼道',
      placeName: '社区',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      signUpDeadline: startsAt,
      places: 10,
      createdAt: startsAt,
    })
    .returning();
  await db
    .insert(volunteerSignUps)
    .values({ activityId: activity!.id, memberId: member.id, status: 'confirmed', createdAt: startsAt, attendedAt: startsAt });
}

/** Every candidate of an award, as the committee sees them (ranked). */
export async function candidatesOf(client: ApiClient, reviewId: number, award: AwardKind) {
  return (await client.call(api.awards.candidates, { params: { id: reviewId }, query: { award, pageSize: 100 } })).items;
}
