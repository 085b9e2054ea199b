import { Readable, type Writable } from 'node:stream';

/** Bytes `start`..`end` of a file, both inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/** A stored file opened for reading: its size, and its bytes (or a range of them) as a stream. */
export interface StoredFileReader {
  size: number;
  stream(range?: ByteRange): Readable;
  /**
   * Writes the bytes of `range` to `out` through one reused buffer, when the backend can (the
   * local disk); serving prefers it to `stream`, whose every chunk is garbage to collect.
   */
  copyTo?(out: Writable, range: ByteRange): Promise<void>;
}

/**
 * Where uploaded files' bytes live. Keys are made by the server only (`entries/12/3f…9a.jpg`);
 * the database keeps the metadata. Local disk by default (one process, or a shared volume);
 * `STORAGE=postgres` keeps them in the database every instance reads; an object store fits the same shape.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** For serving: the size and a stream of the bytes, or null when nothing is stored under the key. */
  open(key: string): Promise<StoredFileReader | null>;
  /** Removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*(?:\.[a-z0-9]{1,8})?$/;

/** Keys never climb out of the storage root nor carry anything a caller typed. */
export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
}

/** A reader over bytes already in memory. */
export function bufferReader(data: Buffer): StoredFileReader {
  return {
    size: data.length,
    // In an array: Readable.from would iterate a bare Buffer byte by byte.
    stream: (range) => Readable.from([range ? data.subarray(range.start, range.end + 1) : data]),
  };
}
