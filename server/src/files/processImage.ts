import { UPLOAD_LIMITS, uploadRefusals } from '@zhijian/shared';
import { fileTypeFromBuffer } from 'file-type';
import { refuse } from '../errors';
import { loadSharp } from './loadSharp';

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
  if (upload.length === 0) throw refuse(uploadRefusals.file_empty);
  const type = await fileTypeFromBuffer(upload);
  const allowed: readonly string[] = UPLOAD_LIMITS.imageTypes;
  if (!type || !allowed.includes(type.mime)) {
    throw refuse(uploadRefusals.file_type_refused, { detected: type?.mime ?? null }, '图片只能是 JPEG、PNG 或 WebP 格式');
  }
  const unreadable = () => refuse(uploadRefusals.file_unreadable, {}, '图片已损坏或无法读取，请重新选择');
  const sharp = await loadSharp();
  // The header says how large the picture is; nothing is decoded yet, so no limit applies here.
  const { width, height } = await sharp(upload, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw unreadable();
    });
  if (width && height && width * height > MAX_PIXELS) {
    throw refuse(uploadRefusals.file_too_complex, { limit: `${MAX_PIXELS / 1_000_000} 百万像素` }, '图片像素过多，请缩小后再上传');
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
    throw unreadable();
  }
}
