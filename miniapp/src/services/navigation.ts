import Taro from '@tarojs/taro';
import { SIGN_IN_PAGE } from '../routes';
import { toast } from './feedback';

let redirecting = false;

/** Back to sign-in from anywhere (one redirect at a time), with an optional message. */
export function goToSignIn(message?: string): void {
  if (redirecting) return;
  redirecting = true;
  Taro.reLaunch({ url: SIGN_IN_PAGE })
    .catch(() => undefined)
    .finally(() => {
      redirecting = false;
      if (message) toast(message);
    });
}
