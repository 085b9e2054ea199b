import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { assignReviewer } from '../../commands/assignReviewer';
import { autoAssignReviewers } from '../../commands/autoAssignReviewers';
import { presentReviewerLoad } from '../../presenters/desk';
import { presentEntry } from '../../presenters/entries';
import { findCall } from '../../queries/calls';
import { loadEntryDetail } from '../../queries/entries';
import { listCallAssignmentStatuses, listReviewers } from '../../queries/reviews';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The secretariat assigns reviewers by hand or automatically, keeping conflicts of interest out. */
export function deskAssignmentRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.desk.reviewers, async ({ params }) => {
    const call = await findCall(db, params.id);
    const assignments = await listCallAssignmentStatuses(db, call.id);
    return { items: (await listReviewers(db)).map((reviewer) => presentReviewerLoad(reviewer, assignments)) };
  });

  mount(router, services, api.desk.assign, async ({ params, body, run }) => {
    await run(assignReviewer, {
      entryId: params.id,
      reviewerId: body.reviewerId,
      deadline: new Date(body.deadline),
      overrideReason: body.overrideReason ?? null,
    });
    return presentEntry(await loadEntryDetail(db, params.id), 'secretariat', clock.now());
  });

  mount(router, services, api.desk.autoAssign, async ({ params, body, run }) =>
    run(autoAssignReviewers, { callId: params.id, deadline: new Date(body.deadline) }),
  );
}
