import type { FieldIssue } from '@zhijian/shared';
import { z } from 'zod';

/** zod's type names, as a person reads them. */
const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '一组字段',
  array: '列表',
  date: '日期',
  bigint: '整数',
  null: '空值',
};

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** The schema a path leads to, through optional/default/nullable/pipe wrappers; undefined when lost. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    current = unwrap(current);
    const def: SchemaDef | undefined = current && defOf(current);
    if (!def) return undefined;
    if (def.type === 'object') current = def.shape?.[String(key)];
    else if (def.type === 'array') current = def.element;
    else return undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

/** The Chinese name a contract gives a field with `.meta({ label: '标题' })`, on the field or its wrapper. */
function labelOf(schema: z.ZodType | undefined): string | undefined {
  for (let current = schema, depth = 0; current && depth < 10; depth++) {
    const label = z.globalRegistry.get(current)?.label;
    if (typeof label === 'string') return label;
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Words zod's Chinese locale leaves in English. */
const ZOD_ENGLISH =
  /\b(string|number|int|boolean|object|array|undefined|null|bigint|date|symbol|nan|NaN|Infinity|regex|pattern|email|url|uuid)\b|\/.+\//;

/** A length, count or value limit, in words: 至少 2 个字, 不能大于 100. */
function boundMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  switch (issue.origin) {
    case 'string':
      return small ? `至少 ${bound} 个字` : `最多 ${bound} 个字`;
    case 'array':
    case 'set':
      return small ? `至少 ${bound} 项` : `最多 ${bound} 项`;
    default:
      return small ? `不能小于 ${bound}` : `不能大于 ${bound}`;
  }
}

/** zod's message, with its English type names replaced by a Chinese sentence. */
function messageOf(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'invalid_type') {
    if (valueAt(input, issue.path) === undefined) return '必须填写';
    const expected = TYPE_NAMES[issue.expected] ?? '正确的格式';
    return `应为${expected}`;
  }
  if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
  // The options of an enum are codes, not words a person picked from.
  if (issue.code === 'invalid_value') return '不是可选的值';
  // A contract's own message is Chinese (it may show a format such as YYYY-MM); zod's locale one
  // still names types and patterns in English, which a person cannot act on.
  if (!ZOD_ENGLISH.test(issue.message)) return issue.message;
  if (issue.code === 'too_small' || issue.code === 'too_big') return boundMessage(issue);
  if (issue.code === 'invalid_format') return '格式不正确';
  if (issue.code === 'invalid_union') return '格式不正确';
  return '不符合要求';
}

/** Each failing field: where (`body.title`), its Chinese name where the contract gives one, and why. */
export function fieldIssues(schema: z.ZodType, part: string, error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const label = labelOf(schemaAt(schema, issue.path));
    return {
      path: [part, ...issue.path.map(String)].join('.'),
      message: messageOf(issue, input),
      ...(label ? { label } : {}),
    };
  });
}
