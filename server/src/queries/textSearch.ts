import { ilike, or, type Column, type SQL } from 'drizzle-orm';

/**
 * `%text%` for LIKE, with `%`, `_` and `\` taken as the characters a person typed, not as
 * wildcards or an escape (a trailing `\` would otherwise be a PostgreSQL error).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Rows where any of the columns contains `text`, ignoring case. */
export function containsText(text: string, ...columns: Column[]): SQL {
  const pattern = containsPattern(text);
  return or(...columns.map((column) => ilike(column, pattern)))!;
}
