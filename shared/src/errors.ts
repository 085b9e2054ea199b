import { z } from 'zod';
import './zodLocale';

/**
 * Every error the API answers with. The HTTP status belongs to the code, so the server never
 * picks a status by hand and the client can branch on `code` alone.
 */
export const ERROR_STATUS = {
  bad_json: 400,
  invalid_input: 400,
  bind_mismatch: 400,
  wechat_code_invalid: 400,
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  deadline_passed: 409,
  payload_too_large: 413,
  headers_too_large: 431,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rate_limited: 429,
  internal: 500,
  wechat_unavailable: 502,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** Default Chinese message per code; a thrower may give a more specific one. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  bad_json: '请求内容不是有效的 JSON',
  invalid_input: '提交的内容不符合要求',
  bind_mismatch: '邀请码、姓名或手机号与名册不符',
  wechat_code_invalid: '微信登录凭证无效或已过期，请重新进入小程序',
  unauthorized: '请先登录',
  token_expired: '登录已过期，请重新登录',
  forbidden: '没有权限进行此操作',
  not_found: '请求的内容不存在',
  method_not_allowed: '不支持该请求方法',
  conflict: '与现有数据冲突',
  deadline_passed: '已超过截止时间',
  payload_too_large: '上传内容过大',
  headers_too_large: '请求头或网址过长',
  unsupported_media_type: '不支持的文件类型',
  range_not_satisfiable: '请求的文件范围无效',
  rate_limited: '操作过于频繁，请稍后再试',
  internal: '服务器内部错误，请稍后再试',
  wechat_unavailable: '微信服务暂时不可用，请稍后再试',
  service_unavailable: '服务暂时不可用，请稍后再试',
};

/**
 * What every error answer carries besides code and message: always an object, always with a
 * `reason` (a refusal of `commonRefusals` or of the endpoint's contract) and that reason's fields.
 */
export const ErrorDetails = z.looseObject({ reason: z.string() });
export type ErrorDetails = z.infer<typeof ErrorDetails>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: ErrorDetails,
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** One failing field of an `invalid_input` error: where, and why in Chinese. */
export const FieldIssue = z.object({
  path: z.string(),
  message: z.string(),
  /** The field's Chinese name, where the contract gives one (`.meta({ label: '标题' })`). */
  label: z.string().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;
