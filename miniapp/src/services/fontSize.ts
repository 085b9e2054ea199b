import Taro from '@tarojs/taro';
import { DEFAULT_FONT_SIZE, FONT_SIZE_KEY as STORAGE_KEY } from './storageKeys';
import { createStore } from './store';

/** Body text sizes in CSS px; long Chinese text reads best at 16–18px on a phone. */
export const FONT_SIZES = [
  { value: 16, label: '标准' },
  { value: 17, label: '较大' },
  { value: 18, label: '大' },
  { value: 20, label: '特大' },
] as const;

export { DEFAULT_FONT_SIZE } from './storageKeys';

function load(): number {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return FONT_SIZES.some((size) => size.value === stored) ? (stored as number) : DEFAULT_FONT_SIZE;
  } catch {
    return DEFAULT_FONT_SIZE;
  }
}

/** Remembered per device (Taro storage), not per account: it is about the reader's eyes and phone. */
export const fontSizeStore = createStore<number>(load());

export function setFontSize(size: number): void {
  if (!FONT_SIZES.some((option) => option.value === size)) return;
  Taro.setStorageSync(STORAGE_KEY, size);
  fontSizeStore.set(size);
}
