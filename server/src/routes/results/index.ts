import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { closeReviewRound } from '../../commands/closeReviewRound';
import { publishResults } from '../../commands/publishResults';
import { setTiers } from '../../commands/setTiers';
import { presentResults } from '../../presenters/results';
import { findCall } from '../../queries/calls';
import { loadResultRows } from '../../queries/results';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { resultExportRoutes } from './exports';

/** Ranking, tiers, closing the round and publishing: the secretariat's end of a contest. */
export function resultRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  /** The call's results as they stand now. */
  const presentFor = async (callId: number) => presentResults(await loadResultRows(db, await findCall(db, callId)));

  mount(router, services, api.results.get, async ({ params }) => presentFor(params.id));

  mount(router, services, api.results.setTiers, async ({ params, body, run }) => {
    await run(setTiers, { callId: params.id, tiers: body.tiers });
    return presentFor(params.id);
  });

  mount(router, services, api.results.closeRound, async ({ params, body, run }) => {
    await run(closeReviewRound, { callId: params.id, reason: body.reason });
    return presentFor(params.id);
  });

  mount(router, services, api.results.publish, async ({ params, run }) => {
    await run(publishResults, { callId: params.id });
    return presentFor(params.id);
  });

  resultExportRoutes(services, router);
  return router;
}
