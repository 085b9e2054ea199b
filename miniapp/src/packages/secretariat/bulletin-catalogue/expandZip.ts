import { Inflate } from 'fflate';
import type { PickedFile } from '../services/pickFile';
import {
  entryData,
  FOLDER_ZIP_LIMITS,
  isOfficeDocument,
  isSkipped,
  megabytes,
  readZipDirectory,
  ZipRefusal,
  type ZipDirectoryEntry,
  type ZipLimits,
} from './zipDirectory';

/** One item a zip gave the batch: a file to read, or why (part of) the archive was refused. */
export type ZipItem = { file: PickedFile; refused?: undefined } | { name: string; refused: string };

// Deflate expands at most ~1,032×: pushing 16 KB at a time, one step never yields more than ~16 MB.
const STEP = 16 * 1024;

/**
 * Inflates one entry, counting what comes out: past `cap` bytes it stops and refuses, whatever the
 * directory claimed, so a bomb never grows past `cap` (+ one step) in memory. Yields to the page
 * between steps so the progress stays drawn.
 */
async function inflateCapped(data: Uint8Array, entry: ZipDirectoryEntry, cap: number): Promise<Uint8Array> {
  const tooBig = () => new ZipRefusal(`解压后超过 ${megabytes(cap)}，疑似压缩炸弹，已拒绝`);
  if (entry.declaredSize > cap) throw tooBig();
  if (entry.method === 0) {
    if (data.length > cap) throw tooBig();
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipRefusal('压缩包中的这个文件使用了不支持的压缩方式');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size <= cap) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += STEP) {
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
      if (size > cap) throw tooBig();
      if (at % (64 * STEP) === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch (error) {
    throw error instanceof ZipRefusal ? error : new ZipRefusal('压缩包中的这个文件已损坏，无法解压');
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The newsletters inside a picked .zip of a folder, each named `zipname/path` and fed to the batch
 * like a picked file. Over the caps (read from the directory, before inflating) the zip is one
 * refused item; an entry that inflates past its cap is one refused item and the others go on.
 * Loaded by ./zipEntries in the H5 build only, once a zip is picked; fflate comes with it.
 */
export async function expandZip(picked: PickedFile, blob: Blob, given: Partial<ZipLimits> = {}): Promise<ZipItem[]> {
  const limits: ZipLimits = { ...FOLDER_ZIP_LIMITS, ...given };
  const zipName = picked.name;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let entries: ZipDirectoryEntry[];
  try {
    entries = readZipDirectory(bytes, limits);
  } catch (error) {
    return [{ name: zipName, refused: error instanceof ZipRefusal ? error.message : '压缩包已损坏或无法读取' }];
  }
  // A .docx is a zip too: an Office document goes on to the server as the file it is.
  if (isOfficeDocument(entries)) return [{ file: picked }];
  const items: ZipItem[] = [];
  let total = 0;
  const wanted = entries.filter((entry) => !isSkipped(entry.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of wanted) {
    const shown = `${zipName}/${entry.name}`;
    try {
      const inflated = await inflateCapped(entryData(bytes, entry), entry, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total));
      total += inflated.length;
      const file = new File([inflated as Uint8Array<ArrayBuffer>], entry.name.split('/').pop()!);
      items.push({ file: { path: shown, name: shown, size: file.size, file } });
    } catch (error) {
      items.push({ name: shown, refused: error instanceof ZipRefusal ? error.message : '压缩包中的这个文件无法解压' });
    }
  }
  if (items.length === 0) return [{ name: zipName, refused: '压缩包中没有可导入的文件' }];
  return items;
}
