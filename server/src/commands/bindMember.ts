import { authRefusals, normalizePhone } from '@zhijian/shared';
import { and, eq, isNull, or } from 'drizzle-orm';
import { members } from '../db/schema';
import { refuse } from '../errors';
import { findBindMatch, findMemberIdByOpenid } from '../queries/members';
import { audit } from './audit';
import type { CommandContext } from './context';

export interface BindClaim {
  /** The WeChat account, as the bind ticket proves it. */
  openid: string;
  inviteCode: string;
  name: string;
  phone: string;
}

/**
 * Binds a WeChat account to the roster entry that invite code, name and phone all name, and
 * answers the entry's id. One answer for any mismatch (`bind_mismatch`): which part was wrong is
 * never revealed. An entry keeps one openid and an openid one entry.
 */
export async function bindMember(ctx: CommandContext, claim: BindClaim): Promise<number> {
  const { openid } = claim;
  const match = await findBindMatch(ctx.tx, { inviteCode: claim.inviteCode, name: claim.name, phone: normalizePhone(claim.phone) });
  if (!match) throw refuse(authRefusals.bind_mismatch);
  if (match.openid && match.openid !== openid) throw refuse(authRefusals.member_bound_elsewhere);
  const holder = await findMemberIdByOpenid(ctx.tx, openid);
  if (holder !== undefined && holder !== match.id) throw refuse(authRefusals.wechat_bound_elsewhere);
  // Compare-and-set: of two accounts binding the same entry at once, the second finds it taken.
  // The same account binding two entries at once meets the unique key on openid (409).
  const [bound] = await ctx.tx
    .update(members)
    .set({ openid, updatedAt: ctx.now })
    .where(and(eq(members.id, match.id), or(isNull(members.openid), eq(members.openid, openid))))
    .returning({ id: members.id });
  if (!bound) throw refuse(authRefusals.member_bound_elsewhere);
  if (match.openid === null) {
    await audit(ctx, { action: 'member.bind', entity: 'member', entityId: match.id, before: { bound: false }, after: { bound: true } });
  }
  return match.id;
}
