/**
 * Where uploaded files' bytes live. Keys are made by the server only (`entries/12/3f…9a.jpg`);
 * the database keeps the metadata. Local disk by default; an object store fits the same shape.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*(?:\.[a-z0-9]{1,8})?$/;

/** Keys never climb out of the storage root nor carry anything a caller typed. */
export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
}
