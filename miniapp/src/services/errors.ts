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
  const issues = z.array(FieldIssue).safeParse(error.details?.issues);
  if (!issues.success) return {};
  const byField: Record<string, string> = {};
  for (const issue of issues.data) byField[issue.path.split('.').pop() ?? issue.path] ??= issue.message;
  return byField;
}

export type Checked<T> = { ok: true; data: T } | { ok: false; problems: Record<string, string> };

/**
 * Checks a form against the endpoint's own schema before anything is sent, so the form says what is
 * missing in the server's words. Problems are keyed by the top-level field (`agenda.0.title` → `agenda`).
 */
export function checkInput<S extends z.ZodType>(schema: S, value: z.input<S>): Checked<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) problems[String(issue.path[0] ?? '')] ??= issue.message;
  return { ok: false, problems };
}
