import { api, type ApiClient, type VideoRoundInput } from '@zhijian/shared';
import type { z } from 'zod';
import { videos } from '../../../server/src/db/schema';
import { createUnit, signedInMember } from '../../support/factories';
import { postFile } from '../../support/recordFactories';
import type { TestServer } from '../../support/testServer';

export async function secretary(server: TestServer) {
  return signedInMember(server, ['secretariat'], { unitId: null });
}

/** A round starting today (the test clock's Shanghai day) unless told otherwise. */
export function openRound(client: ApiClient, overrides: Partial<z.input<typeof VideoRoundInput>> = {}) {
  return client.call(api.videos.openRound, { body: { title: '第一轮', theme: '展示基层党建特色', startsOn: '2026-11-20', ...overrides } });
}

/** A unit admin of a unit of their own. */
export async function unitAdmin(server: TestServer, groupId?: number) {
  const unit = await createUnit(server.db, groupId === undefined ? {} : { groupId });
  return { unit, ...(await signedInMember(server, ['member', 'unit_admin'], { unitId: unit.id })) };
}

export function uploadVideo(client: ApiClient, roundId: number, data: Buffer | string, name = '展示视频.mp4', title = '我们的支部') {
  return postFile(client, client.url(api.videos.upload, { params: { id: roundId }, query: { title } }), data, name);
}

/** An approved 视频号 video of a fresh unit, straight into the database (for likes and results). */
export async function approvedVideo(server: TestServer, roundId: number, options: { unitId?: number; juryScore?: number } = {}) {
  const unitId = options.unitId ?? (await createUnit(server.db)).id;
  const now = server.clock.now();
  const [row] = await server.db
    .insert(videos)
    .values({
      roundId,
      unitId,
      title: `展示视频${unitId}`,
      kind: 'channel',
      finderUserName: 'sphABCDEF',
      feedId: 'export/UzFfAgtgekIEAQAAAAAA',
      status: 'approved',
      juryScore: options.juryScore ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}
