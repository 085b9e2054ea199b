import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { presentHistoryItem, presentPointsEntry } from '../../presenters/attendance';
import { listMyHistory, listMyPoints } from '../../queries/attendance';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { reportRoutes } from './reports';

/** 出勤: my records and points; a unit's figures and ledger, the association's dashboard (./reports). */
export function attendanceRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.attendance.myHistory, async ({ query, user }) => {
    const now = clock.now();
    const { page, standing } = await listMyHistory(db, user, query, now);
    return presentPage(page, ({ activity, relation }) => presentHistoryItem(activity, relation, standing, now));
  });

  mount(router, services, api.attendance.myPoints, async ({ query, user }) => {
    const { totalPoints, ...page } = await listMyPoints(db, user.id, query);
    return { ...presentPage(page, presentPointsEntry), totalPoints };
  });

  reportRoutes(services, router);
  return router;
}
