import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portOpen, startServerProcess } from '../../support/serverProcess';

const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-npm-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start under a supervisor', () => {
  it('stops within 10 s of SIGTERM sent to npm itself, leaving no server behind', async () => {
    const running = await startServerProcess({ how: 'npm', dataDir, env: { DEMO_DATA: 'false' } });
    expect(await portOpen(running.port)).toBe(true);
    const sent = Date.now();
    running.child.kill('SIGTERM');
    await running.closed;
    let open = await portOpen(running.port);
    while (open && Date.now() - sent < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await portOpen(running.port);
    }
    expect(open).toBe(false);
    expect(Date.now() - sent).toBeLessThan(10_000);
    // The server finished in-flight work and closed the database: its last words are 'stopped'.
    expect(running.logs.at(-1)?.msg).toBe('stopped');
    // Starting (npm, tsx, migrations on a new directory) takes seconds; loaded, tens of seconds.
  }, 90_000);
});
