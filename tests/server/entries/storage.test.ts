import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileStorage } from '../../../server/src/storage/fileStorage';
import { localDiskStorage } from '../../../server/src/storage/localDiskStorage';
import { memoryStorage } from '../../../server/src/storage/memoryStorage';

const root = mkdtempSync(path.join(os.tmpdir(), 'zhijian-uploads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each([
  ['local disk', localDiskStorage(root)],
  ['memory', memoryStorage()],
] as [string, FileStorage][])('file storage on %s', (_name, storage) => {
  it('puts, gets and deletes by key', async () => {
    const key = 'entries/12/3f2a9c.jpg';
    expect(await storage.get(key)).toBeNull();
    await storage.put(key, Buffer.from('photo bytes'));
    expect((await storage.get(key))?.toString()).toBe('photo bytes');
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
  });

  it('refuses keys that could leave the storage root', async () => {
    for (const key of ['../escape.jpg', 'entries/../../x', '/etc/passwd', 'entries/12/名字.jpg', '']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('invalid storage key');
    }
  });
});

describe('local disk storage', () => {
  it('keeps files under its root, one file per key, with no partial files left behind', async () => {
    const storage = localDiskStorage(root);
    await storage.put('entries/7/a.png', Buffer.from('a'));
    expect(readdirSync(path.join(root, 'entries', '7'))).toEqual(['a.png']);
  });
});
