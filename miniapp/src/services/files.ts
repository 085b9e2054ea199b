import Taro from '@tarojs/taro';
import { UPLOAD_LIMITS, type EntryFile } from '@zhijian/shared';
import { shrinkInBrowser } from './browserPhoto';
import { isH5 } from './env';
import { UserError } from './errors';

/** A file picked on the device, not yet uploaded. */
export interface PickedFile {
  path: string;
  size: number;
  name: string;
  /** H5 only: the picked File, sent as it is with fetch + FormData. */
  file?: File;
}

const MB = 1024 * 1024;

function cancelled(error: unknown): boolean {
  return /cancel/i.test((error as { errMsg?: string })?.errMsg ?? '');
}

/**
 * Photos from the camera or the album, compressed on the device before upload, since a camera
 * photo is often larger than the 5 MB the server accepts: `compressImage` in WeChat, a canvas in a
 * browser (services/browserPhoto). The size is checked again before sending, and by the server.
 */
export async function pickImages(max: number): Promise<PickedFile[]> {
  if (max <= 0) throw new UserError(`每份报送最多 ${UPLOAD_LIMITS.imagesPerEntry} 张图片`);
  try {
    if (isH5()) {
      const result = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const picked = result.tempFiles.map((file, index) => ({
        path: file.path,
        size: file.size,
        name: (file as { originalFileObj?: File }).originalFileObj?.name ?? `photo-${index + 1}.jpg`,
      }));
      return Promise.all(picked.map(shrinkInBrowser));
    }
    const result = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    const picked: PickedFile[] = [];
    for (const [index, file] of result.tempFiles.entries()) {
      picked.push(await compressed({ path: file.tempFilePath, size: file.size, name: `photo-${index + 1}.jpg` }));
    }
    return picked;
  } catch (error) {
    if (cancelled(error)) return [];
    throw error;
  }
}

/** WeChat only: photos over 1 MB are recompressed at quality 80. */
async function compressed(file: PickedFile): Promise<PickedFile> {
  if (file.size <= MB) return file;
  try {
    const result = await Taro.compressImage({ src: file.path, quality: 80 });
    const size = await Taro.getFileInfo({ filePath: result.tempFilePath }).then(
      (info) => ('size' in info ? info.size : file.size),
      () => file.size,
    );
    return { ...file, path: result.tempFilePath, size };
  } catch {
    return file;
  }
}

/** A Word or PDF file: from a chat in WeChat, from the file system in a browser. */
export async function pickAttachment(): Promise<PickedFile | null> {
  if (isH5())
    return pickFileInBrowser('.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  try {
    const result = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'docx'] });
    const file = result.tempFiles[0];
    return file ? { path: file.path, size: file.size, name: file.name } : null;
  } catch (error) {
    if (cancelled(error)) return null;
    throw error;
  }
}

function pickFileInBrowser(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), size: file.size, name: file.name } : null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** The size limit of each kind, checked before anything is sent. */
export function checkSize(kind: EntryFile['kind'], file: PickedFile): void {
  const limit = kind === 'image' ? UPLOAD_LIMITS.imageBytes : UPLOAD_LIMITS.attachmentBytes;
  if (file.size > limit) throw new UserError(`${file.name} 超过 ${limit / MB} MB，请压缩后再上传`);
}
