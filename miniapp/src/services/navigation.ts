import Taro from '@tarojs/taro';
import { SIGN_IN_PAGE } from '../routes';

let redirecting = false;

/** Back to sign-in from anywhere (one redirect at a time), with an optional message. */
export function goToSignIn(message?: string): void {
  if (redirecting) return;
  redirecting = true;
  Taro.reLaunch({ url: SIGN_IN_PAGE })
    .catch(() => undefined)
    .finally(() => {
      redirecting = false;
      if (message) void Taro.showToast({ title: message, icon: 'none', duration: 2500 }).catch(() => undefined);
    });
}

export function toast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 }).catch(() => undefined);
}
