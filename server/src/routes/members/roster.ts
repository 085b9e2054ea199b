import type Router from '@koa/router';
import { api, MEMBER_KIND_LABELS, ROLE_LABELS, type MemberKind, type Role } from '@zhijian/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { branches, members, units } from '../../db/schema';
import { notFound } from '../../errors';
import { legacyError } from '../../legacyErrors';
import { authorizeUnit } from '../../policies/organisation';
import { readSheet } from '../../roster/readSheet';
import { ROSTER_COLUMNS, validateRoster } from '../../roster/validateRoster';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Roster entries of the unit that already have one of these phones, by phone: they are updated, not duplicated. */
async function existingIds(db: Queryable, unitId: number, entries: { phone: string }[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: members.id, phone: members.phone })
    .from(members)
    .where(
      and(
        eq(members.unitId, unitId),
        inArray(
          members.phone,
          entries.map((entry) => entry.phone),
        ),
      ),
    );
  return new Map(rows.map((row) => [row.phone, row.id]));
}

export function rosterRoutes(router: Router, services: AppServices): void {
  const { db, clock } = services;

  mount(router, services, api.members.importRoster, async ({ params, query, file, user }) => {
    authorizeUnit(user, params.unitId);
    if (!file) throw legacyError('invalid_input', '请选择要导入的名册文件（字段名 file）');
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, params.unitId));
    if (!unit) throw notFound('单位');
    const branchRows = await db.select({ id: branches.id, name: branches.name }).from(branches).where(eq(branches.unitId, params.unitId));
    const validation = validateRoster(await readSheet(file.buffer), new Map(branchRows.map((b) => [b.name, b.id])));
    if (!validation.ok) {
      throw legacyError('invalid_input', `名册中有 ${validation.errors.length} 处问题，未导入任何数据`, validation.errors);
    }
    const entries = validation.entries;
    if (query.dryRun) {
      const existing = await existingIds(db, params.unitId, entries);
      return { created: entries.length - existing.size, updated: existing.size, dryRun: true };
    }
    return db.transaction(async (tx) => {
      const idByPhone = await existingIds(tx, params.unitId, entries);
      for (const entry of entries) {
        const values = { name: entry.name, kind: entry.kind, branchId: entry.branchId, updatedAt: clock.now() };
        const id = idByPhone.get(entry.phone);
        if (id !== undefined) await tx.update(members).set(values).where(eq(members.id, id));
        else await tx.insert(members).values({ ...values, phone: entry.phone, unitId: params.unitId });
      }
      const counts = { created: entries.length - idByPhone.size, updated: idByPhone.size };
      await recordAudit(tx, {
        actor: user,
        action: 'member.import',
        entity: 'unit',
        entityId: params.unitId,
        after: { file: file.originalname, ...counts },
        at: clock.now(),
      });
      return { ...counts, dryRun: false };
    });
  });

  mount(router, services, api.members.exportRoster, async ({ params, user, koa }) => {
    authorizeUnit(user, params.unitId);
    const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, params.unitId));
    if (!unit) throw notFound('单位');
    const rows = await db
      .select({
        name: members.name,
        phone: members.phone,
        kind: members.kind,
        roles: members.roles,
        branch: branches.name,
        openid: members.openid,
      })
      .from(members)
      .leftJoin(branches, eq(branches.id, members.branchId))
      .where(eq(members.unitId, params.unitId))
      .orderBy(asc(members.id));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党员名册');
    sheet.columns = [
      { header: ROSTER_COLUMNS.name, key: 'name', width: 12 },
      { header: ROSTER_COLUMNS.phone, key: 'phone', width: 16 },
      { header: ROSTER_COLUMNS.kind, key: 'kind', width: 12 },
      { header: ROSTER_COLUMNS.branch, key: 'branch', width: 24 },
      { header: '角色', key: 'roles', width: 24 },
      { header: '已绑定微信', key: 'bound', width: 12 },
    ];
    for (const row of rows) {
      sheet.addRow({
        name: row.name,
        phone: row.phone,
        kind: MEMBER_KIND_LABELS[row.kind as MemberKind],
        branch: row.branch ?? '',
        roles: (row.roles as Role[]).map((role) => ROLE_LABELS[role]).join('、'),
        bound: row.openid ? '是' : '否',
      });
    }
    sheet.getRow(1).font = { bold: true };
    await recordAudit(db, {
      actor: user,
      action: 'member.export',
      entity: 'unit',
      entityId: params.unitId,
      after: { rows: rows.length },
      at: clock.now(),
    });
    const filename = `${unit.name}-党员名册.xlsx`;
    koa.set('Content-Disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    koa.set('Cache-Control', 'no-store');
    koa.type = XLSX_TYPE;
    koa.body = Buffer.from(await workbook.xlsx.writeBuffer());
    return undefined;
  });
}
