import { ilike, or, type Column, type SQL } from 'drizzle-orm';

/** `%`, `_` and `\` as the characters a person typed, not as wildcards or an escape. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `%text%` for LIKE, with `%`, `_` and `\` taken as the characters a person typed, not as
 * wildcards or an escape (a trailing `\` would otherwise be a PostgreSQL error).
 */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** `%text` for LIKE, escaped the same way: values that end with what was typed (a phone's last digits). */
export function endsWithPattern(text: string): string {
  return `%${escapeLike(text)}`;
}

/** Rows where any of the columns contains `text`, ignoring case. */
export function containsText(text: string, ...columns: Column[]): SQL {
  const pattern = containsPattern(text);
  return or(...columns.map((column) => ilike(column, pattern)))!;
}
