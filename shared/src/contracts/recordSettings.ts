import { z } from 'zod';
import { endpoint } from '../contract';
import { RecordSettings } from '../domain/record';

/** The rules in effect, and since when. */
export const RecordSettingsView = z.object({
  settings: RecordSettings,
  effectiveFrom: z.string().nullable(),
  /** Earlier versions, newest first: what applied to the points already written. */
  history: z.array(z.object({ effectiveFrom: z.string(), createdBy: z.string().nullable() })),
});
export type RecordSettingsView = z.infer<typeof RecordSettingsView>;

export const recordSettings = {
  get: endpoint({
    method: 'GET',
    path: '/api/record-settings',
    summary: '积分与先锋指数规则（现行）',
    access: 'signedIn',
    response: RecordSettingsView,
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/record-settings',
    summary: '修改积分与先锋指数规则（自保存时起生效，不改写已有记录）',
    access: ['secretariat'],
    body: RecordSettings,
    response: RecordSettingsView,
  }),
};
