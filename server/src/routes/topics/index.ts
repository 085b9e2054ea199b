import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { claimTopic } from '../../commands/claimTopic';
import { confirmTopicClaim } from '../../commands/confirmTopicClaim';
import { createTopic } from '../../commands/createTopic';
import { reassignTopicClaim } from '../../commands/reassignTopicClaim';
import { updateTopic } from '../../commands/updateTopic';
import { forbidden } from '../../errors';
import { presentTopic } from '../../presenters/topics';
import { findCall } from '../../queries/calls';
import { findTopic, loadTopic, loadTopicsOfCall } from '../../queries/topics';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** Research topics: the secretariat lists them, units (or 片组 through a unit) claim, the secretariat confirms or reassigns. */
export function topicRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.topics.list, async ({ params, user }) => {
    const call = await findCall(db, params.id);
    return { items: (await loadTopicsOfCall(db, call.id)).map((rows) => presentTopic(rows, user.unitId)) };
  });

  mount(router, services, api.topics.create, async ({ params, body, user, run }) => {
    const call = await findCall(db, params.id);
    const created = await run(createTopic, { call, input: body });
    return presentTopic(await loadTopic(db, created.id), user.unitId);
  });

  mount(router, services, api.topics.update, async ({ params, body, user, run }) => {
    const topic = await findTopic(db, params.id);
    await run(updateTopic, { topic, changes: body });
    return presentTopic(await loadTopic(db, topic.id), user.unitId);
  });

  mount(router, services, api.topics.claim, async ({ params, body, user, run }) => {
    const topic = await findTopic(db, params.id);
    if (user.unitId === null) throw forbidden('只有会员单位可以认领课题');
    await run(claimTopic, { topic, unitId: user.unitId, input: body });
    return presentTopic(await loadTopic(db, topic.id), user.unitId);
  });

  mount(router, services, api.topics.confirmClaim, async ({ params, user, run }) => {
    const claim = await run(confirmTopicClaim, { claimId: params.id });
    return presentTopic(await loadTopic(db, claim.topicId), user.unitId);
  });

  mount(router, services, api.topics.reassignClaim, async ({ params, body, user, run }) => {
    const claim = await run(reassignTopicClaim, { claimId: params.id, input: body });
    return presentTopic(await loadTopic(db, claim.topicId), user.unitId);
  });

  return router;
}
