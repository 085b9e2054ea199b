import { z } from 'zod';
import { endpoint } from '../contract';
import { defineRefusals, refusal } from '../refusal';
import { VIDEO_COMMENT_MAX, VIDEO_JURY_WEIGHT, VIDEO_MAX_BYTES, VIDEO_ROUND_DAYS, VideoKind, VideoStatus } from '../domain/videos';
import { pickedDay } from './calendarFields';
import { placementRefusals } from './cases';
import { Id, IdParams } from './common';
import { uploadRefusals } from './uploads';

export const VideoRoundInput = z.object({
  title: z.string().trim().min(2, '请填写标题（至少 2 个字）').max(60).meta({ label: '标题' }),
  theme: z.string().trim().max(500).default('').meta({ label: '主题' }),
  startsOn: pickedDay('开始日期'),
  days: z.number().int().min(1).max(31).default(VIDEO_ROUND_DAYS).meta({ label: '天数' }),
  /** The 片组 featured day by day, in turn; all groups by their order when left out. */
  groupIds: z.array(Id).max(50).optional().meta({ label: '片组顺序' }),
  juryWeight: z.number().int().min(0).max(100).default(VIDEO_JURY_WEIGHT).meta({ label: '评委分占比（%）' }),
});

export const VideoRoundDay = z.object({
  date: z.string(),
  group: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  today: z.boolean(),
});

export const VideoRoundSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  theme: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: z.enum(['upcoming', 'running', 'ended']),
  juryWeight: z.number().int(),
});

/** What the reader may do with a video now; the pages show these buttons and nothing else. */
export const VideoActions = z.object({ like: z.boolean(), comment: z.boolean(), review: z.boolean(), score: z.boolean() });

export const Video = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  unit: z.object({ id: z.number().int(), name: z.string(), groupId: z.number().int() }),
  title: z.string(),
  kind: VideoKind,
  status: VideoStatus,
  statusLabel: z.string(),
  returnReason: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  sizeBytes: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** 视频号: shown with `channel-video` in WeChat. */
  channel: z.object({ finderUserName: z.string(), feedId: z.string() }).nullable(),
  hasPoster: z.boolean(),
  /** Likes counted at the last 18:00 publication; counts are not live. */
  publishedLikes: z.number().int(),
  likedToday: z.boolean(),
  /** The secretariat's score, 0–100; only the secretariat sees it. */
  juryScore: z.number().nullable(),
  commentCount: z.number().int(),
  actions: VideoActions,
  createdAt: z.string(),
});
export type Video = z.infer<typeof Video>;

export const VideoResultRow = z.object({
  rank: z.number().int(),
  videoId: z.number().int(),
  title: z.string(),
  unitName: z.string(),
  publishedLikes: z.number().int(),
  juryScore: z.number().nullable(),
  total: z.number(),
});

export const VideoRoundResults = z.object({
  juryWeight: z.number().int(),
  /** The publication these likes were counted at. */
  countedAt: z.string(),
  rows: z.array(VideoResultRow),
});

export const VideoRoundDetail = VideoRoundSummary.extend({
  schedule: z.array(VideoRoundDay),
  videos: z.array(Video),
  likesLeftToday: z.number().int(),
  lastPublishedAt: z.string(),
  nextPublishedAt: z.string(),
  /** The top three, as results stand at the last publication. */
  top: z.array(VideoResultRow),
  /** May the reader's unit upload now (a unit admin whose unit has nothing approved yet). */
  canUpload: z.boolean(),
});

export const VideoChannelInput = z.object({
  title: z.string().trim().min(2, '请填写标题（至少 2 个字）').max(60).meta({ label: '标题' }),
  finderUserName: z
    .string()
    .trim()
    .regex(/^sph[A-Za-z0-9_-]{3,40}$/, '视频号 ID 以 sph 开头')
    .meta({ label: '视频号 ID' }),
  feedId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_=+/-]{6,200}$/, '视频 feed-id 格式不正确')
    .meta({ label: '视频 feed-id' }),
});

export const VideoUploadQuery = z.object({
  title: z.string().trim().min(2, '请填写标题（至少 2 个字）').max(60).meta({ label: '标题' }),
});

export const VideoReview = z
  .object({
    approve: z.boolean().meta({ label: '是否通过' }),
    reason: z.string().trim().max(500).optional().meta({ label: '退回理由' }),
  })
  .refine((d) => d.approve || (d.reason !== undefined && d.reason.length >= 2), { path: ['reason'], message: '退回时请写明理由' });

export const VideoScore = z.object({ score: z.number().min(0).max(100).meta({ label: '评委评分' }) });

export const VideoComment = z.object({
  id: z.number().int(),
  author: z.object({ id: z.number().int(), name: z.string(), unitName: z.string().nullable() }),
  body: z.string(),
  status: z.enum(['shown', 'held', 'hidden']),
  heldLabel: z.string().nullable(),
  hiddenReason: z.string().nullable(),
  mine: z.boolean(),
  canHide: z.boolean(),
  createdAt: z.string(),
});

export const VideoCommentInput = z.object({
  body: z.string().trim().min(1, '请写评论').max(VIDEO_COMMENT_MAX, `评论不超过 ${VIDEO_COMMENT_MAX} 字`).meta({ label: '评论' }),
});

export const VideoReasonBody = z.object({
  reason: z.string().trim().min(2, '请写明理由（至少 2 个字）').max(200).meta({ label: '理由' }),
});

export const VideoPlayback = z.object({ url: z.string(), posterUrl: z.string().nullable(), expiresAt: z.string() });

export const StreamQuery = z.object({ ticket: z.string().min(10).max(300).meta({ label: '播放凭证' }) });

export const VideoPlaceInput = z.object({
  issueId: Id.meta({ label: '简报期号' }),
  top: z.number().int().min(1).max(10).default(3).meta({ label: '前几名' }),
});
export const VideoPlacement = z.object({ issueId: z.number().int(), articleId: z.number().int(), videoIds: z.array(z.number().int()) });

export const videoRefusals = defineRefusals({
  not_a_video: refusal({
    code: 'unsupported_media_type',
    details: z.object({ detected: z.string().nullable() }),
    message: '只能上传 MP4 视频（H.264 视频、AAC 音频）',
  }),
  wrong_codec: refusal({
    code: 'unsupported_media_type',
    details: z.object({ video: z.string().nullable(), audio: z.string().nullable() }),
    message: ({ video, audio }) => `视频须为 H.264 编码、音频须为 AAC 编码（本文件：视频 ${video ?? '无'}，音频 ${audio ?? '无'}）`,
  }),
  too_long: refusal({
    code: 'invalid_input',
    details: z.object({ seconds: z.number(), limit: z.number() }),
    message: ({ limit }) => `视频不能超过 ${Math.floor(limit / 60)} 分钟`,
  }),
  too_big: refusal({
    code: 'payload_too_large',
    details: z.object({ limit: z.number().int() }),
    message: ({ limit }) => `视频不能超过 ${Math.round(limit / 1024 / 1024)} MB`,
  }),
  tools_missing: refusal({ code: 'service_unavailable', message: '服务器未安装视频处理工具（ffmpeg），暂不能上传视频，请联系秘书处' }),
  already_approved: refusal({ code: 'conflict', message: '本单位在这一轮的视频已通过审核，不能再更换' }),
  no_unit: refusal({ code: 'forbidden', message: '只有会员单位的党务工作者可以上传视频' }),
  not_approved: refusal({ code: 'conflict', message: '视频尚未通过审核' }),
  not_pending: refusal({ code: 'conflict', message: '这个视频没有待审核的内容' }),
  own_unit: refusal({ code: 'forbidden', message: '不能给本单位的视频点赞' }),
  already_liked: refusal({ code: 'conflict', message: '今天已经为这个视频点过赞了，明天再来吧' }),
  daily_likes: refusal({
    code: 'conflict',
    details: z.object({ limit: z.number().int() }),
    message: ({ limit }) => `每人每天最多点赞 ${limit} 次`,
  }),
  round_not_running: refusal({ code: 'conflict', message: '这一轮击鼓传花不在进行中' }),
  ticket_invalid: refusal({ code: 'unauthorized', message: '播放链接已失效，请重新打开视频' }),
  not_a_stream: refusal({ code: 'conflict', message: '视频号视频请在微信中观看' }),
  group_not_found: refusal({ code: 'invalid_input', message: '所选片组不存在' }),
  comment_already_hidden: refusal({ code: 'conflict', message: '这条评论已被隐藏' }),
  nothing_to_place: refusal({ code: 'conflict', message: '这一轮还没有可编入简报的视频' }),
});

const uploadFailures = [
  uploadRefusals.file_missing,
  uploadRefusals.file_empty,
  uploadRefusals.file_unreadable,
  uploadRefusals.file_too_complex,
  videoRefusals.not_a_video,
  videoRefusals.wrong_codec,
  videoRefusals.too_long,
  videoRefusals.too_big,
  videoRefusals.tools_missing,
] as const;

export const videos = {
  listRounds: endpoint({
    method: 'GET',
    path: '/api/video-rounds',
    summary: '网络击鼓传花：各轮',
    access: 'signedIn',
    response: z.object({ items: z.array(VideoRoundSummary) }),
  }),
  openRound: endpoint({
    method: 'POST',
    path: '/api/video-rounds',
    summary: '开启一轮网络击鼓传花（默认 7 天，每天展示一个片组）',
    access: ['secretariat'],
    body: VideoRoundInput,
    response: VideoRoundSummary,
    status: 201,
    refusals: [videoRefusals.group_not_found],
  }),
  getRound: endpoint({
    method: 'GET',
    path: '/api/video-rounds/:id',
    summary: '一轮击鼓传花：日程、视频、点赞余量与前三名',
    access: 'signedIn',
    params: IdParams,
    response: VideoRoundDetail,
  }),
  upload: endpoint({
    method: 'POST',
    path: '/api/video-rounds/:id/videos',
    summary: '本单位上传展示视频（MP4，H.264/AAC，≤ 3 分钟，≤ 100 MB；审核后展示）',
    access: ['unit_admin'],
    params: IdParams,
    query: VideoUploadQuery,
    bodyKind: 'multipart',
    maxUploadBytes: VIDEO_MAX_BYTES,
    response: Video,
    status: 201,
    refusals: [...uploadFailures, videoRefusals.already_approved, videoRefusals.no_unit, videoRefusals.round_not_running],
  }),
  linkChannel: endpoint({
    method: 'POST',
    path: '/api/video-rounds/:id/channel-videos',
    summary: '本单位改用视频号视频（视频号 ID 与 feed-id）',
    access: ['unit_admin'],
    params: IdParams,
    body: VideoChannelInput,
    response: Video,
    status: 201,
    refusals: [videoRefusals.already_approved, videoRefusals.no_unit, videoRefusals.round_not_running],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/videos/:id',
    summary: '一个视频',
    access: 'signedIn',
    params: IdParams,
    response: Video,
  }),
  playback: endpoint({
    method: 'GET',
    path: '/api/videos/:id/playback',
    summary: '播放地址（两小时有效，供 video 组件拖动进度）',
    access: 'signedIn',
    params: IdParams,
    response: VideoPlayback,
    refusals: [videoRefusals.not_a_stream],
  }),
  stream: endpoint({
    method: 'GET',
    path: '/api/video-streams/:id',
    summary: '视频字节（支持 Range；凭播放地址中的票据，仅限党员）',
    access: 'public',
    params: IdParams,
    query: StreamQuery,
    response: z.unknown(),
    responseKind: 'binary',
    refusals: [videoRefusals.ticket_invalid],
  }),
  poster: endpoint({
    method: 'GET',
    path: '/api/video-posters/:id',
    summary: '视频封面（服务器截取的一帧）',
    access: 'public',
    params: IdParams,
    query: StreamQuery,
    response: z.unknown(),
    responseKind: 'binary',
    refusals: [videoRefusals.ticket_invalid],
  }),
  review: endpoint({
    method: 'POST',
    path: '/api/videos/:id/review',
    summary: '审核视频：通过或退回（写明理由）',
    access: ['secretariat'],
    params: IdParams,
    body: VideoReview,
    response: Video,
    refusals: [videoRefusals.not_pending],
  }),
  score: endpoint({
    method: 'POST',
    path: '/api/videos/:id/score',
    summary: '评委评分（0–100）',
    access: ['secretariat'],
    params: IdParams,
    body: VideoScore,
    response: Video,
    refusals: [videoRefusals.not_approved],
  }),
  like: endpoint({
    method: 'POST',
    path: '/api/videos/:id/like',
    summary: '点赞（每个视频每天一次，每天最多 10 次，不能给本单位）',
    access: ['member'],
    params: IdParams,
    response: Video,
    refusals: [
      videoRefusals.not_approved,
      videoRefusals.own_unit,
      videoRefusals.already_liked,
      videoRefusals.daily_likes,
      videoRefusals.round_not_running,
    ],
  }),
  comments: endpoint({
    method: 'GET',
    path: '/api/videos/:id/comments',
    summary: '视频的评论',
    access: 'signedIn',
    params: IdParams,
    response: z.object({ items: z.array(VideoComment) }),
  }),
  comment: endpoint({
    method: 'POST',
    path: '/api/videos/:id/comments',
    summary: '发表评论（不超过 200 字，经内容安全检查）',
    access: ['member'],
    params: IdParams,
    body: VideoCommentInput,
    response: VideoComment,
    status: 201,
    refusals: [videoRefusals.not_approved],
  }),
  hideComment: endpoint({
    method: 'POST',
    path: '/api/video-comments/:id/hide',
    summary: '隐藏评论（写明理由）',
    access: ['secretariat'],
    params: IdParams,
    body: VideoReasonBody,
    response: VideoComment,
    refusals: [videoRefusals.comment_already_hidden],
  }),
  results: endpoint({
    method: 'GET',
    path: '/api/video-rounds/:id/results',
    summary: '结果：评委分与点赞数各自归一后加权（默认评委 60%、点赞 40%）',
    access: 'signedIn',
    params: IdParams,
    response: VideoRoundResults,
  }),
  placeInBulletin: endpoint({
    method: 'POST',
    path: '/api/video-rounds/:id/place',
    summary: '把前几名编入简报草稿',
    access: ['secretariat'],
    params: IdParams,
    body: VideoPlaceInput,
    response: VideoPlacement,
    refusals: [placementRefusals.issue_not_draft, placementRefusals.already_in_issue, videoRefusals.nothing_to_place],
  }),
};
