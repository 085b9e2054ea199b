import { shanghaiYearRange } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '../db/client';

export interface NewsCountRows {
  year: number;
  units: Array<{ unitId: number; unitName: string; groupName: string; reported: number; adopted: number }>;
  officers: Array<{ memberId: number; name: string; unitName: string; reported: number; adopted: number }>;
}

/**
 * Items reported (handed in during the year, withdrawn ones not counted) and adopted (placed into
 * a 简报 issue during the year), per unit and per information officer — the basis of 优秀信息员.
 */
export async function loadNewsCounts(db: Queryable, year: number): Promise<NewsCountRows> {
  const { start, end } = shanghaiYearRange(year);
  const reported = sql`
    select e.id, e.unit_id, e.author_id from entries e join calls c on c.id = e.call_id
    where c.kind = 'news' and e.status not in ('draft', 'withdrawn')
      and e.submitted_at >= ${start.toISOString()} and e.submitted_at < ${end.toISOString()}`;
  const adopted = sql`
    select e.id, e.unit_id, e.author_id from bulletin_placements p join entries e on e.id = p.entry_id
    where p.kind = 'adopted' and p.placed_at >= ${start.toISOString()} and p.placed_at < ${end.toISOString()}`;
  const units = await selectRows<NewsCountRows['units'][number]>(
    db,
    sql`with r as (${reported}), a as (${adopted})
        select u.id as "unitId", u.name as "unitName", g.name as "groupName",
               (select count(*)::int from r where r.unit_id = u.id) as reported,
               (select count(distinct a.id)::int from a where a.unit_id = u.id) as adopted
        from units u join groups g on g.id = u.group_id
        where exists (select 1 from r where r.unit_id = u.id) or exists (select 1 from a where a.unit_id = u.id)
        order by adopted desc, reported desc, u.name`,
  );
  const officers = await selectRows<NewsCountRows['officers'][number]>(
    db,
    sql`with r as (${reported}), a as (${adopted})
        select m.id as "memberId", m.name, coalesce(u.name, '') as "unitName",
               (select count(*)::int from r where r.author_id = m.id) as reported,
               (select count(distinct a.id)::int from a where a.author_id = m.id) as adopted
        from members m left join units u on u.id = m.unit_id
        where exists (select 1 from r where r.author_id = m.id) or exists (select 1 from a where a.author_id = m.id)
        order by adopted desc, reported desc, m.name`,
  );
  return { year, units, officers };
}
