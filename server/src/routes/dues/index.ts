import type Router from '@koa/router';
import { api, duesRefusals, parseMonth, shanghaiDate, uploadRefusals } from '@zhijian/shared';
import { importDues } from '../../commands/importDues';
import { recordDues } from '../../commands/recordDues';
import { removeDues } from '../../commands/removeDues';
import { validateDuesSheet } from '../../duesSheet/validateDuesSheet';
import { refuse } from '../../errors';
import { authorizeRecordKeeper, authorizeUnitRecords } from '../../policies/records';
import { presentDuesSheet, presentMyDues } from '../../presenters/dues';
import { loadDuesSheet, loadMemberDues } from '../../queries/dues';
import { findMember } from '../../queries/members';
import { rosterLines } from '../../queries/recordMembers';
import { findUnit } from '../../queries/units';
import { readSheet } from '../../roster/readSheet';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 党费: a record of months paid (nothing is charged here), kept by the unit admin, seen by the member. */
export function duesRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  /** One member's row of the unit's sheet for the year of `month`. */
  async function memberRow(unitId: number, memberId: number, month: string) {
    const year = parseMonth(month)!.year;
    const sheet = presentDuesSheet(await loadDuesSheet(db, unitId, year, memberId), clock.now());
    const row = sheet.rows[0];
    if (!row) throw refuse(duesRefusals.member_not_in_unit);
    return row;
  }

  mount(router, services, api.dues.mine, async ({ query, user }) => {
    const member = await findMember(db, user.id);
    return presentMyDues(member, await loadMemberDues(db, member, query.year), query.year, clock.now());
  });

  mount(router, services, api.dues.sheet, async ({ params, query, user }) => {
    authorizeUnitRecords(user, params.unitId);
    await findUnit(db, params.unitId);
    return presentDuesSheet(await loadDuesSheet(db, params.unitId, query.year), clock.now());
  });

  mount(router, services, api.dues.record, async ({ params, body, user, run }) => {
    authorizeRecordKeeper(user, params.unitId);
    await run(recordDues, { unitId: params.unitId, input: body });
    return memberRow(params.unitId, body.memberId, body.month);
  });

  mount(router, services, api.dues.remove, async ({ params, body, user, run }) => {
    authorizeRecordKeeper(user, params.unitId);
    await run(removeDues, { unitId: params.unitId, memberId: body.memberId, month: body.month });
    return memberRow(params.unitId, body.memberId, body.month);
  });

  /** The file is read under the sheet reader's caps (zip limits, the file worker) and checked whole before anything is written. */
  mount(router, services, api.dues.importYear, async ({ params, query, file, user, run }) => {
    authorizeRecordKeeper(user, params.unitId);
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要导入的党费表（字段名 file）');
    const rows = await readSheet(file.buffer);
    const roster = new Map((await rosterLines(db, params.unitId)).map((line) => [line.phone, line]));
    const entries = validateDuesSheet(rows, query.year, roster, shanghaiDate(clock.now()));
    return run(importDues, { unitId: params.unitId, year: query.year, entries, fileName: file.originalname });
  });
}
