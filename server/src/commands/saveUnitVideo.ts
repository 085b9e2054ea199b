import { videoRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { videos } from '../db/schema';
import { refuse } from '../errors';
import { findUnitVideo, type VideoRow } from '../queries/videos';
import { audit } from './audit';
import type { CommandContext } from './context';

/** What a unit puts up: an uploaded file (already stored) or a 视频号 feed. */
export type UnitVideoSource =
  | {
      kind: 'upload';
      storageKey: string;
      posterKey: string | null;
      sizeBytes: number;
      durationSeconds: number;
      width: number;
      height: number;
      videoCodec: string;
      audioCodec: string | null;
    }
  | { kind: 'channel'; finderUserName: string; feedId: string };

const NO_FILE = {
  storageKey: null,
  posterKey: null,
  sizeBytes: null,
  durationSeconds: null,
  width: null,
  height: null,
  videoCodec: null,
  audioCodec: null,
  finderUserName: null,
  feedId: null,
};

/**
 * One video per unit per round (a unique index): the first upload creates it, a later one before
 * approval replaces it and goes back to review. The unit's row is locked while it is replaced, so
 * two uploads at once leave one video; the files replaced are removed once the change commits.
 */
export async function saveUnitVideo(
  ctx: CommandContext,
  { roundId, unitId, title, source }: { roundId: number; unitId: number; title: string; source: UnitVideoSource },
): Promise<VideoRow> {
  const values = {
    ...NO_FILE,
    ...source,
    title,
    status: 'pending' as const,
    returnReason: null,
    juryScore: null,
    uploadedBy: ctx.actor?.id ?? null,
  };
  const [created] = await ctx.tx
    .insert(videos)
    .values({ ...values, roundId, unitId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing({ target: [videos.roundId, videos.unitId] })
    .returning();
  if (created) {
    await audit(ctx, { action: 'video.submit', entity: 'video', entityId: created.id, after: { title, kind: source.kind } });
    return created;
  }
  const before = (await findUnitVideo(ctx.tx, roundId, unitId, { lock: true }))!;
  if (before.status === 'approved') throw refuse(videoRefusals.already_approved);
  const [after] = await ctx.tx
    .update(videos)
    .set({ ...values, reviewedBy: null, reviewedAt: null, updatedAt: ctx.now })
    .where(eq(videos.id, before.id))
    .returning();
  const replaced = [before.storageKey, before.posterKey].filter((key): key is string => key !== null);
  ctx.afterCommit(() => Promise.all(replaced.map((key) => ctx.services.storage.delete(key))));
  await audit(ctx, {
    action: 'video.replace',
    entity: 'video',
    entityId: before.id,
    before: { title: before.title, kind: before.kind, status: before.status },
    after: { title, kind: source.kind },
  });
  return after!;
}
