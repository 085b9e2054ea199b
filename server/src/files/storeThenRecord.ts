import type { FileStorage } from '../storage/fileStorage';

/**
 * Puts the bytes under `key`, then records them (a command that writes the file's row). A record
 * that is refused or fails leaves no file behind; a file is never recorded before it is stored.
 */
export async function storeThenRecord<T>(storage: FileStorage, key: string, data: Buffer, record: () => Promise<T>): Promise<T> {
  await storage.put(key, data);
  try {
    return await record();
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}
