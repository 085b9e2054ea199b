import { eq } from 'drizzle-orm';
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

/**
 * Writes a checked roster file into the unit's roster, all rows or none: an entry whose phone is
 * already on the roster is updated (name, kind, branch, and 入党日期 when the sheet gives one), any
 * other is added.
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
    if (id !== undefined) await ctx.tx.update(members).set(values).where(eq(members.id, id));
    else await ctx.tx.insert(members).values({ ...values, phone: entry.phone, unitId: unit.id });
  }
  const counts = { created: entries.length - idByPhone.size, updated: idByPhone.size };
  await audit(ctx, { action: 'member.import', entity: 'unit', entityId: unit.id, after: { file: fileName, ...counts } });
  return counts;
}
