import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { closeCall } from '../../commands/closeCall';
import { createCall } from '../../commands/createCall';
import { updateCall } from '../../commands/updateCall';
import type { Queryable } from '../../db/client';
import { isSecretariat, staffUnitOf } from '../../policies/entries';
import { presentCall } from '../../presenters/calls';
import { findCall, listCalls, loadCallCounts, type CallRow } from '../../queries/calls';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The calls with what their viewer sees counted: unit staff their unit's places, the secretariat everything handed in. */
async function presentCalls(db: Queryable, rows: CallRow[], user: CurrentUser, now: Date) {
  const counts = await loadCallCounts(
    db,
    rows.map((row) => row.id),
    { staffOfUnit: staffUnitOf(user), secretariat: isSecretariat(user) },
  );
  return rows.map((row) => presentCall(row, counts, now));
}

/** The secretariat opens, edits and closes calls; every member may read them. */
export function callRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.calls.list, async ({ query, user }) => {
    const now = clock.now();
    return { items: await presentCalls(db, await listCalls(db, query, now), user, now) };
  });

  mount(router, services, api.calls.get, async ({ params, user }) => {
    const [call] = await presentCalls(db, [await findCall(db, params.id)], user, clock.now());
    return call!;
  });

  mount(router, services, api.calls.create, async ({ body, user, run }) => {
    const created = await run(createCall, body);
    const [call] = await presentCalls(db, [created], user, clock.now());
    return call!;
  });

  mount(router, services, api.calls.update, async ({ params, body, user, run }) => {
    const updated = await run(updateCall, { callId: params.id, changes: body });
    const [call] = await presentCalls(db, [updated], user, clock.now());
    return call!;
  });

  mount(router, services, api.calls.close, async ({ params, user, run }) => {
    const closed = await run(closeCall, { callId: params.id });
    const [call] = await presentCalls(db, [closed], user, clock.now());
    return call!;
  });

  return router;
}
