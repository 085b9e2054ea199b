import { uploadRefusals } from '@zhijian/shared';
import { fileTypeFromBuffer } from 'file-type';
import { refuse } from '../errors';
import { loadSharp } from './loadSharp';

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * An uploaded activity photo, told apart by its content (not its name), turned upright, fitted
 * into 1600 × 1600 and re-encoded as JPEG. Re-encoding keeps no metadata: EXIF position, device
 * and time never reach the members who view the photo.
 */
export async function processActivityPhoto(buffer: Buffer): Promise<{ mime: 'image/jpeg'; bytes: Buffer }> {
  const detected = await fileTypeFromBuffer(buffer).catch(() => undefined);
  if (!detected || !ACCEPTED.has(detected.mime)) {
    throw refuse(uploadRefusals.file_type_refused, { detected: detected?.mime ?? null }, '照片应为 JPEG、PNG 或 WebP 图片');
  }
  const sharp = await loadSharp();
  try {
    const bytes = await sharp(buffer, { failOn: 'error' })
      .rotate()
      .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    return { mime: 'image/jpeg', bytes };
  } catch {
    throw refuse(uploadRefusals.file_unreadable, {}, '图片已损坏或无法读取，请换一张');
  }
}
