import type { Role } from '@zhijian/shared';
import { eq, sql } from 'drizzle-orm';
import { members } from '../db/schema';
import { memberIdsByPhone } from '../queries/members';
import type { UnitRow } from '../queries/units';
import type { RosterEntry } from '../roster/validateRoster';
import { audit } from './audit';
import type { CommandContext } from './context';

export interface RosterImportCounts {
  created: number;
  updated: number;
}

/** The 书记 column on an existing entry: the role added once, taken away, or (empty cell) left as it is. */
function secretaryRole(secretary: boolean | null) {
  if (secretary === null) return {};
  return {
    roles: secretary
      ? sql<
          Role[]
        >`case when 'party_secretary' = any(${members.roles}) then ${members.roles} else array_append(${members.roles}, 'party_secretary') end`
      : sql<Role[]>`array_remove(${members.roles}, 'party_secretary')`,
  };
}

/**
 * Writes a checked roster file into the unit's roster, all rows or none: an entry whose phone is
 * already on the roster is updated (name, kind, branch, and 入党日期 when the sheet gives one), any
 * other is added. A 书记 column marks or unmarks the unit's party secretaries.
 */
export async function importRoster(
  ctx: CommandContext,
  { unit, entries, fileName }: { unit: UnitRow; entries: RosterEntry[]; fileName: string },
): Promise<RosterImportCounts> {
  const idByPhone = await memberIdsByPhone(
    ctx.tx,
    unit.id,
    entries.map((entry) => entry.phone),
  );
  for (const entry of entries) {
    const values = {
      name: entry.name,
      kind: entry.kind,
      branchId: entry.branchId,
      ...(entry.joinedPartyOn !== null && { joinedPartyOn: entry.joinedPartyOn }),
      updatedAt: ctx.now,
    };
    const id = idByPhone.get(entry.phone);
    if (id !== undefined)
      await ctx.tx
        .update(members)
        .set({ ...values, ...secretaryRole(entry.secretary) })
        .where(eq(members.id, id));
    else {
      const roles: Role[] = entry.secretary ? ['member', 'party_secretary'] : ['member'];
      await ctx.tx.insert(members).values({ ...values, roles, phone: entry.phone, unitId: unit.id });
    }
  }
  const counts = { created: entries.length - idByPhone.size, updated: idByPhone.size };
  await audit(ctx, { action: 'member.import', entity: 'unit', entityId: unit.id, after: { file: fileName, ...counts } });
  return counts;
}
