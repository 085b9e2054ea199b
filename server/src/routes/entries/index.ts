import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { createEntry } from '../../commands/createEntry';
import { submitEntry } from '../../commands/submitEntry';
import { updateEntry } from '../../commands/updateEntry';
import { withdrawEntry } from '../../commands/withdrawEntry';
import { authorizeEntryCreate, authorizeEntryView, authorizeEntryWrite } from '../../policies/entries';
import { presentEntry, presentEntryListItem } from '../../presenters/entries';
import { findCall } from '../../queries/calls';
import { findEntry, listUnitEntries, loadEntryDetail } from '../../queries/entries';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { entryFileRoutes } from './files';

/** Units write, submit and withdraw their entries; the entry limit and the close time are the server's. */
export function entryRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  /** The entry as its unit sees it after a change. */
  const presentForUnit = async (id: number) => presentEntry(await loadEntryDetail(db, id), 'unit', clock.now());

  mount(router, services, api.entries.mine, async ({ query, user }) => {
    if (user.unitId === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    return presentPage(await listUnitEntries(db, user.unitId, query), presentEntryListItem);
  });

  mount(router, services, api.entries.create, async ({ params, body, user, run }) => {
    const call = await findCall(db, params.id);
    const unitId = authorizeEntryCreate(user);
    const created = await run(createEntry, { call, unitId, contactName: user.name, input: body });
    return presentForUnit(created.id);
  });

  mount(router, services, api.entries.get, async ({ params, user }) => {
    const view = authorizeEntryView(user, await findEntry(db, params.id));
    return presentEntry(await loadEntryDetail(db, params.id), view, clock.now());
  });

  mount(router, services, api.entries.update, async ({ params, body, user, run }) => {
    authorizeEntryWrite(user, await findEntry(db, params.id));
    await run(updateEntry, { entryId: params.id, changes: body });
    return presentForUnit(params.id);
  });

  mount(router, services, api.entries.submit, async ({ params, user, run }) => {
    authorizeEntryWrite(user, await findEntry(db, params.id));
    await run(submitEntry, { entryId: params.id });
    return presentForUnit(params.id);
  });

  mount(router, services, api.entries.withdraw, async ({ params, body, user, run }) => {
    authorizeEntryWrite(user, await findEntry(db, params.id));
    await run(withdrawEntry, { entryId: params.id, reason: body.reason ?? null });
    return presentForUnit(params.id);
  });

  entryFileRoutes(services, router);
  return router;
}
