import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { articleReads, bulletinArticles, bulletinIssues, groups, members, units } from '../../db/schema';
import { notFound } from '../../errors';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** How far an issue has reached: per unit and per 片组, members who read at least one of its articles. */
export function bulletinStatsRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.bulletins.stats, async ({ params }) => {
    const [issue] = await db.select({ id: bulletinIssues.id }).from(bulletinIssues).where(eq(bulletinIssues.id, params.id));
    if (!issue) throw notFound('简报');
    const readers = db
      .selectDistinct({ memberId: articleReads.memberId })
      .from(articleReads)
      .innerJoin(bulletinArticles, eq(bulletinArticles.id, articleReads.articleId))
      .where(eq(bulletinArticles.issueId, params.id))
      .as('readers');
    const rows = await db
      .select({
        unitId: units.id,
        name: units.name,
        groupId: groups.id,
        groupName: groups.name,
        members: sql<number>`count(${members.id})::int`,
        readers: sql<number>`count(${readers.memberId})::int`,
      })
      .from(units)
      .innerJoin(groups, eq(groups.id, units.groupId))
      .leftJoin(members, eq(members.unitId, units.id))
      .leftJoin(readers, eq(readers.memberId, members.id))
      .groupBy(units.id, groups.id)
      .orderBy(asc(groups.sortOrder), asc(units.id));
    const byGroup = new Map<number, { groupId: number; name: string; members: number; readers: number }>();
    for (const row of rows) {
      const group = byGroup.get(row.groupId) ?? { groupId: row.groupId, name: row.groupName, members: 0, readers: 0 };
      group.members += row.members;
      group.readers += row.readers;
      byGroup.set(row.groupId, group);
    }
    return {
      issueId: params.id,
      members: rows.reduce((sum, row) => sum + row.members, 0),
      readers: rows.reduce((sum, row) => sum + row.readers, 0),
      groups: [...byGroup.values()],
      units: rows.map(({ unitId, name, groupName, members: m, readers: r }) => ({ unitId, name, groupName, members: m, readers: r })),
    };
  });

  return router;
}
