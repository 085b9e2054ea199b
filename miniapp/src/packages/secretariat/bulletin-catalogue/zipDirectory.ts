/**
 * The central directory of a zip, read by hand before any library inflates a byte: how many entries
 * and how large they claim to be, so a folder's zip over the caps is refused unopened. The caps are
 * the server's (server/src/bulletinImport/batch.ts, FOLDER_ZIP_LIMITS); what the directory claims
 * is checked again while inflating (./expandZip), since a hostile archive can lie.
 */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const FOLDER_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: 30 * 1024 * 1024,
  maxTotalBytes: 300 * 1024 * 1024,
};

export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused when inflated. */
  method: number;
  compressedSize: number;
  /** What the directory claims; ./expandZip measures the truth. */
  declaredSize: number;
  localHeaderOffset: number;
}

/** A zip is told by its content: a local file header first. */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** Folders, macOS resource forks, dot-files and Windows thumbnails are not newsletters. */
export function isSkipped(name: string): boolean {
  if (name.endsWith('/')) return true;
  const parts = name.split('/');
  const base = parts[parts.length - 1]!.toLowerCase();
  return parts.some((part) => part === '__MACOSX' || part.startsWith('.')) || base === 'thumbs.db' || base === 'desktop.ini';
}

/** A .docx, .xlsx or new-style .wps is a zip with a content-types part; a folder's zip is not. */
export function isOfficeDocument(entries: readonly ZipDirectoryEntry[]): boolean {
  return entries.some((entry) => entry.name === '[Content_Types].xml');
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Why an archive or an entry is refused, in Chinese, shown as one item of the batch. */
export class ZipRefusal extends Error {}

const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The entries the directory lists; throws a ZipRefusal when it is unreadable or over the caps. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = FOLDER_ZIP_LIMITS): ZipDirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefusal('压缩包已损坏或无法读取');
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipRefusal('不支持 ZIP64 格式的超大压缩包');
  if (count > limits.maxEntries) throw new ZipRefusal(`压缩包内最多 ${limits.maxEntries} 个文件`);
  const decoder = new TextDecoder();
  const entries: ZipDirectoryEntry[] = [];
  let total = 0;
  let at = offset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipRefusal('压缩包已损坏或无法读取');
    if (view.getUint16(at + 8, true) & 0x1) throw new ZipRefusal('压缩包已加密，请先解密再上传');
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const declaredSize = view.getUint32(at + 24, true);
    total += declaredSize;
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize,
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (total > limits.maxTotalBytes) throw new ZipRefusal(`压缩包解压后合计不能超过 ${megabytes(limits.maxTotalBytes)}`);
  return entries;
}

export { megabytes };

/** The compressed bytes of one entry, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipDirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipRefusal('压缩包中的这个文件已损坏，无法解压');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipRefusal('压缩包中的这个文件已损坏，无法解压');
  return bytes.subarray(start, start + entry.compressedSize);
}
