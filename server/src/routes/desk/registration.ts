import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { prescreenEntry } from '../../commands/prescreenEntry';
import { registerEntry } from '../../commands/registerEntry';
import { registerSubmittedEntries } from '../../commands/registerSubmittedEntries';
import { presentDeskEntryItem } from '../../presenters/desk';
import { presentEntry } from '../../presenters/entries';
import { findCall } from '../../queries/calls';
import { listCallEntries, loadEntryDetail } from '../../queries/entries';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The secretariat's desk: what came in, registration in order, and the pre-screen. */
export function deskRegistrationRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.desk.entries, async ({ params, query }) => {
    const call = await findCall(db, params.id);
    return presentPage(await listCallEntries(db, call.id, query), presentDeskEntryItem);
  });

  mount(router, services, api.desk.register, async ({ params, run }) => {
    await run(registerEntry, { entryId: params.id });
    return presentEntry(await loadEntryDetail(db, params.id), 'secretariat', clock.now());
  });

  mount(router, services, api.desk.registerAll, async ({ params, run }) => {
    const call = await findCall(db, params.id);
    return { registered: await run(registerSubmittedEntries, { callId: call.id }) };
  });

  mount(router, services, api.desk.prescreen, async ({ params, body, run }) => {
    await run(prescreenEntry, { entryId: params.id, decision: body.decision, comment: body.comment ?? null });
    return presentEntry(await loadEntryDetail(db, params.id), 'secretariat', clock.now());
  });
}
