import { z } from 'zod';

/** Ids are PostgreSQL `integer` columns: a larger number can name no row, so it is bad input, not a 404. */
export const MAX_ID = 2_147_483_647;
export const Id = z.coerce.number().int().positive().max(MAX_ID, '编号超出范围');
export const IdParams = z.object({ id: Id.meta({ label: '编号' }) });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ label: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).meta({ label: '每页条数' }),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of a list: the items, the total count and where we are. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

export const IsoDateTime = z.string();
export const Ok = z.object({ ok: z.literal(true) });

type ChangesShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : S[K]>;
};

/**
 * The body of a PATCH: any of the fields, at least one of them. A field's create-time default
 * is dropped, so leaving a field out keeps its value instead of resetting it.
 */
export function changesOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const optional = z.optional(field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field);
      // The field's label (`.meta({ label })`) stays with it.
      const meta = z.globalRegistry.get(field);
      return [key, meta ? optional.meta(meta) : optional];
    }),
  ) as ChangesShape<S>;
  return z.object(shape).refine((body) => Object.values(body).some((value) => value !== undefined), '请填写要修改的内容');
}
