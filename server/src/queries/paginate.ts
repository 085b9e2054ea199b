import type { PageQuery } from '@zhijian/shared';

/** A page of a list, as every list endpoint answers it (`pageOf(item)` in the contract). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A select that can still take a window: drizzle's `.$dynamic()` select. */
interface Windowable<Row> {
  limit(limit: number): { offset(offset: number): PromiseLike<Row[]> };
}

/**
 * One page of `rows` (ordered by the caller) and the count of all rows. Pass the select as
 * `.$dynamic()` so the window can be added here, and the count with the same `where`.
 */
export async function paginate<Row>(
  { page, pageSize }: PageQuery,
  queries: { rows: Windowable<Row>; count: PromiseLike<Array<{ n: number }>> },
): Promise<Page<Row>> {
  const [total] = await queries.count;
  const items = await queries.rows.limit(pageSize).offset((page - 1) * pageSize);
  return { items, total: Number(total?.n ?? 0), page, pageSize };
}

/** The same page with each row presented. */
export function presentPage<Row, Item>(page: Page<Row>, present: (row: Row) => Item): Page<Item> {
  return { ...page, items: page.items.map((row) => present(row)) };
}
