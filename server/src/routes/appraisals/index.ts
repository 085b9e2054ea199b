import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { recordAppraisals } from '../../commands/recordAppraisals';
import { authorizeRecordKeeper, authorizeUnitRecords } from '../../policies/records';
import { presentAppraisalSheet } from '../../presenters/appraisals';
import { loadAppraisalSheet } from '../../queries/appraisals';
import { findUnit } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/**
 * 民主评议: the branch decides each member's tier for a year; the unit admin records it. The sheet
 * sets the advisory index tier beside it — empty until the index's query is merged (`indexTier`).
 */
export function appraisalRoutes(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.appraisals.sheet, async ({ params, query, user }) => {
    authorizeUnitRecords(user, params.unitId);
    await findUnit(db, params.unitId);
    return presentAppraisalSheet(await loadAppraisalSheet(db, params.unitId, query.year));
  });

  mount(router, services, api.appraisals.record, async ({ params, body, user, run }) => {
    authorizeRecordKeeper(user, params.unitId);
    await run(recordAppraisals, { unitId: params.unitId, input: body });
    return presentAppraisalSheet(await loadAppraisalSheet(db, params.unitId, body.year));
  });
}
