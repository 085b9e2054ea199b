import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { placeEntryInBulletin } from '../../commands/placeEntryInBulletin';
import { presentCaseDetail, presentCaseListItem } from '../../presenters/cases';
import { findCase, listCases, loadCaseDetail } from '../../queries/cases';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** Every member browses and searches the published excellent cases; the secretariat places them in the 简报. */
export function caseRoutes(services: AppServices, router: Router): Router {
  const { db } = services;

  mount(router, services, api.cases.list, async ({ query }) => presentPage(await listCases(db, query), presentCaseListItem));

  mount(router, services, api.cases.get, async ({ params }) => presentCaseDetail(await loadCaseDetail(db, params.id)));

  mount(router, services, api.cases.placeInBulletin, async ({ params, body, run }) => {
    const { entry, unitName } = await findCase(db, params.id);
    return run(placeEntryInBulletin, { entry, unitName, issueId: body.issueId, section: body.section, kind: 'case' });
  });

  return router;
}
