import { assertStorageKey, bufferReader, type FileStorage } from './fileStorage';

/** Files in a Map: for tests, and for anything that must not touch the disk. */
export function memoryStorage(): FileStorage & { keys(): string[] } {
  const files = new Map<string, Buffer>();
  return {
    async put(key, data) {
      assertStorageKey(key);
      files.set(key, Buffer.from(data));
    },
    async get(key) {
      assertStorageKey(key);
      return files.get(key) ?? null;
    },
    async open(key) {
      assertStorageKey(key);
      const data = files.get(key);
      return data ? bufferReader(data) : null;
    },
    async delete(key) {
      assertStorageKey(key);
      files.delete(key);
    },
    keys: () => [...files.keys()],
  };
}
