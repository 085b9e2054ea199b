import { createHash } from 'node:crypto';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../miniapp/scripts/precompress.mjs';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
const bigScript = Array.from({ length: 400 }, (_, i) => `export const 党建${i} = '第${i}次学习';`).join('\n');

/** A GET with exactly these request headers (fetch would add its own Accept-Encoding). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
const h5Dir = mkdtempSync(path.join(tmpdir(), 'zhijian-h5-'));

beforeAll(async () => {
  mkdirSync(path.join(h5Dir, 'js'));
  writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>指尖党建</title>');
  writeFileSync(path.join(h5Dir, 'js', 'app.cc7ee4a5.js'), 'console.log(1)');
  writeFileSync(path.join(h5Dir, 'js', 'vendor.0123abcd.js'), bigScript);
  precompress(h5Dir);
  server = await startTestServer({ H5_DIR: h5Dir });
});
afterAll(async () => {
  await server.close();
  rmSync(h5Dir, { recursive: true, force: true });
});

describe('the H5 console at /', () => {
  it('serves index.html, never cached, at / and for app routes', async () => {
    for (const route of ['/', '/pages/bulletin/index']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('指尖党建');
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await fetch(`${server.url}/js/app.cc7ee4a5.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with 404 in the error shape, and leaves /api alone', async () => {
    const asset = await fetch(`${server.url}/js/missing.12345678.js`);
    expect(asset.status).toBe(404);
    expect(await asset.json()).toMatchObject({ error: { code: 'not_found' } });
    const apiMiss = await fetch(`${server.url}/api/nothing-here`);
    expect(apiMiss.status).toBe(404);
    expect(await apiMiss.json()).toMatchObject({ error: { code: 'not_found', message: '接口不存在' } });
  });

  it('answers pre-compressed files by content negotiation: brotli, then gzip, then the file', async () => {
    const url = `${server.url}/js/vendor.0123abcd.js`;
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.body.length).toBeLessThan(bigScript.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(bigScript);

    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(bigScript);

    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(bigScript);
  });
});

describe('index.html’s inline script (the sign-in form’s, issue 21)', () => {
  const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  const scriptSrc = (response: Response) =>
    (response.headers.get('content-security-policy') ?? '').split(';').find((directive) => directive.trim().startsWith('script-src'));

  it('is allowed by its hash on index.html, whichever way it is reached, and by nothing else', async () => {
    const script = "document.documentElement.classList.add('zj-splash-on')";
    writeFileSync(path.join(h5Dir, 'index.html'), `<!doctype html><title>指尖党建</title><script>${script}</script>`);
    precompress(h5Dir);
    for (const route of ['/', '/index.html', '/pages/bulletin/index']) {
      expect(scriptSrc(await fetch(`${server.url}${route}`))?.trim()).toBe(`script-src 'self' ${hashOf(script)}`);
    }
    // Scripts from files stay the only scripts elsewhere.
    expect(scriptSrc(await fetch(`${server.url}/js/app.cc7ee4a5.js`))?.trim()).toBe("script-src 'self'");
    expect(scriptSrc(await fetch(`${server.url}/api/health`))?.trim()).toBe("script-src 'self'");
  });

  it('follows a new build: the new script’s hash, not the old one’s', async () => {
    const script = "window.zjBuild = 'second build, a longer script than the first'";
    writeFileSync(path.join(h5Dir, 'index.html'), `<!doctype html><title>指尖党建</title><script>${script}</script>`);
    precompress(h5Dir);
    expect(scriptSrc(await fetch(`${server.url}/`))?.trim()).toBe(`script-src 'self' ${hashOf(script)}`);
  });

  it('allows no script in line where index.html has none, nor one with attributes', async () => {
    writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>指尖党建</title><script src="/js/app.cc7ee4a5.js"></script>');
    precompress(h5Dir);
    expect(scriptSrc(await fetch(`${server.url}/`))?.trim()).toBe("script-src 'self'");
  });
});
