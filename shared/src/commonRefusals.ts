import { z } from 'zod';
import { FieldIssue } from './errors';
import { defineRefusals, refusal } from './refusal';

/**
 * Refusals any endpoint may give, so no contract lists them: bad input, sign-in, roles, missing
 * records, transport limits. Domain refusals live in their resource's contract.
 */
export const commonRefusals = defineRefusals({
  invalid_fields: refusal({
    code: 'invalid_input',
    details: z.object({ issues: z.array(FieldIssue) }),
    message: ({ issues }) =>
      issues[0] ? `提交的内容不符合要求：${issues[0].label ?? issues[0].path} ${issues[0].message}` : '提交的内容不符合要求',
  }),
  bad_json: refusal({ code: 'bad_json', message: '请求内容不是有效的 JSON' }),
  unauthorized: refusal({ code: 'unauthorized', message: '请先登录' }),
  token_expired: refusal({ code: 'token_expired', message: '登录已过期，请重新登录' }),
  forbidden: refusal({ code: 'forbidden', message: '没有权限进行此操作' }),
  not_found: refusal({
    code: 'not_found',
    details: z.object({ resource: z.string() }),
    message: ({ resource }) => `${resource}不存在`,
  }),
  route_not_found: refusal({ code: 'not_found', message: '接口不存在' }),
  method_not_allowed: refusal({
    code: 'method_not_allowed',
    details: z.object({ allow: z.array(z.string()) }),
    message: ({ allow }) => (allow.length ? `不支持该请求方法，可用：${allow.join('、')}` : '不支持该请求方法'),
  }),
  payload_too_large: refusal({
    code: 'payload_too_large',
    details: z.object({ limitBytes: z.number().int().optional() }),
    message: ({ limitBytes }) => (limitBytes ? `上传内容过大，不能超过 ${formatBytes(limitBytes)}` : '上传内容过大'),
  }),
  headers_too_large: refusal({
    code: 'headers_too_large',
    details: z.object({ limitBytes: z.number().int() }),
    message: ({ limitBytes }) => `请求头或网址过长，合计不能超过 ${formatBytes(limitBytes)}`,
  }),
  unsupported_media_type: refusal({ code: 'unsupported_media_type', message: '不支持的内容类型' }),
  rate_limited: refusal({ code: 'rate_limited', message: '操作过于频繁，请稍后再试' }),
  /** A Range header past the end of a file (any file endpoint). */
  range_not_satisfiable: refusal({
    code: 'range_not_satisfiable',
    details: z.object({ size: z.number().int() }),
    message: ({ size }) => `请求的范围超出文件大小（${size} 字节）`,
  }),
  body_unreadable: refusal({ code: 'invalid_input', message: '请求内容无法解码（与 Content-Encoding 声明的压缩格式不符）' }),
  upload_malformed: refusal({ code: 'invalid_input', message: '上传的表单不完整或文件数量、字段不符合要求' }),
  invalid_data: refusal({
    code: 'invalid_input',
    details: z.object({ constraint: z.string().optional() }),
    message: '数据不符合要求',
  }),
  conflicting_data: refusal({
    code: 'conflict',
    details: z.object({ constraint: z.string().optional() }),
    message: '与现有数据冲突',
  }),
  // Any write may carry an Idempotency-Key (server/src/middlewares/idempotency.ts).
  idempotency_key_invalid: refusal({
    code: 'invalid_input',
    message: 'Idempotency-Key 格式不正确：应为 16 到 128 位的字母、数字、- 或 _',
  }),
  idempotency_key_reused: refusal({
    code: 'conflict',
    message: '同一个请求编号已用于另一项不同的操作，请重新提交',
  }),
  idempotency_in_progress: refusal({
    code: 'conflict',
    message: '相同的操作正在处理中，请稍后再试',
  }),
  internal: refusal({ code: 'internal', message: '服务器内部错误，请稍后再试' }),
});

export type CommonRefusal = (typeof commonRefusals)[keyof typeof commonRefusals];

/** 5 MB, 256 KB: sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
