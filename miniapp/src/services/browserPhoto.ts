import type { PickedFile } from './files';

/** Photos above this size are re-encoded before upload; smaller ones go as picked. */
export const SHRINK_ABOVE_BYTES = 1024 * 1024;
/** The longest edge after shrinking: sharp enough to read a banner in a photo of an activity. */
export const LONGEST_EDGE = 2048;
const JPEG_QUALITY = 0.8;

/** The size a width × height photo is drawn at so that neither edge exceeds `longest`. */
export function fitWithin(width: number, height: number, longest = LONGEST_EDGE): { width: number; height: number } {
  const scale = Math.min(1, longest / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * In a browser, what WeChat's compressImage does on the phone: a large photo is redrawn on a canvas
 * at most LONGEST_EDGE wide and re-encoded as JPEG, so a 6 MB camera picture fits the 5 MB limit
 * and uploads in a fraction of the time. Any failure (an exotic format the browser cannot decode)
 * keeps the original; the server checks size and type again either way.
 */
export async function shrinkInBrowser(file: PickedFile): Promise<PickedFile> {
  if (file.size <= SHRINK_ABOVE_BYTES) return file;
  try {
    const bitmap = await createImageBitmap(await (await fetch(file.path)).blob());
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob || blob.size >= file.size) return file;
    return { path: URL.createObjectURL(blob), size: blob.size, name: file.name.replace(/\.[^.]*$/, '') + '.jpg' };
  } catch {
    return file;
  }
}
