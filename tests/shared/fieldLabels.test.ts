import { allEndpoints } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defOf, shapeOf } from '../support/schemaFields';

/** A label on the field or any wrapper of it, as the server's refusal finds it (routing/fieldIssues.ts). */
function labelOf(field: z.ZodType): string | undefined {
  for (let current: z.ZodType | undefined = field, depth = 0; current && depth < 10; depth++) {
    const label = z.globalRegistry.get(current)?.label;
    if (typeof label === 'string') return label;
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

describe('field labels', () => {
  // A refusal of bad input names the field by its label (「开始月份 月份格式应为 YYYY-MM」); without one
  // a person would read `query.from`. Bodies are forms, labelled where they are written; queries and
  // paths are what pickers and links fill in, and every one of their fields has a Chinese name.
  it('gives every query and path field of every endpoint a Chinese name', () => {
    const unlabelled: string[] = [];
    let checked = 0;
    for (const endpoint of allEndpoints()) {
      for (const part of ['query', 'params'] as const) {
        const schema = endpoint[part] as z.ZodType | undefined;
        if (!schema) continue;
        for (const [key, field] of Object.entries(shapeOf(schema))) {
          checked++;
          const label = labelOf(field);
          if (!label || !/[\u4e00-\u9fff]/.test(label)) unlabelled.push(`${endpoint.method} ${endpoint.path} ${part}.${key}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(unlabelled).toEqual([]);
  });
});
