import { api, type ApiClient } from '@zhijian/shared';
import sharp from 'sharp';
import { postFile } from '../../support/recordFactories';

export const wishBody = (overrides: Partial<{ title: string; reason: string; estimatedValue: number; deadline: string }> = {}) => ({
  title: '一台助听器',
  reason: '老党员听力下降，参加组织生活听不清发言',
  estimatedValue: 300,
  deadline: '2026-12-31',
  ...overrides,
});

/** The unit admin publishes a unit-only wish for `wisherId`; answers the wish. */
export function publish(
  admin: ApiClient,
  wisherId: number,
  overrides: Parameters<typeof wishBody>[0] & { scope?: 'unit' | 'association' } = {},
) {
  const { scope = 'unit', ...rest } = overrides;
  return admin.call(api.wishes.publish, { body: { ...wishBody(rest), wisherId, scope } });
}

export function photo(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#b91c1c' } })
    .jpeg()
    .toBuffer();
}

export async function uploadPhoto(client: ApiClient, wishId: number, data?: Buffer) {
  return postFile(client, client.url(api.wishes.uploadPhoto, { params: { id: wishId } }), data ?? (await photo()), 'photo.jpg');
}

/** Claims, marks contacted, uploads a photo and marks realised, as the claimer. */
export async function realise(claimer: ApiClient, wishId: number) {
  await claimer.call(api.wishes.claim, { params: { id: wishId } });
  await claimer.call(api.wishes.markContacted, { params: { id: wishId } });
  const upload = await uploadPhoto(claimer, wishId);
  if (upload.status !== 201) throw new Error(`upload answered ${upload.status}`);
  return claimer.call(api.wishes.markRealised, { params: { id: wishId } });
}
