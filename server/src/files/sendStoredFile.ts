import { commonRefusals } from '@zhijian/shared';
import type { Context } from 'koa';
import parseRange from 'range-parser';
import { refuse } from '../errors';
import type { FileStorage, StoredFileReader } from '../storage/fileStorage';

/**
 * Answers with a stored file, streamed from whichever backend holds it, honouring a single
 * `Range: bytes=…` (a video player seeks with it; WeChat's <video> asks for ranges). Several ranges
 * or a malformed header get the whole file, which RFC 9110 allows. False when nothing is stored.
 */
export async function sendStoredFile(koa: Context, storage: FileStorage, key: string, type: string): Promise<boolean> {
  const file = await storage.open(key);
  if (!file) return false;
  sendFile(koa, file, type);
  return true;
}

/** `sendStoredFile` for bytes opened elsewhere (`bufferReader` for a photo kept in its own row). */
export function sendFile(koa: Context, file: StoredFileReader, type: string): void {
  koa.set('Accept-Ranges', 'bytes');
  koa.type = type;
  const header = koa.get('range');
  const ranges = header ? parseRange(file.size, header, { combine: true }) : undefined;
  if (ranges === -1) {
    koa.set('Content-Range', `bytes */${file.size}`);
    throw refuse(commonRefusals.range_not_satisfiable, { size: file.size });
  }
  if (Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1) {
    const range = ranges[0]!;
    koa.status = 206;
    koa.set('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
    koa.body = file.stream(range);
    koa.length = range.end - range.start + 1;
    return;
  }
  koa.status = 200;
  koa.body = file.stream();
  koa.length = file.size;
}
