import { commonRefusals, formatDate, memberRefusals, shanghaiDate, type MemberInput } from '@zhijian/shared';
import type { Queryable } from '../db/client';
import { members } from '../db/schema';
import { refuse } from '../errors';
import { presentMemberForAudit } from '../presenters/members';
import { isBranchOfUnit, phoneTaken, type MemberRow } from '../queries/members';
import { findUnit } from '../queries/units';
import { audit } from './audit';
import type { CommandContext } from './context';

/** A branch given for an entry must be one of its unit's (a bad-input answer on the field). */
export async function refuseForeignBranch(db: Queryable, branchId: number | null | undefined, unitId: number): Promise<void> {
  if (branchId === null || branchId === undefined || (await isBranchOfUnit(db, branchId, unitId))) return;
  throw refuse(commonRefusals.invalid_fields, {
    issues: [{ path: 'body.branchId', label: '党组织', message: '所选党组织不属于本单位' }],
  });
}

/** 入党日期 is a day that has come (Asia/Shanghai, by the server's clock): a bad-input answer on the field. */
export function refuseFutureJoining(joinedPartyOn: string | null | undefined, now: Date): void {
  if (!joinedPartyOn || joinedPartyOn <= formatDate(shanghaiDate(now))) return;
  throw refuse(commonRefusals.invalid_fields, {
    issues: [{ path: 'body.joinedPartyOn', label: '入党日期', message: '入党日期不能晚于今天' }],
  });
}

/** A phone appears once per unit; the unique key holds it against a concurrent write too (409 either way). */
export async function refuseTakenPhone(db: Queryable, unitId: number, phone: string, exceptId?: number): Promise<void> {
  if (await phoneTaken(db, unitId, phone, exceptId)) throw refuse(memberRefusals.phone_taken);
}

/** A new entry on the unit's roster; it binds a WeChat account later, with the unit's invite code. */
export async function createMember(ctx: CommandContext, { unitId, input }: { unitId: number; input: MemberInput }): Promise<MemberRow> {
  await findUnit(ctx.tx, unitId);
  await refuseForeignBranch(ctx.tx, input.branchId, unitId);
  refuseFutureJoining(input.joinedPartyOn, ctx.now);
  await refuseTakenPhone(ctx.tx, unitId, input.phone);
  const [created] = await ctx.tx
    .insert(members)
    .values({ ...input, branchId: input.branchId ?? null, joinedPartyOn: input.joinedPartyOn ?? null, unitId, updatedAt: ctx.now })
    .returning();
  await audit(ctx, { action: 'member.create', entity: 'member', entityId: created!.id, after: presentMemberForAudit(created!) });
  return created!;
}
