import type Router from '@koa/router';
import { addMonths, api, formatMonth, shanghaiDate, shanghaiToday } from '@zhijian/shared';
import { presentOverview } from '../../presenters/overview';
import { advanceAttendanceFigures } from '../../attendanceFigures/keptFigures';
import { keptAssociationCountsByMonth, keptCountsByGroup } from '../../queries/attendanceFigures';
import { listIssues, loadIssueReaders } from '../../queries/bulletins';
import { listHeld, listInbox } from '../../queries/letters';
import { countEntriesByStatus, countOverdueReviews, countPendingTopicClaims } from '../../queries/overview';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** Counting a list needs only its total: a page of one row. */
const ONE = { page: 1, pageSize: 1 };

/** The secretariat's home page: figures from the queries the dashboards use, and what waits. */
export function overviewRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.overview.get, async () => {
    const now = clock.now();
    const today = shanghaiDate(now);
    const month = formatMonth(today.year, today.month);
    const first = addMonths({ ...today, day: 1 }, -11);
    const firstMonth = formatMonth(first.year, first.month);
    const inbox = { recipient: 'secretariat' } as const;

    // The kept figures (units × months rows), moved to now first: no history is rescanned.
    await advanceAttendanceFigures(db, clock);
    const thisMonthByGroup = await keptCountsByGroup(db, { from: month, to: month });
    const byMonth = await keptAssociationCountsByMonth(db, { from: firstMonth, to: month });
    const lastIssues = await listIssues(db, { page: 1, pageSize: 3, status: 'published' });
    const issues = [];
    for (const { issue } of lastIssues.items) issues.push({ issue, readers: await loadIssueReaders(db, issue.id) });
    const entriesByStatus = await countEntriesByStatus(db);
    const actions = {
      entries_to_register: entriesByStatus.find((row) => row.status === 'submitted')?.n ?? 0,
      overdue_reviews: await countOverdueReviews(db, now),
      topic_claims_to_confirm: await countPendingTopicClaims(db),
      held_letters: (await listHeld(db, inbox, ONE)).total,
      overdue_letters: (await listInbox(db, inbox, { ...ONE, view: 'overdue' }, shanghaiToday(now))).total,
    };
    return presentOverview({ month, firstMonth, thisMonthByGroup, byMonth, issues, entriesByStatus, actions });
  });
}
