import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { uploadRefusals } from '@zhijian/shared';
import { refuse, type AppError } from '../errors';

/**
 * Reads a zip (docx, xlsx) the way a hostile one must be read: the directory first, then each
 * entry inflated with a hard cap on its output, so a few hundred kilobytes claiming to be — or
 * lying about being — small never become gigabytes. Office libraries only get an archive that
 * passed `checkZip`.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused. */
  method: number;
  compressedSize: number;
  /** What the directory claims; `checkZip` measures the truth. */
  declaredSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** How many entries the archive may hold. */
  maxEntries: number;
  /** The largest one entry may inflate to, in bytes. */
  maxEntryBytes: number;
  /** All entries inflated together, in bytes. */
  maxTotalBytes: number;
  /** Smaller caps for named entries, e.g. `{ 'docProps/app.xml': 1 MB }`. */
  entryCaps?: Record<string, number>;
  /**
   * Which entries get inflated and measured; the others (images nobody will read) are held to
   * their declared sizes only. All of them when left out.
   */
  inflate?: (name: string) => boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function unreadable(): AppError {
  return refuse(uploadRefusals.file_unreadable, {}, '压缩文件（docx/xlsx）已损坏或无法读取');
}

export function tooComplex(limit: string): AppError {
  return refuse(uploadRefusals.file_too_complex, { limit });
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The central directory; refuses archives it cannot read, zip64 and encrypted entries. */
export function readZipDirectory(buffer: Buffer, maxEntries: number): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  const from = Math.max(0, buffer.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= from; i -= 1) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = buffer.readUInt16LE(eocd + 10);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw tooComplex('不支持 ZIP64 格式的超大压缩包');
  if (count > maxEntries) throw tooComplex(`压缩包内最多 ${maxEntries} 个文件`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw unreadable();
    const flags = buffer.readUInt16LE(at + 8);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      declaredSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    };
    if (flags & 0x1) throw refuse(uploadRefusals.file_encrypted);
    if (entry.method !== 0 && entry.method !== 8) throw unreadable();
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const inflateRawAsync = promisify(inflateRaw);

/**
 * One entry's bytes, inflated to at most `maxBytes` — more is a refusal, not a bigger buffer. The
 * inflating runs on libuv's thread pool, so the event loop keeps answering meanwhile.
 */
export async function inflateEntry(buffer: Buffer, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) throw unreadable();
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw unreadable();
  if (entry.method === 0) {
    if (data.length > maxBytes) throw tooComplex(`单个文件解压后不能超过 ${megabytes(maxBytes)}`);
    return data;
  }
  try {
    return await inflateRawAsync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw tooComplex(`${entry.name} 解压后超过 ${megabytes(maxBytes)}`);
    }
    throw unreadable();
  }
}

/**
 * Checks an archive against its limits by inflating every entry under a cap — the sizes the
 * directory declares are only used to refuse early. Returns the entries, with `read(name)` for the
 * ones the caller wants to look into (already inflated, within their caps).
 */
export async function checkZip(
  buffer: Buffer,
  limits: ZipLimits,
): Promise<{ entries: ZipEntry[]; read(name: string): Buffer | undefined }> {
  const entries = readZipDirectory(buffer, limits.maxEntries);
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > limits.maxTotalBytes) throw tooComplex(`解压后合计不能超过 ${megabytes(limits.maxTotalBytes)}`);
  const inflated = new Map<string, Buffer>();
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const cap = Math.min(limits.entryCaps?.[entry.name] ?? limits.maxEntryBytes, limits.maxTotalBytes - total);
    if (entry.declaredSize > cap) throw tooComplex(`${entry.name} 解压后超过 ${megabytes(cap)}`);
    if (limits.inflate && !limits.inflate(entry.name)) {
      total += entry.declaredSize;
      continue;
    }
    const bytes = await inflateEntry(buffer, entry, cap);
    total += bytes.length;
    inflated.set(entry.name, bytes);
  }
  return { entries, read: (name) => inflated.get(name) };
}

/** How often `needle` occurs in `haystack` (UTF-8 XML), stopping once past `max`. */
export function countOccurrences(haystack: Buffer, needle: string, max: number): number {
  const pattern = Buffer.from(needle);
  let count = 0;
  for (let at = haystack.indexOf(pattern); at >= 0 && count <= max; at = haystack.indexOf(pattern, at + pattern.length)) count += 1;
  return count;
}
