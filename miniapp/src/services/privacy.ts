import Taro from '@tarojs/taro';
import { isWeapp } from './env';
import { PRIVACY_AGREED_KEY as AGREED_KEY, PRIVACY_VERSION } from './storageKeys';
import { createStore } from './store';

export { PRIVACY_VERSION } from './storageKeys';

export const AGREE_BUTTON_ID = 'privacy-agree';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

/** A privacy API waiting for the user's answer (WeChat's onNeedPrivacyAuthorization). */
export const privacyPromptStore = createStore<{ resolve: Resolve } | null>(null);

let installed = false;

/**
 * WeChat holds back every privacy API (location, photos, clipboard …) until the user agrees to the
 * privacy guide; it asks through this listener. We show our popup (components/PrivacyPopup), whose
 * agree button has open-type="agreePrivacyAuthorization".
 */
export function installPrivacyHandler(): void {
  if (installed || !isWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  installed = true;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // A prompt still open from another API call is answered "disagree" first: one popup at a time.
    privacyPromptStore.get()?.resolve({ event: 'disagree' });
    privacyPromptStore.set({ resolve });
  });
}

export function answerPrivacyPrompt(agree: boolean): void {
  const prompt = privacyPromptStore.get();
  if (!prompt) return;
  privacyPromptStore.set(null);
  if (agree) {
    prompt.resolve({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    rememberAgreement();
  } else {
    prompt.resolve({ event: 'disagree' });
  }
}

/** Tells WeChat the popup was shown (their guide asks for it before agree/disagree). */
export function reportPrivacyExposure(): void {
  privacyPromptStore.get()?.resolve({ event: 'exposureAuthorization' });
}

export function hasAgreedToPrivacy(): boolean {
  try {
    return Taro.getStorageSync(AGREED_KEY) === PRIVACY_VERSION;
  } catch {
    return false;
  }
}

export function rememberAgreement(): void {
  Taro.setStorageSync(AGREED_KEY, PRIVACY_VERSION);
}

export function openWechatPrivacyContract(): void {
  if (isWeapp()) Taro.openPrivacyContract({});
}
