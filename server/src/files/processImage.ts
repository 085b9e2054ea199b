import { UPLOAD_LIMITS } from '@zhijian/shared';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { legacyError } from '../legacyErrors';

export interface ProcessedFile {
  data: Buffer;
  mimeType: string;
  extension: string;
  width: number | null;
  height: number | null;
}

/** Larger than any phone camera (a 200-megapixel sensor is 200 000 000); refuses decompression bombs. */
const MAX_PIXELS = 250_000_000;

/**
 * An uploaded photo, checked by its content (not its name) and re-encoded in the same format:
 * sharp writes no EXIF, XMP or IPTC unless asked, so GPS position, device and owner are gone.
 * The EXIF orientation is applied to the pixels first, so the photo still stands upright.
 */
export async function processImage(upload: Buffer): Promise<ProcessedFile> {
  const type = await fileTypeFromBuffer(upload);
  const allowed: readonly string[] = UPLOAD_LIMITS.imageTypes;
  if (!type || !allowed.includes(type.mime)) {
    throw legacyError('unsupported_media_type', '图片只能是 JPEG、PNG 或 WebP 格式', { detected: type?.mime ?? null });
  }
  try {
    const pipeline = sharp(upload, { limitInputPixels: MAX_PIXELS }).rotate();
    const encoded =
      type.mime === 'image/jpeg'
        ? pipeline.jpeg({ quality: 88 })
        : type.mime === 'image/png'
          ? pipeline.png()
          : pipeline.webp({ quality: 88 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, mimeType: type.mime, extension: type.ext, width: info.width, height: info.height };
  } catch {
    throw legacyError('invalid_input', '图片已损坏或无法读取，请重新选择', { detected: type.mime });
  }
}
