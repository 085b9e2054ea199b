import { ApiError, commonRefusals, isRefusal } from '@zhijian/shared';
import type { z } from 'zod';

/** An error whose message is written for the user (Chinese) and can be shown as is. */
export class UserError extends Error {
  override name = 'UserError';
}

/** What is wrong with each field of a form, keyed by the field's name. */
export type Problems = Partial<Record<string, string>>;

/**
 * A form that did not pass its check before sending: nothing was sent. The problems go next to
 * their fields; the message, when there is one, is said once for the whole form.
 */
export class FieldProblems extends UserError {
  override name = 'FieldProblems';
  constructor(
    readonly problems: Problems,
    message = '',
  ) {
    super(message);
  }
}

/** What to show for any error: the server's Chinese message, ours, or a generic one. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof UserError) return error.message;
  return '操作失败，请稍后再试';
}

/**
 * Per-field messages of an error: the form's own check (`FieldProblems`) or the server's
 * `invalid_fields` refusal, keyed by the field's name (`agenda.0.title` → `title`); none otherwise.
 */
export function problemsOf(error: unknown): Problems {
  if (error instanceof FieldProblems) return error.problems;
  if (!isRefusal(error, commonRefusals.invalid_fields)) return {};
  const byField: Problems = {};
  for (const issue of error.details.issues ?? []) byField[issue.path.split('.').pop() ?? issue.path] ??= issue.message;
  return byField;
}

/**
 * Checks a form against the endpoint's own schema before anything is sent, so the form says what is
 * missing in the server's words: the parsed value, or `FieldProblems` keyed by the top-level field
 * (`agenda.0.title` → `agenda`).
 */
export function checked<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems: Problems = {};
  for (const issue of result.error.issues) problems[String(issue.path[0] ?? '')] ??= issue.message;
  throw new FieldProblems(problems);
}
