import { ApiError, FieldIssue } from '@zhijian/shared';
import { z } from 'zod';

/** An error whose message is written for the user (Chinese) and can be shown as is. */
export class UserError extends Error {
  override name = 'UserError';
}

/** What to show for any error: the server's Chinese message, ours, or a generic one. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof UserError) return error.message;
  return '操作失败，请稍后再试';
}

/** Per-field messages of an `invalid_input` answer, keyed by the field's path. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return {};
  const issues = z.array(FieldIssue).safeParse(error.details);
  if (!issues.success) return {};
  const byField: Record<string, string> = {};
  for (const issue of issues.data) byField[issue.path.split('.').pop() ?? issue.path] ??= issue.message;
  return byField;
}
