import type Router from '@koa/router';
import { api, awardRefusals } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { answerObjection } from '../../commands/answerObjection';
import { decideCandidate } from '../../commands/decideCandidate';
import { objectToWinner } from '../../commands/objectToWinner';
import { openAwardReview } from '../../commands/openAwardReview';
import { publishAwards } from '../../commands/publishAwards';
import { recommendCandidate } from '../../commands/recommendCandidate';
import { setAwardRules } from '../../commands/setAwardRules';
import { startAwardPublicity } from '../../commands/startAwardPublicity';
import { refuse } from '../../errors';
import { candidateScopeOf } from '../../policies/awards';
import { authorizeUnitRecords } from '../../policies/records';
import {
  presentCandidate,
  presentCertificate,
  presentHonour,
  presentObjection,
  presentPublicity,
  presentReview,
  rankCandidates,
} from '../../presenters/awards';
import {
  findCandidate,
  findReview,
  groupOfMember,
  listCandidates,
  listObjections,
  listReviews,
  loadCandidate,
  loadObjection,
  loadPublicity,
  loadReview,
  unitHonours,
} from '../../queries/awards';
import { findUnit } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { mountAwardExports } from './exports';

/** 年度评优: open a year (snapshot), 片组 recommend, the committee decides, 公示 with objections, publish. */
export function awardRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;
  const scopeOf = async (user: CurrentUser) => candidateScopeOf(user, await groupOfMember(db, user.unitId));
  const review = async (id: number) => presentReview(await loadReview(db, id));
  const candidate = async (id: number) => {
    const rows = await loadCandidate(db, id);
    return presentCandidate(rows, (await findReview(db, rows.candidate.reviewId)).rules);
  };

  mount(router, services, api.awards.open, async ({ body, run }) => review((await run(openAwardReview, { year: body.year })).id));

  mount(router, services, api.awards.list, async ({ user }) => {
    await scopeOf(user);
    return (await listReviews(db)).map(presentReview);
  });

  mount(router, services, api.awards.publicity, async () => {
    const now = clock.now();
    return (await loadPublicity(db)).map((rows) => presentPublicity(rows, now));
  });

  mount(router, services, api.awards.get, async ({ params, user }) => {
    await scopeOf(user);
    return review(params.id);
  });

  mount(router, services, api.awards.setRules, async ({ params, body, run }) => {
    await run(setAwardRules, { reviewId: params.id, rules: body });
    return review(params.id);
  });

  mount(router, services, api.awards.candidates, async ({ params, query, user }) => {
    const groupId = await scopeOf(user);
    const { rules } = await findReview(db, params.id);
    const ranked = rankCandidates(await listCandidates(db, params.id, query.award, groupId), rules).filter(
      (row) => query.show === 'all' || (query.show === 'eligible' ? row.eligible : row.recommendation !== null),
    );
    const start = (query.page - 1) * query.pageSize;
    return { items: ranked.slice(start, start + query.pageSize), total: ranked.length, page: query.page, pageSize: query.pageSize };
  });

  mount(router, services, api.awards.recommend, async ({ params, body, user, run }) => {
    const groupId = await groupOfMember(db, user.unitId);
    if (groupId === null) throw refuse(awardRefusals.not_your_group);
    await run(recommendCandidate, { candidateId: params.id, groupId, note: body.note });
    return candidate(params.id);
  });

  mount(router, services, api.awards.decide, async ({ params, body, run }) => {
    await run(decideCandidate, { candidateId: params.id, selected: body.selected, note: body.note });
    return candidate(params.id);
  });

  mount(router, services, api.awards.startPublicity, async ({ params, run }) => {
    await run(startAwardPublicity, { reviewId: params.id });
    return review(params.id);
  });

  mount(router, services, api.awards.object, async ({ params, body, run }) => {
    const objection = await run(objectToWinner, { candidateId: params.id, text: body.text });
    return { id: objection.id, createdAt: objection.createdAt.toISOString() };
  });

  mount(router, services, api.awards.objections, async ({ params }) => {
    await findReview(db, params.id);
    return (await listObjections(db, params.id)).map(presentObjection);
  });

  mount(router, services, api.awards.answer, async ({ params, body, run }) => {
    await run(answerObjection, { objectionId: params.id, answer: body.answer });
    return presentObjection(await loadObjection(db, params.id));
  });

  mount(router, services, api.awards.publish, async ({ params, body, run }) => {
    await run(publishAwards, { reviewId: params.id, issueId: body.issueId });
    return review(params.id);
  });

  mount(router, services, api.awards.certificate, async ({ params }) => {
    const row = await findCandidate(db, params.id);
    const of = await findReview(db, row.reviewId);
    if (row.selected !== true || of.status !== 'published') throw refuse(awardRefusals.not_a_winner);
    return presentCertificate(row, of);
  });

  mount(router, services, api.awards.unitHonours, async ({ params, user }) => {
    const unit = await findUnit(db, params.id);
    authorizeUnitRecords(user, unit.id);
    return (await unitHonours(db, unit.id)).map((row) => presentHonour(row, unit.name));
  });

  mountAwardExports(services, router);
}
