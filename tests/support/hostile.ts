import type { Endpoint } from '@zhijian/shared';
import type { z } from 'zod';

/**
 * Hostile requests made from a contract: for each endpoint, what an attacker or a broken client
 * would send — wrong types, NUL bytes, ids past the integer range, huge strings and numbers,
 * bodies that are not objects, deep nesting. Built from the zod schemas, so a new endpoint is
 * covered the day it is declared.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  checks?: Array<{ _zod: { def: { check: string; minimum?: number; value?: number; format?: string } } }>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/nullable/default/pipe wrappers. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

/** The fields of an object schema (through its wrappers), or none. */
export function fieldsOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  if (!schema) return {};
  const def = defOf(unwrapSchema(schema));
  return def.type === 'object' ? (def.shape ?? {}) : {};
}

function isOptional(schema: z.ZodType): boolean {
  const def = defOf(schema);
  return def.type === 'optional' || def.type === 'default' || def.type === 'prefault';
}

function minimumOf(def: Def, kind: 'min_length' | 'greater_than'): number | undefined {
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === kind) return c.minimum ?? c.value;
  }
  return undefined;
}

/** A value the field's schema likely accepts, guessed from its type and name; good enough to reach past validation often. */
export function sampleValue(schema: z.ZodType, name = ''): unknown {
  const inner = unwrapSchema(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'string': {
      if (/phone/i.test(name)) return '13800000000';
      if (/month/i.test(name) || name === 'from' || name === 'to') return '2026-12';
      if (/date|day/i.test(name)) return '2026-12-15';
      if (/At$|time/i.test(name)) return '2026-12-15T10:00:00+08:00';
      const min = minimumOf(def, 'min_length') ?? 2;
      return '测试'.repeat(Math.ceil(min / 2) + 1);
    }
    case 'number':
      return Math.max(1, minimumOf(def, 'greater_than') ?? 1);
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'array': {
      const min = minimumOf(def, 'min_length') ?? 0;
      return Array.from({ length: min }, () => sampleValue(def.element!, name));
    }
    case 'object':
      return sampleObject(inner);
    case 'union':
      return def.options?.[0] ? sampleValue(def.options[0], name) : null;
    default:
      return null;
  }
}

export function sampleObject(schema: z.ZodType): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fieldsOf(schema))) {
    if (!isOptional(field)) out[name] = sampleValue(field, name);
  }
  return out;
}

/** What goes into a field instead of a proper value. */
export const HOSTILE_VALUES: Array<[label: string, value: unknown]> = [
  ['a number for anything', 12345],
  ['a string for anything', 'abc'],
  ['an object', { nested: { deeper: true } }],
  ['an array', [1, 'two', null]],
  ['null', null],
  ['a boolean', true],
  ['a NUL byte', 'a\u0000b'],
  ['a 20,000-character string', '长'.repeat(20_000)],
  ['an id past int4', 2 ** 31],
  ['a negative number', -1],
  ['a huge number', 1e308],
  ['a fraction', 0.5],
  ['an ISO date far away', '9999-12-31T23:59:59Z'],
  ['a prototype key', { __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }],
];

/** Whole bodies that are no object at all, or one nobody should have to parse. */
export const HOSTILE_RAW_BODIES: Array<[label: string, body: string]> = [
  ['an array', '[]'],
  ['null', 'null'],
  ['a string', '"x"'],
  ['a number', '1'],
  ['truncated JSON', '{"a":'],
  ['deeply nested arrays', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ['deeply nested objects', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`],
  ['a NUL in a key', '{"a\\u0000":1}'],
];

/** What goes into a path parameter. */
export const HOSTILE_PARAMS: string[] = [
  '2147483648',
  '99999999999999999999',
  '-1',
  '0',
  '1.5',
  'abc',
  '%00',
  '1%00',
  'x'.repeat(300),
  '%E4%B8%AD',
];

/** What goes into a query field. */
export const HOSTILE_QUERY_VALUES: string[] = ['abc', '%00', '2147483648', '-1', '1e308', 'x'.repeat(3000), '%E4%B8%AD%00'];

export function paramNames(endpoint: Endpoint): string[] {
  return [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

/** English words zod or Node would leak into a message; a Chinese message names types in Chinese. */
export const LEAKED_ENGLISH =
  /\b(expected|received|undefined|Invalid|Required|NaN|string|number|boolean|object|array|Error|at\s+\S+\.(?:ts|js))\b/;
