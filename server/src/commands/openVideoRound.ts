import { videoRefusals, type VideoRoundInput } from '@zhijian/shared';
import type { z } from 'zod';
import { videoRounds } from '../db/schema';
import { refuse } from '../errors';
import { existingGroupIds, groupIdsInOrder, type VideoRoundRow } from '../queries/videos';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The secretariat opens a round: the 片组 featured day by day are the given ones, or every group in order. */
export async function openVideoRound(ctx: CommandContext, { input }: { input: z.output<typeof VideoRoundInput> }): Promise<VideoRoundRow> {
  let groupIds = input.groupIds ?? (await groupIdsInOrder(ctx.tx));
  if (input.groupIds) {
    const known = await existingGroupIds(ctx.tx, input.groupIds);
    if (input.groupIds.some((id) => !known.has(id))) throw refuse(videoRefusals.group_not_found);
    groupIds = [...new Set(input.groupIds)];
  }
  const [round] = await ctx.tx
    .insert(videoRounds)
    .values({
      title: input.title,
      theme: input.theme,
      startsOn: input.startsOn,
      days: input.days,
      featuredGroupIds: groupIds,
      juryWeight: input.juryWeight,
      createdBy: ctx.actor?.id ?? null,
      createdAt: ctx.now,
    })
    .returning();
  await audit(ctx, { action: 'video_round.open', entity: 'video_round', entityId: round!.id, after: round });
  return round!;
}
