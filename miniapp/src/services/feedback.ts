import Taro from '@tarojs/taro';
import { COLOURS } from '../styles/tokens';

/**
 * What the app says back to a tap: a short toast, or a question before something that cannot be
 * undone. The one place these are spelled out; pages reach them through `useAction`.
 */

/** WeChat cuts a toast with an icon after 7 characters; longer messages go without the icon. */
const ICON_TEXT_LIMIT = 7;

/** A message in a toast: the server's refusal, a hint, a longer result. */
export function toast(message: string): void {
  void Promise.resolve(Taro.showToast({ title: message, icon: 'none', duration: 2500 })).catch(() => undefined);
}

/** Something done: with the tick when the message is short enough to show beside it. */
export function toastDone(message: string): void {
  if (Array.from(message).length > ICON_TEXT_LIMIT) {
    toast(message);
    return;
  }
  void Promise.resolve(Taro.showToast({ title: message, icon: 'success' })).catch(() => undefined);
}

export interface Question {
  title: string;
  content: string;
  /** The button that goes ahead, e.g. 删除; 确定 unless given. */
  confirmText?: string;
  cancelText?: string;
}

/** Asks before going ahead; true only when the user confirmed (a dialog that fails to open is a no). */
export async function confirm({ title, content, confirmText = '确定', cancelText = '取消' }: Question): Promise<boolean> {
  try {
    // The platform's default confirm button is green; ours is the brand red (design tokens).
    const answer = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: COLOURS.red, cancelColor: COLOURS.ink2 });
    return answer.confirm;
  } catch {
    return false;
  }
}
