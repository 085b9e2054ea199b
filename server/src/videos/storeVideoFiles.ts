import type { FileStorage } from '../storage/fileStorage';

/**
 * Puts a video and its poster under their keys, then records them (the command that writes the
 * video's row). A record that is refused or fails leaves neither file behind; a file is never
 * recorded before it is stored. (`storeThenRecord` for several files.)
 */
export async function storeVideoFiles<T>(
  storage: FileStorage,
  files: Array<{ key: string; data: Buffer }>,
  record: () => Promise<T>,
): Promise<T> {
  const stored: string[] = [];
  try {
    for (const file of files) {
      await storage.put(file.key, file.data);
      stored.push(file.key);
    }
    return await record();
  } catch (error) {
    await Promise.all(stored.map((key) => storage.delete(key)));
    throw error;
  }
}
