import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { BulletinPlacement, PlaceInBulletinInput, placementRefusals } from './cases';
import { IdParams } from './common';
import { entryRefusals } from './entries';

export const newsRefusals = defineRefusals({
  not_news: refusal({ code: 'conflict', message: '只有信息报送可以采用进简报' }),
  already_marked_false: refusal({ code: 'conflict', message: '该信息已被标记为虚假信息' }),
});

/** 虚假信息: the secretariat's mark on a news item; it costs the author in 优秀信息员 and rules them out. */
export const MarkFalseInput = z.object({
  note: z.string().trim().min(2, '请写明认定理由').max(500, '最多 500 字').meta({ label: '认定理由' }),
});

const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().meta({ label: '年度' }) });

export const NewsCounts = z.object({
  year: z.number().int(),
  units: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      groupName: z.string(),
      reported: z.number().int(),
      adopted: z.number().int(),
    }),
  ),
  /** Per information officer (the author of the item): the basis of 优秀信息员. */
  officers: z.array(
    z.object({ memberId: z.number().int(), name: z.string(), unitName: z.string(), reported: z.number().int(), adopted: z.number().int() }),
  ),
});
export type NewsCounts = z.infer<typeof NewsCounts>;

export const news = {
  adopt: endpoint({
    method: 'POST',
    path: '/api/entries/:id/adopt',
    summary: '采用一条报送信息：作为文章编入一期简报草稿',
    access: ['secretariat'],
    params: IdParams,
    body: PlaceInBulletinInput,
    response: BulletinPlacement,
    status: 201,
    refusals: [
      newsRefusals.not_news,
      entryRefusals.transition_not_allowed,
      entryRefusals.state_changed,
      placementRefusals.issue_not_draft,
      placementRefusals.already_in_issue,
    ],
  }),
  markFalse: endpoint({
    method: 'POST',
    path: '/api/entries/:id/false-mark',
    summary: '将一条报送信息认定为虚假信息',
    access: ['secretariat'],
    params: IdParams,
    body: MarkFalseInput,
    response: z.object({ entryId: z.number().int(), markedAt: z.string() }),
    refusals: [newsRefusals.not_news, newsRefusals.already_marked_false],
  }),
  counts: endpoint({
    method: 'GET',
    path: '/api/news/counts',
    summary: '信息报送与采用数：按单位、按信息员（某一年，默认今年）',
    access: ['secretariat'],
    query: YearQuery,
    response: NewsCounts,
  }),
  exportCounts: endpoint({
    method: 'GET',
    path: '/api/news/export',
    summary: '导出信息报送与采用数（xlsx）',
    access: ['secretariat'],
    query: YearQuery,
    response: z.unknown(),
    responseKind: 'binary',
  }),
};
