import type Router from '@koa/router';
import { api, questionRefusals } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { answerQuestion } from '../../commands/answerQuestion';
import { askQuestion } from '../../commands/askQuestion';
import { markSolution } from '../../commands/markSolution';
import { moderateAnswer, moderateQuestion } from '../../commands/moderateQuestionText';
import { checkAll } from '../../contentCheck/contentChecker';
import { notFound, refuse } from '../../errors';
import { authorizeModerator, canModerateUnit } from '../../policies/volunteering';
import { presentAnswer, presentModerationQueue, presentQuestionDetail, presentQuestionSummary } from '../../presenters/questions';
import { findMember } from '../../queries/members';
import { presentPage } from '../../queries/paginate';
import {
  canReadQuestion,
  findAnswer,
  findQuestion,
  listQuestions,
  loadAnswer,
  loadModerationQueue,
  loadQuestion,
  type QuestionViewer,
} from '../../queries/questions';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The caller as a reader of their own unit's questions. */
function viewerOf(user: CurrentUser): QuestionViewer & { unitId: number } {
  if (user.unitId === null) throw refuse(questionRefusals.not_in_unit);
  return { id: user.id, unitId: user.unitId, moderator: canModerateUnit(user, user.unitId) };
}

/**
 * 传帮带: members of a unit ask and answer; the asker marks the solution (points to its author);
 * text passes the content check first, and the unit admin lets held text through or hides it.
 */
export function questionRoutes(services: AppServices, router: Router): void {
  const { db, contentChecker } = services;

  /** The question, if the caller may read it; another unit's, or held text of another, is not there for them. */
  async function readableQuestion(id: number, user: CurrentUser) {
    const viewer = viewerOf(user);
    const question = await findQuestion(db, id);
    if (!canReadQuestion(viewer, question)) throw notFound('问题');
    return { question, viewer };
  }

  async function openidOf(memberId: number): Promise<string | null> {
    return (await findMember(db, memberId)).openid;
  }

  mount(router, services, api.questions.list, async ({ query, user }) =>
    presentPage(await listQuestions(db, viewerOf(user), query), presentQuestionSummary),
  );

  mount(router, services, api.questions.get, async ({ params, user }) => {
    const { question, viewer } = await readableQuestion(params.id, user);
    return presentQuestionDetail(await loadQuestion(db, question.id, viewer), viewer);
  });

  mount(router, services, api.questions.ask, async ({ body, user, run }) => {
    const viewer = viewerOf(user);
    // The check is a network call: made before the transaction opens.
    const verdict = await checkAll(contentChecker, [body.title, body.body, ...body.tags], 'forum', await openidOf(user.id));
    const question = await run(askQuestion, { asker: viewer, input: body, verdict });
    return presentQuestionDetail(await loadQuestion(db, question.id, viewer), viewer);
  });

  mount(router, services, api.questions.answer, async ({ params, body, user, run }) => {
    const { question } = await readableQuestion(params.id, user);
    if (question.moderation !== 'visible') throw refuse(questionRefusals.question_not_visible);
    const verdict = await checkAll(contentChecker, [body.body], 'comment', await openidOf(user.id));
    const answer = await run(answerQuestion, { question, authorId: user.id, body: body.body, verdict });
    return presentAnswer(await loadAnswer(db, answer.id), question.solvedAnswerId);
  });

  mount(router, services, api.questions.markSolved, async ({ params, body, user, run }) => {
    const { question, viewer } = await readableQuestion(params.id, user);
    await run(markSolution, { questionId: question.id, answerId: body.answerId, askerId: user.id });
    return presentQuestionDetail(await loadQuestion(db, question.id, viewer), viewer);
  });

  mount(router, services, api.questions.moderateQuestion, async ({ params, body, user, run }) => {
    const question = await findQuestion(db, params.id);
    authorizeModerator(user, question.unitId);
    await run(moderateQuestion, { question, input: body });
    const viewer = viewerOf(user);
    return presentQuestionDetail(await loadQuestion(db, question.id, viewer), viewer);
  });

  mount(router, services, api.questions.moderateAnswer, async ({ params, body, user, run }) => {
    const { answer, question } = await findAnswer(db, params.id);
    authorizeModerator(user, question.unitId);
    await run(moderateAnswer, { answer, input: body });
    return presentAnswer(await loadAnswer(db, answer.id), question.solvedAnswerId);
  });

  mount(router, services, api.questions.queue, async ({ params, user }) => {
    authorizeModerator(user, params.unitId);
    return presentModerationQueue(await loadModerationQueue(db, params.unitId));
  });
}
