import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

/** zod 4's internal definition of a schema: what the contract tests walk. */
export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object under refinements and pipes: the fields a body, a query or a path carries. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let current: z.ZodType | undefined = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = defOf(current);
    if (def.type === 'object') return def.shape ?? {};
    current = def.innerType ?? def.in;
  }
  return {};
}
