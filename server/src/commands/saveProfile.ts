import type { ProfileInput } from '@zhijian/shared';
import type { ContentVerdict } from '../contentCheck/contentChecker';
import { profiles } from '../db/schema';
import type { ProfileRow } from '../queries/profiles';
import { audit } from './audit';
import type { CommandContext } from './context';

/** Saves the member's 亮身份 profile; text the content check holds waits for the unit admin before others see it. */
export async function saveProfile(
  ctx: CommandContext,
  { memberId, input, verdict }: { memberId: number; input: ProfileInput; verdict: ContentVerdict },
): Promise<ProfileRow> {
  const values = {
    skills: [...new Set(input.skills)],
    promises: input.promises,
    public: input.public,
    heldReason: verdict.verdict === 'review' ? `内容待审核${verdict.label ? `（${verdict.label}）` : ''}` : null,
    updatedAt: ctx.now,
  };
  const [row] = await ctx.tx
    .insert(profiles)
    .values({ memberId, ...values })
    .onConflictDoUpdate({ target: profiles.memberId, set: values })
    .returning();
  await audit(ctx, { action: 'profile.save', entity: 'profile', entityId: memberId, after: row });
  return row!;
}
