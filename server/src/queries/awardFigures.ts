import { shanghaiYearRange, type AwardFigures, type AwardKind, type Tier } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '../db/client';
import { attendanceCountsFromRecords } from './attendance';
import { loadNewsCounts } from './news';
import { loadMemberFigures, loadPioneerIndexes, settingsForYear } from './pioneerIndex';

/** A candidate as the opening freezes it: who, where, and the figures the rules will read. */
export interface CandidateSnapshot {
  award: AwardKind;
  memberId: number | null;
  unitId: number;
  groupId: number;
  name: string;
  unitName: string;
  groupName: string;
  figures: AwardFigures;
}

interface Person {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  groupId: number;
  groupName: string;
}

const people = (db: Queryable) =>
  selectRows<Person>(
    db,
    sql`select m.id, m.name, u.id as "unitId", u.name as "unitName", g.id as "groupId", g.name as "groupName"
          from members m join units u on u.id = m.unit_id join groups g on g.id = u.group_id order by m.id`,
  );

/**
 * Every candidate of a year's three awards, read as of `asOf` (the opening). Members are those on a
 * roster now; units are all units; information officers are the authors of the year's news items.
 */
export async function loadAwardSnapshot(db: Queryable, year: number, asOf: Date): Promise<CandidateSnapshot[]> {
  const roster = await people(db);
  return [
    ...(await unitCandidates(db, year, asOf, roster)),
    ...(await memberCandidates(db, year, asOf, roster)),
    ...(await officerCandidates(db, year, roster)),
  ];
}

async function memberCandidates(db: Queryable, year: number, asOf: Date, roster: Person[]): Promise<CandidateSnapshot[]> {
  const ids = roster.map((person) => person.id);
  const indexes = await loadPioneerIndexes(db, ids, year, asOf);
  const settings = await settingsForYear(db, year, asOf);
  const figures = await loadMemberFigures(db, ids, year, asOf);
  const appraisals = new Map(
    (
      await selectRows<{ memberId: number; tier: 'excellent' | 'qualified' | 'basic' | 'unqualified' }>(
        db,
        sql`select member_id as "memberId", tier from appraisals where year = ${year}`,
      )
    ).map((row) => [row.memberId, row.tier]),
  );
  return roster.map((person) => {
    const index = indexes.byMember.get(person.id);
    const own = figures.get(person.id)!;
    return {
      ...subject(person),
      award: 'member',
      memberId: person.id,
      figures: {
        award: 'member',
        figures: {
          index: index?.value ?? 0,
          integrity: settings.points.integrity.base + own.points.integrity,
          sanctioned: own.sanctioned || (index?.sanctioned ?? false),
          appraisal: appraisals.get(person.id) ?? null,
        },
      },
    };
  });
}

/**
 * News items of the year by author. An item counts once: reported, or adopted at its highest
 * placement (an issue's lead article — the first by position — above a plain adoption); an item
 * the secretariat marked false counts only as false.
 */
async function officerCandidates(db: Queryable, year: number, roster: Person[]): Promise<CandidateSnapshot[]> {
  const { start, end } = shanghaiYearRange(year);
  const rows = await selectRows<{ memberId: number; reported: number; adopted: number; lead: number; falseItems: number }>(
    db,
    sql`with items as (
          select e.id, e.author_id, e.false_marked_at is not null as is_false
            from entries e join calls c on c.id = e.call_id
           where c.kind = 'news' and e.status not in ('draft', 'withdrawn') and e.author_id is not null
             and e.submitted_at >= ${start.toISOString()} and e.submitted_at < ${end.toISOString()}
        ),
        placed as (
          select p.entry_id,
                 bool_or(a.position = (select min(x.position) from bulletin_articles x where x.issue_id = p.issue_id)) as lead
            from bulletin_placements p left join bulletin_articles a on a.id = p.article_id
           where p.kind = 'adopted'
           group by p.entry_id
        )
        select i.author_id as "memberId",
               (count(*) filter (where not i.is_false))::int as reported,
               (count(pl.entry_id) filter (where not i.is_false))::int as adopted,
               (count(*) filter (where pl.lead and not i.is_false))::int as lead,
               (count(*) filter (where i.is_false))::int as "falseItems"
          from items i left join placed pl on pl.entry_id = i.id
         group by i.author_id`,
  );
  const byId = new Map(roster.map((person) => [person.id, person]));
  return rows.flatMap((row) => {
    const person = byId.get(row.memberId);
    if (!person) return [];
    const { memberId, ...figures } = row;
    return [{ ...subject(person), award: 'info_officer' as const, memberId, figures: { award: 'info_officer' as const, figures } }];
  });
}

interface UnitRow {
  id: number;
  name: string;
  groupId: number;
  groupName: string;
}

async function unitCandidates(db: Queryable, year: number, asOf: Date, roster: Person[]): Promise<CandidateSnapshot[]> {
  const { start, end } = shanghaiYearRange(year);
  const inYear = (column: string) =>
    sql`${sql.raw(column)} >= ${start.toISOString()}::timestamptz and ${sql.raw(column)} < ${end.toISOString()}::timestamptz`;
  const units = await selectRows<UnitRow>(
    db,
    sql`select u.id, u.name, g.id as "groupId", g.name as "groupName" from units u join groups g on g.id = u.group_id order by g.sort_order, g.id, u.id`,
  );
  // From the records as of the snapshot's moment (not the kept rows, which stand at now): once a year.
  const attendance = new Map<number, { expected: number; attended: number }>();
  for (const row of await attendanceCountsFromRecords(db, { start, end, now: asOf })) {
    const sum = attendance.get(row.unitId) ?? { expected: 0, attended: 0 };
    sum.expected += row.expected - row.leave;
    sum.attended += row.present + row.late;
    attendance.set(row.unitId, sum);
  }
  const contest = await selectRows<{ unitId: number; call: string; tier: string; tiers: Tier[] }>(
    db,
    sql`select e.unit_id as "unitId", c.title as call, e.tier, c.tiers
          from entries e join calls c on c.id = e.call_id
         where c.kind = 'case' and c.year = ${year} and c.results_published_at is not null
           and c.results_published_at <= ${asOf.toISOString()}::timestamptz and e.tier is not null
         order by e.id`,
  );
  const news = new Map((await loadNewsCounts(db, year)).units.map((row) => [row.unitId, row]));
  const volunteer = await selectRows<{ unitId: number; activities: number; wishes: number }>(
    db,
    sql`select m.unit_id as "unitId",
               (select count(*)::int from volunteer_sign_ups s join members x on x.id = s.member_id
                 where x.unit_id = m.unit_id and ${inYear('s.attended_at')}) as activities,
               (select count(*)::int from wish_claims w join members x on x.id = w.member_id
                 where x.unit_id = m.unit_id and ${inYear('w.realised_at')}) as wishes
          from (select distinct unit_id from members where unit_id is not null) m`,
  );
  const letters = await selectRows<{ unitId: number; total: number; onTime: number }>(
    db,
    sql`select unit_id as "unitId",
               (count(*) filter (where status in ('replied', 'rated') or overdue_at is not null))::int as total,
               (count(*) filter (where status in ('replied', 'rated') and overdue_at is null))::int as "onTime"
          from letters
         where recipient = 'secretary' and unit_id is not null and ${inYear('created_at')}
         group by unit_id`,
  );
  const volunteerOf = new Map(volunteer.map((row) => [row.unitId, row]));
  const lettersOf = new Map(letters.map((row) => [row.unitId, row]));
  const memberCount = new Map<number, number>();
  for (const person of roster) memberCount.set(person.unitId, (memberCount.get(person.unitId) ?? 0) + 1);
  return units.map((unit) => ({
    award: 'unit',
    memberId: null,
    unitId: unit.id,
    groupId: unit.groupId,
    name: unit.name,
    unitName: unit.name,
    groupName: unit.groupName,
    figures: {
      award: 'unit',
      figures: {
        memberCount: memberCount.get(unit.id) ?? 0,
        attendance: attendance.get(unit.id) ?? { expected: 0, attended: 0 },
        contest: contest
          .filter((row) => row.unitId === unit.id)
          .map((row) => ({
            call: row.call,
            tier: row.tier,
            place: Math.max(
              0,
              row.tiers.findIndex((tier) => tier.name === row.tier),
            ),
          })),
        news: { reported: news.get(unit.id)?.reported ?? 0, adopted: news.get(unit.id)?.adopted ?? 0 },
        volunteer: { activities: volunteerOf.get(unit.id)?.activities ?? 0, wishes: volunteerOf.get(unit.id)?.wishes ?? 0 },
        letters: { total: lettersOf.get(unit.id)?.total ?? 0, onTime: lettersOf.get(unit.id)?.onTime ?? 0 },
      },
    },
  }));
}

function subject(person: Person) {
  return {
    unitId: person.unitId,
    groupId: person.groupId,
    name: person.name,
    unitName: person.unitName,
    groupName: person.groupName,
  };
}
