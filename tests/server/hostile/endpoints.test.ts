import { gzipSync } from 'node:zlib';
import { allEndpoints, buildPath, ErrorBody, ROLES, type Endpoint, type Role } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, signedInMember } from '../../support/factories';
import {
  fieldsOf,
  HOSTILE_PARAMS,
  HOSTILE_QUERY_VALUES,
  HOSTILE_RAW_BODIES,
  HOSTILE_VALUES,
  LEAKED_ENGLISH,
  paramNames,
  sampleObject,
} from '../../support/hostile';
import { startTestServer, type TestServer } from '../../support/testServer';

/**
 * Every endpoint of the contract, called by a role it admits, with what an attacker or a broken
 * client sends. Whatever the variant: never a 5xx, always the one error shape with a reason and a
 * Chinese message that leaks no type names or stack.
 */
let server: TestServer;
const callers = new Map<Role, { token: string; unitId: number; peerId: number }>();

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) {
    const { member, token } = await signedInMember(server, [role]);
    const peer = await createMember(server.db, { unitId: member.unitId });
    callers.set(role, { token, unitId: member.unitId!, peerId: peer.id });
  }
});
afterAll(() => server.close());

function callerFor(endpoint: Endpoint) {
  if (endpoint.access === 'public') return undefined;
  const role: Role =
    endpoint.access === 'signedIn' ? 'member' : endpoint.access.includes('secretariat') ? 'secretariat' : endpoint.access[0]!;
  return callers.get(role)!;
}

interface Variant {
  label: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
}

function validPath(
  endpoint: Endpoint,
  caller: { unitId: number; peerId: number } | undefined,
  override: Record<string, string> = {},
): string {
  const values: Record<string, unknown> = {};
  for (const name of paramNames(endpoint))
    values[name] = name === 'unitId' ? (caller?.unitId ?? 1) : name === 'memberId' ? (caller?.peerId ?? 1) : 1;
  const path = buildPath(endpoint.path, values);
  // Hostile parameter values go in raw: buildPath would encode the % of %00.
  return Object.entries(override).reduce((p, [name, raw]) => p.replace(`/${String(values[name])}`, `/${raw}`), path);
}

function variantsOf(endpoint: Endpoint, caller: { unitId: number; peerId: number } | undefined): Variant[] {
  const json = { 'content-type': 'application/json' };
  const multipart = endpoint.bodyKind === 'multipart';
  const base = endpoint.body && !multipart ? sampleObject(endpoint.body) : undefined;
  const bodyOf = (value: unknown) => (endpoint.body && !multipart ? JSON.stringify(value) : undefined);
  const variants: Variant[] = [{ label: 'a plausible request', headers: base ? json : {}, body: bodyOf(base) }];

  for (const name of paramNames(endpoint)) {
    for (const raw of HOSTILE_PARAMS) {
      variants.push({
        label: `param ${name}=${raw.slice(0, 20)}`,
        path: validPath(endpoint, caller, { [name]: raw }),
        headers: base ? json : {},
        body: bodyOf(base),
      });
    }
  }
  for (const field of Object.keys(fieldsOf(endpoint.query))) {
    for (const raw of HOSTILE_QUERY_VALUES) {
      variants.push({ label: `query ${field}=${raw.slice(0, 20)}`, path: `${validPath(endpoint, caller)}?${field}=${raw}` });
    }
    variants.push({ label: `query ${field} repeated`, path: `${validPath(endpoint, caller)}?${field}=1&${field}=2` });
  }
  if (endpoint.body && !multipart) {
    for (const field of Object.keys(fieldsOf(endpoint.body))) {
      for (const [label, value] of HOSTILE_VALUES) {
        variants.push({ label: `body.${field} = ${label}`, headers: json, body: JSON.stringify({ ...base, [field]: value }) });
      }
    }
    for (const [label, raw] of HOSTILE_RAW_BODIES) variants.push({ label: `body is ${label}`, headers: json, body: raw });
    variants.push({ label: 'gzip claimed, not gzip', headers: { ...json, 'content-encoding': 'gzip' }, body: JSON.stringify(base) });
    variants.push({ label: 'real gzip', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify(base)) });
    variants.push({ label: 'a form instead of JSON', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    variants.push({ label: 'JSON in Latin-1', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' });
  }
  if (multipart) {
    const form = (name: string, content: BlobPart, filename: string) => {
      const data = new FormData();
      data.append(name, new Blob([content]), filename);
      return data;
    };
    variants.push({ label: 'multipart without a file', body: new FormData() });
    variants.push({ label: 'an empty file', body: form('file', new Uint8Array(0), 'a.docx') });
    variants.push({ label: 'text named .xlsx/.docx/.jpg', body: form('file', 'not really', 'a.xlsx') });
    variants.push({ label: 'a file name with NUL', body: form('file', 'x', 'a\u0000.jpg') });
    variants.push({ label: 'the file under another field', body: form('other', 'x', 'a.jpg') });
    variants.push({ label: 'no boundary', headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
    variants.push({
      label: 'truncated form',
      headers: { 'content-type': 'multipart/form-data; boundary=B' },
      body: '--B\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc',
    });
    variants.push({ label: 'JSON to an upload', headers: json, body: '{}' });
  }
  variants.push({ label: 'an unknown method', method: 'PROPFIND' });
  variants.push({ label: 'a garbage token', headers: { authorization: `Bearer ${'x'.repeat(4000)}` } });
  variants.push({ label: 'a token with three dots', headers: { authorization: 'Bearer a.b.c' } });
  return variants;
}

async function send(endpoint: Endpoint, caller: { token: string; unitId: number; peerId: number } | undefined, variant: Variant) {
  const headers: Record<string, string> = { ...(caller ? { authorization: `Bearer ${caller.token}` } : {}), ...variant.headers };
  const response = await fetch(`${server.url}${variant.path ?? validPath(endpoint, caller)}`, {
    method: variant.method ?? endpoint.method,
    headers,
    body: variant.body,
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text };
}

/** What is wrong with an answer, or null when it is a proper answer. */
function problemWith(answer: { status: number; type: string; text: string }): string | null {
  if (answer.status >= 500) return `status ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (answer.status < 400) return null;
  if (!answer.type.includes('application/json')) return `status ${answer.status} without JSON (${answer.type})`;
  const parsed = ErrorBody.safeParse(JSON.parse(answer.text));
  if (!parsed.success) return `status ${answer.status} not in the error shape: ${answer.text.slice(0, 200)}`;
  const { message, details } = parsed.data.error;
  if (!/[\u4e00-\u9fff]/.test(message)) return `message not Chinese: ${message}`;
  // A field without a Chinese label is named by its path (body.title); the rest must be Chinese.
  if (LEAKED_ENGLISH.test(message.replace(/\b(?:body|query|params|file)(?:\.[\w-]+)+/g, ''))) return `message leaks English: ${message}`;
  const issues = (details as { issues?: Array<{ message: string }> }).issues ?? [];
  const leaked = issues.find((issue) => typeof issue.message === 'string' && LEAKED_ENGLISH.test(issue.message));
  if (leaked) return `field message leaks English: ${leaked.message}`;
  return null;
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

const endpoints = allEndpoints();

describe('hostile input to every endpoint', () => {
  it('covers the whole contract', () => {
    expect(endpoints.length).toBeGreaterThan(100);
  });

  describe.each(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_name, endpoint) => {
    it('never answers 5xx and always in the one error shape', async () => {
      const caller = callerFor(endpoint);
      const variants = variantsOf(endpoint, caller);
      const answers = await inBatches(variants, 6, async (variant) => ({ variant, answer: await send(endpoint, caller, variant) }));
      const problems = answers.flatMap(({ variant, answer }) => {
        const problem = problemWith(answer);
        return problem ? [`${variant.label}: ${problem}`] : [];
      });
      expect(problems).toEqual([]);
    });
  });
});
