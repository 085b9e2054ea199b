import Taro from '@tarojs/taro';
import { UserError } from '../../../services/errors';
import type { PickedFile } from '../../../services/files';

export type { PickedFile };

function cancelled(error: unknown): boolean {
  return /cancel/i.test((error as { errMsg?: string } | null)?.errMsg ?? '');
}

/**
 * Lets the user pick one document. WeChat: from a chat (`chooseMessageFile`, the only way to reach
 * files there). H5: a file input — Taro 4's H5 build does not implement `chooseMessageFile`.
 * Resolves null when the user cancels.
 */
export async function pickDocument(extensions: string[]): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(extensions);
  try {
    const result = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
    const file = result.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch (error) {
    if (cancelled(error)) return null;
    throw new UserError('无法选择文件，请稍后再试');
  }
}

function pickInBrowser(extensions: string[]): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((ext) => `.${ext}`).join(',');
    input.style.display = 'none';
    const done = (picked: PickedFile | null) => {
      input.remove();
      resolve(picked);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done(file ? { path: file.name, name: file.name, size: file.size, file } : null);
    });
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the user pick up to `max` documents at once; an empty list when the user cancels. */
export async function pickDocuments(extensions: string[], max: number): Promise<PickedFile[]> {
  if (process.env.TARO_ENV === 'h5') return pickManyInBrowser(extensions);
  try {
    const result = await Taro.chooseMessageFile({ count: max, type: 'file', extension: extensions });
    return result.tempFiles.map((file) => ({ path: file.path, name: file.name, size: file.size }));
  } catch (error) {
    if (cancelled(error)) return [];
    throw new UserError('无法选择文件，请稍后再试');
  }
}

function pickManyInBrowser(extensions: string[]): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = extensions.map((ext) => `.${ext}`).join(',');
    input.style.display = 'none';
    const done = (picked: PickedFile[]) => {
      input.remove();
      resolve(picked);
    };
    input.addEventListener('change', () =>
      done([...(input.files ?? [])].map((file) => ({ path: file.name, name: file.name, size: file.size, file }))),
    );
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}
