import { Readable } from 'node:stream';
import { and, between, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { storedFileChunks, storedFiles } from '../db/schema';
import { assertStorageKey, type ByteRange, type FileStorage } from './fileStorage';

/** 256 KB: a photo is a few rows, a video a few hundred; a range reads only the rows it covers. */
export const CHUNK_BYTES = 256 * 1024;
/** Rows per insert statement and per read query: a megabyte at a time. */
const CHUNKS_PER_QUERY = 4;

/**
 * Files as rows of the database (STORAGE=postgres), so every instance on it reads what any of
 * them stored, with nothing else to run or share. A file and its chunks are written in one
 * transaction, so a reader never sees half a file; reads stream a megabyte at a time.
 */
export function postgresStorage(db: Database): FileStorage {
  async function chunks(key: string, first: number, last: number): Promise<Buffer[]> {
    const rows = await db
      .select({ data: storedFileChunks.data })
      .from(storedFileChunks)
      .where(and(eq(storedFileChunks.key, key), between(storedFileChunks.seq, first, last)))
      .orderBy(storedFileChunks.seq);
    return rows.map((row) => row.data);
  }

  /** Bytes start..end (inclusive) of a file stored in chunks of chunkSize. */
  async function* bytes(key: string, chunkSize: number, { start, end }: ByteRange): AsyncGenerator<Buffer> {
    const firstSeq = Math.floor(start / chunkSize);
    const lastSeq = Math.floor(end / chunkSize);
    for (let from = firstSeq; from <= lastSeq; from += CHUNKS_PER_QUERY) {
      const to = Math.min(lastSeq, from + CHUNKS_PER_QUERY - 1);
      const read = await chunks(key, from, to);
      if (read.length !== to - from + 1) throw new Error(`stored file ${key} lost chunks ${from}..${to}`);
      for (const [index, chunk] of read.entries()) {
        const offset = (from + index) * chunkSize;
        yield chunk.subarray(Math.max(0, start - offset), Math.min(chunk.length, end - offset + 1));
      }
    }
  }

  return {
    async put(key, data) {
      assertStorageKey(key);
      await db.transaction(async (tx) => {
        // Keys are fresh per upload; replacing one is still whole (the chunks cascade).
        await tx.delete(storedFiles).where(eq(storedFiles.key, key));
        await tx.insert(storedFiles).values({ key, size: data.length, chunkSize: CHUNK_BYTES });
        const count = Math.ceil(data.length / CHUNK_BYTES);
        for (let from = 0; from < count; from += CHUNKS_PER_QUERY) {
          const rows = [];
          for (let seq = from; seq < Math.min(count, from + CHUNKS_PER_QUERY); seq++) {
            rows.push({ key, seq, data: data.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES) });
          }
          await tx.insert(storedFileChunks).values(rows);
        }
      });
    },
    async get(key) {
      const file = await this.open(key);
      if (!file) return null;
      const parts: Buffer[] = [];
      for await (const part of file.stream()) parts.push(part as Buffer);
      return Buffer.concat(parts);
    },
    async open(key) {
      assertStorageKey(key);
      const [file] = await db.select().from(storedFiles).where(eq(storedFiles.key, key));
      if (!file) return null;
      return {
        size: file.size,
        stream: (range) =>
          file.size === 0 ? Readable.from([]) : Readable.from(bytes(key, file.chunkSize, range ?? { start: 0, end: file.size - 1 })),
      };
    },
    async delete(key) {
      assertStorageKey(key);
      await db.delete(storedFiles).where(eq(storedFiles.key, key));
    },
  };
}
