import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
const h5Dir = mkdtempSync(path.join(tmpdir(), 'zhijian-h5-'));

beforeAll(async () => {
  mkdirSync(path.join(h5Dir, 'js'));
  writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>指尖党建</title>');
  writeFileSync(path.join(h5Dir, 'js', 'app.cc7ee4a5.js'), 'console.log(1)');
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
});
