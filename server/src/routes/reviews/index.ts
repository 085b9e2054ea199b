import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { declineReview } from '../../commands/declineReview';
import { reopenReview } from '../../commands/reopenReview';
import { saveReview } from '../../commands/saveReview';
import { authorizeAssignment } from '../../policies/reviews';
import { presentReviewAssignment, presentReviewQueueItem } from '../../presenters/reviews';
import { findAssignment, listReviewQueue, loadAssignmentDetail } from '../../queries/reviews';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** Reviewers see only what is assigned to them, score it within the rubric, and submit before the deadline. */
export function reviewRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  /** The assignment as its reviewer sees it. */
  const presentForReviewer = async (id: number) =>
    presentReviewAssignment(await loadAssignmentDetail(db, await findAssignment(db, id)), clock.now());

  // Contests whose results are out leave the queue; their reviews stay in the results.
  mount(router, services, api.reviews.queue, async ({ user }) => {
    const now = clock.now();
    return { items: (await listReviewQueue(db, user.id)).map((row) => presentReviewQueueItem(row, now)) };
  });

  mount(router, services, api.reviews.get, async ({ params, user }) => {
    const row = await findAssignment(db, params.id);
    authorizeAssignment(user, row.assignment);
    return presentReviewAssignment(await loadAssignmentDetail(db, row), clock.now());
  });

  mount(router, services, api.reviews.saveDraft, async ({ params, body, run }) => {
    await run(saveReview, { assignmentId: params.id, input: body, submit: false });
    return presentForReviewer(params.id);
  });

  mount(router, services, api.reviews.submit, async ({ params, body, run }) => {
    await run(saveReview, { assignmentId: params.id, input: body, submit: true });
    return presentForReviewer(params.id);
  });

  mount(router, services, api.reviews.decline, async ({ params, body, run }) =>
    run(declineReview, { assignmentId: params.id, reason: body.reason }),
  );

  mount(router, services, api.reviews.reopen, async ({ params, body, run }) => {
    await run(reopenReview, { assignmentId: params.id, reason: body.reason, deadline: body.deadline ? new Date(body.deadline) : null });
    return { ok: true as const };
  });

  return router;
}
