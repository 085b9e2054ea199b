import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * The console's index.html carries one script in line (the sign-in form's, miniapp/src/splash.js):
 * it must run before the page's body is parsed, and fetching it cost the first screen a round trip.
 * The Content Security Policy allows no inline script but by its hash; the hashes are read from the
 * file served, so a new build is allowed as it is served, and nothing else is.
 */
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

const cache = new Map<string, { stamp: string; sources: string[] }>();

/** The CSP sources (`'sha256-…'`) of an HTML file's attribute-less inline scripts, read again when the file changes. */
export function inlineScriptSources(file: string): string[] {
  const { mtimeMs, size } = statSync(file);
  const stamp = `${mtimeMs}:${size}`;
  const cached = cache.get(file);
  if (cached?.stamp === stamp) return cached.sources;
  const html = readFileSync(file, 'utf8');
  const sources = [...html.matchAll(INLINE_SCRIPT)].map(
    ([, script]) => `'sha256-${createHash('sha256').update(script!, 'utf8').digest('base64')}'`,
  );
  cache.set(file, { stamp, sources });
  return sources;
}

/** `policy` (a Content-Security-Policy header) with `sources` added to its script-src. */
export function withScriptSources(policy: string, sources: string[]): string {
  if (sources.length === 0) return policy;
  return policy.replace(
    /(^|;)(\s*)script-src ([^;]*)/,
    (_match, lead: string, space: string, list: string) => `${lead}${space}script-src ${list.trim()} ${sources.join(' ')}`,
  );
}
