import { commonRefusals } from '@zhijian/shared';
import type { Context } from 'koa';
import parseRange from 'range-parser';
import { refuse } from '../errors';
import type { Logger } from '../logger';
import type { ByteRange, FileStorage, StoredFileReader } from '../storage/fileStorage';

/**
 * Answers with a stored file, streamed from whichever backend holds it, honouring a single
 * `Range: bytes=…` (a video player seeks with it; WeChat's <video> asks for ranges). Several ranges
 * or a malformed header get the whole file, which RFC 9110 allows. False when nothing is stored.
 */
export async function sendStoredFile(koa: Context, storage: FileStorage, key: string, type: string): Promise<boolean> {
  const file = await storage.open(key);
  if (!file) return false;
  await sendFile(koa, file, type);
  return true;
}

/** `sendStoredFile` for bytes opened elsewhere (`bufferReader` for a photo kept in its own row). */
export async function sendFile(koa: Context, file: StoredFileReader, type: string): Promise<void> {
  koa.set('Accept-Ranges', 'bytes');
  koa.type = type;
  const header = koa.get('range');
  const ranges = header ? parseRange(file.size, header, { combine: true }) : undefined;
  if (ranges === -1) {
    koa.set('Content-Range', `bytes */${file.size}`);
    throw refuse(commonRefusals.range_not_satisfiable, { size: file.size });
  }
  let range: ByteRange | undefined;
  if (Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1) {
    range = { start: ranges[0]!.start, end: ranges[0]!.end };
    koa.status = 206;
    koa.set('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
  } else {
    koa.status = 200;
  }
  koa.length = range ? range.end - range.start + 1 : file.size;
  if (file.copyTo && file.size > 0) await writeThrough(koa, file.copyTo, range ?? { start: 0, end: file.size - 1 });
  else koa.body = file.stream(range);
}

/**
 * Koa would pipe a stream to the response; these bytes go through one reused buffer instead
 * (`copyFileRange.ts`), so the headers are written here and Koa leaves the response alone.
 */
async function writeThrough(koa: Context, copy: NonNullable<StoredFileReader['copyTo']>, range: ByteRange): Promise<void> {
  koa.respond = false;
  koa.res.writeHead(koa.status);
  if (koa.method !== 'HEAD') {
    try {
      await copy(koa.res, range);
    } catch (error) {
      // The status line is sent: all that is left to say is that the answer is cut short.
      (koa.state.log as Logger | undefined)?.warn({ err: error }, 'stored file could not be sent whole');
      koa.res.destroy();
      return;
    }
  }
  koa.res.end();
}
