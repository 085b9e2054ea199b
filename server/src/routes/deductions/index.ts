import type Router from '@koa/router';
import { api, deductionRefusals } from '@zhijian/shared';
import { appealDeduction } from '../../commands/appealDeduction';
import { decideAppeal } from '../../commands/decideAppeal';
import { recordDeduction } from '../../commands/recordDeduction';
import { recordSanction } from '../../commands/recordSanction';
import { refuse } from '../../errors';
import { authorizeDecisionOnOther, authorizeMemberRecordView, authorizeRecordKeeper, authorizeUnitRecords } from '../../policies/records';
import { presentDeduction, presentSanction } from '../../presenters/deductions';
import {
  findDeduction,
  listMemberDeductions,
  listSanctions,
  listUnitDeductions,
  loadDeduction,
  loadSanction,
} from '../../queries/deductions';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 反向扣分 with its appeal, and 纪律处分 (清零): the unit admin records, the member appeals, the unit admin decides. */
export function deductionRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.deductions.mine, async ({ query, user }) => {
    const now = clock.now();
    return presentPage(await listMemberDeductions(db, user.id, query), (row) => presentDeduction(row, now));
  });

  mount(router, services, api.deductions.get, async ({ params, user }) => {
    const row = await loadDeduction(db, params.id);
    authorizeMemberRecordView(user, row.deduction, deductionRefusals.deduction_not_own, '只能查看本单位党员的扣分记录');
    return presentDeduction(row, clock.now());
  });

  mount(router, services, api.deductions.record, async ({ params, body, user, run }) => {
    authorizeRecordKeeper(user, params.unitId);
    const row = await run(recordDeduction, { unitId: params.unitId, input: body });
    return presentDeduction(await loadDeduction(db, row.id), clock.now());
  });

  mount(router, services, api.deductions.listForUnit, async ({ params, query, user }) => {
    authorizeUnitRecords(user, params.unitId);
    const now = clock.now();
    return presentPage(await listUnitDeductions(db, params.unitId, query, now), (row) => presentDeduction(row, now));
  });

  mount(router, services, api.deductions.appeal, async ({ params, body, user, run }) => {
    const deduction = await findDeduction(db, params.id);
    if (deduction.memberId !== user.id) throw refuse(deductionRefusals.deduction_not_own);
    await run(appealDeduction, { deductionId: deduction.id, memberId: user.id, text: body.text });
    return presentDeduction(await loadDeduction(db, deduction.id), clock.now());
  });

  mount(router, services, api.deductions.decideAppeal, async ({ params, body, user, run }) => {
    const deduction = await findDeduction(db, params.id);
    authorizeRecordKeeper(user, deduction.unitId);
    authorizeDecisionOnOther(user, deduction, '不能处理自己的申诉');
    await run(decideAppeal, { deductionId: deduction.id, decision: body });
    return presentDeduction(await loadDeduction(db, deduction.id), clock.now());
  });

  mount(router, services, api.deductions.recordSanction, async ({ params, body, user, run }) => {
    authorizeRecordKeeper(user, params.unitId);
    const row = await run(recordSanction, { unitId: params.unitId, input: body });
    return presentSanction(await loadSanction(db, row.id));
  });

  /** The secretariat sees every unit's sanctions; a unit admin (without the secretariat role) their own unit's. */
  mount(router, services, api.deductions.listSanctions, async ({ query, user }) => {
    const unitId = user.roles.includes('secretariat') ? undefined : (user.unitId ?? -1);
    return presentPage(await listSanctions(db, { unitId, year: query.year }, query), presentSanction);
  });
}
