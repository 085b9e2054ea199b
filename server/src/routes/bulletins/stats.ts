import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { presentIssueStats } from '../../presenters/bulletins';
import { findIssue, loadIssueReaders } from '../../queries/bulletins';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** How far an issue has reached: per unit and per 片组, members who read at least one of its articles. */
export function bulletinStatsRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.bulletins.stats, async ({ params }) => {
    const issue = await findIssue(db, params.id);
    return presentIssueStats(issue.id, await loadIssueReaders(db, issue.id));
  });

  return router;
}
