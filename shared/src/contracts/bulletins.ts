import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { changesOf, Id, IdParams, Ok, PageQuery, pageOf } from './common';
import { uploadRefusals } from './uploads';
import { BatchReport } from '../domain/bulletinBatch';

/** A run of text; bold comes from the Word original. Bodies are stored as blocks, never HTML. */
export const Span = z.object({ text: z.string().min(1).max(20_000), bold: z.boolean() });
const Spans = z.array(Span).min(1).max(200);
export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), spans: Spans }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), spans: Spans }),
  z.object({ type: z.literal('listItem'), spans: Spans }),
]);
export type Span = z.infer<typeof Span>;
export type Block = z.infer<typeof Block>;

export const IssueStatus = z.enum(['draft', 'published']);
/** 报 and 发: who the issue is reported and sent to. */
export const Distribution = z.object({
  report: z.array(z.string().trim().min(1).max(100)).max(100).meta({ label: '报送' }),
  send: z.array(z.string().trim().min(1).max(100)).max(100).meta({ label: '发送' }),
});
export type Distribution = z.infer<typeof Distribution>;

export const IssueSummary = z.object({
  id: z.number().int(),
  label: z.string(),
  year: z.number().int().nullable(),
  number: z.number().int().nullable(),
  totalNumber: z.number().int().nullable(),
  date: z.string().nullable(),
  status: IssueStatus,
  articleCount: z.number().int(),
  /** How many of its articles the signed-in reader has not read yet (0 on the secretariat's own views). */
  unreadCount: z.number().int().min(0),
  /** First article titles, for the list. */
  leadTitles: z.array(z.string()),
  publishedAt: z.string().nullable(),
});
export type IssueSummary = z.infer<typeof IssueSummary>;

/** One page of issues, grouped by year; a year that spans two pages appears on both. */
export const IssuesByYear = z.object({
  years: z.array(z.object({ year: z.number().int().nullable(), issues: z.array(IssueSummary) })),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type IssuesByYear = z.infer<typeof IssuesByYear>;

export const TocEntry = z.object({
  articleId: z.number().int(),
  title: z.string(),
  section: z.string().nullable(),
  /** The signed-in reader has read it (false on the secretariat's own views). */
  read: z.boolean(),
});

export const IssueDetail = IssueSummary.extend({
  publisher: z.string().nullable(),
  titleLines: z.array(z.string()),
  distribution: Distribution,
  /** 本期导读, derived from the articles in order. */
  toc: z.array(TocEntry),
});
export type IssueDetail = z.infer<typeof IssueDetail>;

const ArticleRef = z.object({ id: z.number().int(), title: z.string() }).nullable();

export const Article = z.object({
  id: z.number().int(),
  issueId: z.number().int(),
  issueLabel: z.string(),
  issueStatus: IssueStatus,
  position: z.number().int(),
  title: z.string(),
  section: z.string().nullable(),
  blocks: z.array(Block),
  prev: ArticleRef,
  next: ArticleRef,
  favourite: z.boolean(),
  read: z.boolean(),
  /** Seconds on the page after which the client reports the article as read. */
  secondsToRead: z.number().int(),
});
export type Article = z.infer<typeof Article>;

/** Highlighted text as segments, so no client ever renders markup from the server. */
export const Segment = z.object({ text: z.string(), hit: z.boolean() });
export type Segment = z.infer<typeof Segment>;

export const SearchHit = z.object({
  articleId: z.number().int(),
  issueId: z.number().int(),
  issueLabel: z.string(),
  date: z.string().nullable(),
  title: z.array(Segment),
  snippet: z.array(Segment),
  titleHit: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchQuery = PageQuery.extend({
  q: z.string().trim().min(2, '请至少输入两个字').max(50).meta({ label: '检索词' }),
});

export const ArticleListItem = z.object({
  articleId: z.number().int(),
  title: z.string(),
  issueId: z.number().int(),
  issueLabel: z.string(),
  at: z.string(),
});
export type ArticleListItem = z.infer<typeof ArticleListItem>;

export const IssueStats = z.object({
  issueId: z.number().int(),
  members: z.number().int(),
  readers: z.number().int(),
  groups: z.array(z.object({ groupId: z.number().int(), name: z.string(), members: z.number().int(), readers: z.number().int() })),
  units: z.array(
    z.object({ unitId: z.number().int(), name: z.string(), groupName: z.string(), members: z.number().int(), readers: z.number().int() }),
  ),
});

export type IssueStats = z.infer<typeof IssueStats>;

const YearField = z.number().int().min(1990).max(2100);
/** An issue is known by 总期, or by year + 期; the server refuses one that has neither (`issue_number_missing`). */
export const IssueInput = z.object({
  year: YearField.nullable().meta({ label: '年份' }),
  number: z.number().int().min(1).max(100).nullable().meta({ label: '期号' }),
  totalNumber: z.number().int().min(1).max(100_000).nullable().default(null).meta({ label: '总期号' }),
  date: z.iso.date().nullable().default(null).meta({ label: '出版日期' }),
  publisher: z.string().trim().max(100).nullable().default('杭州市“两新”党务工作者协会').meta({ label: '编印单位' }),
  titleLines: z.array(z.string().trim().min(1).max(50)).max(5).default(['内部刊物', '注意保存']).meta({ label: '报头文字' }),
  distribution: Distribution.default({ report: [], send: ['协会会员'] }).meta({ label: '报送范围' }),
});
export type IssueInput = z.infer<typeof IssueInput>;
/** A PATCH of an issue: a field left out keeps its value (no create-time default comes back). */
export const IssueChanges = changesOf(IssueInput);
export type IssueChanges = z.output<typeof IssueChanges>;

export const ArticleInput = z.object({
  title: z.string().trim().min(1, '请填写标题').max(200).meta({ label: '标题' }),
  section: z.string().trim().min(1).max(50).nullable().default(null).meta({ label: '栏目' }),
  blocks: z.array(Block).min(1, '正文不能为空').max(2000).meta({ label: '正文' }),
});
export type ArticleInput = z.infer<typeof ArticleInput>;
/** A PATCH of an article: a field left out keeps its value (the section is not reset). */
export const ArticleChanges = changesOf(ArticleInput);
export type ArticleChanges = z.output<typeof ArticleChanges>;

export const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1')
    .meta({ label: '仅预览' }),
  year: z.coerce.number().int().min(1990).max(2100).optional().meta({ label: '年份' }),
  number: z.coerce.number().int().min(1).max(100).optional().meta({ label: '期号' }),
  total: z.coerce.number().int().min(1).max(100_000).optional().meta({ label: '总期号' }),
  date: z.iso.date().optional().meta({ label: '出版日期' }),
});

/** The header of an imported issue, as the importer reads it (`server/src/bulletinImport`). */
export const ImportedIssue = z.object({
  year: z.number().int().nullable(),
  number: z.number().int().nullable(),
  totalNumber: z.number().int().nullable(),
  /** YYYY-MM-DD. */
  date: z.string().nullable(),
  /** The body named on the `…编印` line. */
  publisher: z.string().nullable(),
  distribution: z.object({ report: z.array(z.string()), send: z.array(z.string()) }),
});
export type ImportedIssue = z.infer<typeof ImportedIssue>;

/** The importer's dry-run document (the same JSON as `npm run import:bulletin -- --dry-run --json`). */
export const DryRunDocument = z.object({
  issue: ImportedIssue,
  articles: z.array(z.object({ title: z.string(), section: z.string().nullable(), paragraphs: z.array(z.string()) })),
  warnings: z.array(z.string()),
});

export const ImportResult = z.object({
  dryRun: z.boolean(),
  /** Null on a dry run. */
  issueId: z.number().int().nullable(),
  /** False when an issue with the same 总期 (or year + 期) was updated instead. */
  created: z.boolean(),
  document: DryRunDocument,
});
export type DryRunDocument = z.infer<typeof DryRunDocument>;
export type ImportResult = z.infer<typeof ImportResult>;

const ArticleParams = z.object({ id: Id.meta({ label: '文章' }) });

/**
 * Why the 简报 endpoints refuse, besides bad input and missing records. The importer's file
 * refusals are the upload ones (`uploadRefusals`: empty, unreadable, wrong type) and `not_a_bulletin`.
 */
export const bulletinRefusals = defineRefusals({
  issue_number_missing: refusal({
    code: 'invalid_input',
    message: '无法确定期号：请填写总期号，或年份和期号',
  }),
  issue_number_taken: refusal({
    code: 'conflict',
    /** The issue that already carries the 期号, and its label. */
    details: z.object({ issueId: z.number().int(), label: z.string() }),
    message: ({ label }) => `${label}已存在，请核对期号`,
  }),
  issue_already_published: refusal({
    code: 'conflict',
    details: z.object({ publishedAt: z.string() }),
    message: '本期简报已经发布',
  }),
  issue_has_no_articles: refusal({ code: 'invalid_input', message: '没有文章的简报不能发布' }),
  article_order_mismatch: refusal({
    code: 'invalid_input',
    /** The issue's articles in their current order. */
    details: z.object({ articleIds: z.array(z.number().int()) }),
    message: '新的顺序必须恰好包含本期的全部文章',
  }),
  not_a_bulletin: refusal({
    code: 'invalid_input',
    message: '这不是一期协会简报：既没有报头（如“2016 年第 2 期 总第 36 期”），也没有以 ☆ 开头的文章标题',
  }),
});

export const bulletins = {
  listIssues: endpoint({
    method: 'GET',
    path: '/api/bulletins/issues',
    summary: '简报列表（按年分组，新的在前，分页；秘书处可见草稿）',
    access: 'signedIn',
    query: PageQuery.extend({ status: IssueStatus.optional().meta({ label: '状态' }) }),
    response: IssuesByYear,
    etag: true,
  }),
  getIssue: endpoint({
    method: 'GET',
    path: '/api/bulletins/issues/:id',
    summary: '一期简报及本期导读',
    access: 'signedIn',
    params: IdParams,
    response: IssueDetail,
    etag: true,
  }),
  getArticle: endpoint({
    method: 'GET',
    path: '/api/bulletins/articles/:id',
    summary: '简报文章（含上一篇、下一篇）',
    access: 'signedIn',
    params: ArticleParams,
    response: Article,
    etag: true,
  }),
  search: endpoint({
    method: 'GET',
    path: '/api/bulletins/search',
    summary: '全文检索简报（标题命中优先）',
    access: 'signedIn',
    query: SearchQuery,
    response: pageOf(SearchHit),
  }),
  reportRead: endpoint({
    method: 'POST',
    path: '/api/bulletins/articles/:id/read',
    summary: '报告阅读时长；达到阅读标准即记为已读',
    access: 'signedIn',
    params: ArticleParams,
    body: z.object({
      seconds: z
        .number()
        .min(0)
        .max(24 * 3600)
        .meta({ label: '阅读时长（秒）' }),
      /**
       * When the reading happened, for a read made offline and reported later. The server holds it
       * within the last 7 days, after the issue's publication and not after its own clock.
       */
      readAt: z.iso
        .datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区），如 2026-12-31T18:00:00+08:00' })
        .optional()
        .meta({ label: '阅读时间' }),
    }),
    response: z.object({ read: z.boolean(), secondsToRead: z.number().int() }),
  }),
  favourite: endpoint({
    method: 'PUT',
    path: '/api/bulletins/articles/:id/favourite',
    summary: '收藏文章',
    access: 'signedIn',
    params: ArticleParams,
    response: z.object({ favourite: z.boolean() }),
  }),
  unfavourite: endpoint({
    method: 'DELETE',
    path: '/api/bulletins/articles/:id/favourite',
    summary: '取消收藏',
    access: 'signedIn',
    params: ArticleParams,
    response: z.object({ favourite: z.boolean() }),
  }),
  myFavourites: endpoint({
    method: 'GET',
    path: '/api/me/favourites',
    summary: '我的收藏',
    access: 'signedIn',
    query: PageQuery,
    response: pageOf(ArticleListItem),
  }),
  myReads: endpoint({
    method: 'GET',
    path: '/api/me/reads',
    summary: '我的阅读记录',
    access: 'signedIn',
    query: PageQuery,
    response: pageOf(ArticleListItem),
  }),
  subscribe: endpoint({
    method: 'POST',
    path: '/api/bulletins/subscription',
    summary: '记录一次简报更新提醒的订阅（用户在微信订阅消息弹窗中同意后调用）',
    access: 'signedIn',
    response: z.object({ remaining: z.number().int() }),
  }),
  stats: endpoint({
    method: 'GET',
    path: '/api/bulletins/issues/:id/stats',
    summary: '本期阅读情况：各片组、各单位已读人数',
    access: ['secretariat'],
    params: IdParams,
    response: IssueStats,
  }),
  createIssue: endpoint({
    method: 'POST',
    path: '/api/bulletins/issues',
    summary: '新建一期简报（草稿）',
    access: ['secretariat'],
    body: IssueInput,
    response: IssueDetail,
    status: 201,
    refusals: [bulletinRefusals.issue_number_missing, bulletinRefusals.issue_number_taken],
  }),
  updateIssue: endpoint({
    method: 'PATCH',
    path: '/api/bulletins/issues/:id',
    summary: '修改简报信息（已发布的也可更正，留审计记录）',
    access: ['secretariat'],
    params: IdParams,
    body: IssueChanges,
    response: IssueDetail,
    refusals: [bulletinRefusals.issue_number_missing, bulletinRefusals.issue_number_taken],
  }),
  addArticle: endpoint({
    method: 'POST',
    path: '/api/bulletins/issues/:id/articles',
    summary: '向简报添加文章（排在最后）',
    access: ['secretariat'],
    params: IdParams,
    body: ArticleInput,
    response: Article,
    status: 201,
  }),
  updateArticle: endpoint({
    method: 'PATCH',
    path: '/api/bulletins/articles/:id',
    summary: '修改文章',
    access: ['secretariat'],
    params: ArticleParams,
    body: ArticleChanges,
    response: Article,
  }),
  removeArticle: endpoint({
    method: 'DELETE',
    path: '/api/bulletins/articles/:id',
    summary: '删除文章',
    access: ['secretariat'],
    params: ArticleParams,
    response: Ok,
  }),
  reorder: endpoint({
    method: 'PUT',
    path: '/api/bulletins/issues/:id/order',
    summary: '调整文章顺序',
    access: ['secretariat'],
    params: IdParams,
    body: z.object({ articleIds: z.array(Id).min(1).max(200).meta({ label: '文章顺序' }) }),
    response: IssueDetail,
    refusals: [bulletinRefusals.article_order_mismatch],
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/bulletins/issues/:id/publish',
    summary: '发布简报，可选择向订阅的党员发送微信提醒',
    access: ['secretariat'],
    params: IdParams,
    body: z.object({ notify: z.boolean().default(false).meta({ label: '发送提醒' }) }),
    /** `notified`: how many reminders the messaging service accepted (sent after the issue is published). */
    response: z.object({ issue: IssueDetail, notified: z.number().int() }),
    refusals: [bulletinRefusals.issue_already_published, bulletinRefusals.issue_has_no_articles],
  }),
  importIssue: endpoint({
    method: 'POST',
    path: '/api/bulletins/import',
    summary: '导入往期简报（.docx、.doc、.wps、.pdf 或 .txt）；同一期再次导入将更新而非重复',
    access: ['secretariat'],
    query: ImportQuery,
    bodyKind: 'multipart',
    maxUploadBytes: 10 * 1024 * 1024,
    response: ImportResult,
    refusals: [
      uploadRefusals.file_missing,
      uploadRefusals.file_empty,
      uploadRefusals.file_unreadable,
      uploadRefusals.file_type_refused,
      uploadRefusals.file_too_complex,
      bulletinRefusals.not_a_bulletin,
      bulletinRefusals.issue_number_missing,
      bulletinRefusals.issue_number_taken,
    ],
  }),
  importReport: endpoint({
    method: 'POST',
    path: '/api/bulletins/import/report',
    summary: '导入往期的报告（xlsx）：新建、更新、跳过、未能导入及原因、文章数、未处理的提示',
    access: ['secretariat'],
    body: BatchReport,
    response: z.unknown(),
    responseKind: 'binary',
  }),
};
