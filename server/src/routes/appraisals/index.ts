import type Router from '@koa/router';
import { api, publishedAsOf } from '@zhijian/shared';
import { recordAppraisals } from '../../commands/recordAppraisals';
import { authorizeRecordKeeper, authorizeUnitRecords } from '../../policies/records';
import { presentAppraisalSheet } from '../../presenters/appraisals';
import { loadAppraisalSheet, type AppraisalSheetRows } from '../../queries/appraisals';
import { loadPioneerIndexes } from '../../queries/pioneerIndex';
import { findUnit } from '../../queries/units';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/**
 * 民主评议: the branch decides each member's tier for a year; the unit admin records it. The sheet
 * sets the advisory index tier beside it (`indexTier`, as of the end of last month, as others see the index).
 */
export function appraisalRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  async function present(rows: AppraisalSheetRows) {
    const ids = rows.roster.map((line) => line.id);
    const indexes = await loadPioneerIndexes(db, ids, rows.year, publishedAsOf(clock.now()));
    return presentAppraisalSheet(rows, new Map([...indexes.byMember].map(([id, breakdown]) => [id, breakdown.tier])));
  }

  mount(router, services, api.appraisals.sheet, async ({ params, query, user }) => {
    authorizeUnitRecords(user, params.unitId);
    await findUnit(db, params.unitId);
    return present(await loadAppraisalSheet(db, params.unitId, query.year));
  });

  mount(router, services, api.appraisals.record, async ({ params, body, user, run }) => {
    authorizeRecordKeeper(user, params.unitId);
    await run(recordAppraisals, { unitId: params.unitId, input: body });
    return present(await loadAppraisalSheet(db, params.unitId, body.year));
  });
}
