import type Router from '@koa/router';
import { api, formatDate, shanghaiDate, uploadRefusals } from '@zhijian/shared';
import { exportRoster } from '../../commands/exportRoster';
import { importRoster } from '../../commands/importRoster';
import { refuse } from '../../errors';
import { sendWorkbook } from '../../exports/sendWorkbook';
import { authorizeUnit } from '../../policies/organisation';
import { branchIdsByName, memberIdsByPhone } from '../../queries/members';
import { findUnit } from '../../queries/units';
import { readSheet } from '../../roster/readSheet';
import { validateRoster } from '../../roster/validateRoster';
import { rosterWorkbook } from '../../roster/writeSheet';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** The roster as a file: imported whole from xlsx or CSV (or only checked, `dryRun`), exported as xlsx. */
export function rosterRoutes(router: Router, services: AppServices): void {
  const { db, clock } = services;

  mount(router, services, api.members.importRoster, async ({ params, query, file, user, run }) => {
    authorizeUnit(user, params.unitId);
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要导入的名册文件（字段名 file）');
    const unit = await findUnit(db, params.unitId);
    const today = formatDate(shanghaiDate(clock.now()));
    const entries = validateRoster(await readSheet(file.buffer), await branchIdsByName(db, unit.id), today);
    if (query.dryRun) {
      const existing = await memberIdsByPhone(
        db,
        unit.id,
        entries.map((entry) => entry.phone),
      );
      return { created: entries.length - existing.size, updated: existing.size, dryRun: true };
    }
    const counts = await run(importRoster, { unit, entries, fileName: file.originalname });
    return { ...counts, dryRun: false };
  });

  mount(router, services, api.members.exportRoster, async ({ params, user, koa, run }) => {
    authorizeUnit(user, params.unitId);
    const unit = await findUnit(db, params.unitId);
    const rows = await run(exportRoster, { unit });
    await sendWorkbook(koa, rosterWorkbook(rows), `${unit.name}-党员名册.xlsx`, 'roster.xlsx');
    return undefined;
  });
}
