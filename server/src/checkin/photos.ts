import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { legacyError } from '../legacyErrors';

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
export const MAX_PHOTOS_PER_ACTIVITY = 9;

/**
 * An uploaded activity photo, told apart by its content (not its name), turned upright, fitted
 * into 1600 × 1600 and re-encoded as JPEG. Re-encoding keeps no metadata: EXIF position, device
 * and time never reach the members who view the photo.
 */
export async function preparePhoto(buffer: Buffer): Promise<{ mime: 'image/jpeg'; bytes: Buffer }> {
  const detected = await fileTypeFromBuffer(buffer).catch(() => undefined);
  if (!detected || !ACCEPTED.has(detected.mime)) throw legacyError('unsupported_media_type', '照片应为 JPEG、PNG 或 WebP 图片');
  try {
    const bytes = await sharp(buffer, { failOn: 'error' })
      .rotate()
      .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    return { mime: 'image/jpeg', bytes };
  } catch {
    throw legacyError('invalid_input', '图片已损坏或无法读取，请换一张');
  }
}
