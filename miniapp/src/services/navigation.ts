import Taro from '@tarojs/taro';
import { BIND_PAGE, PRIVACY_PAGE, SIGN_IN_PAGE, TAB_PAGES } from '../routes';
import { toast } from './feedback';

let redirecting = false;

/** Pages of signing in itself: nobody is sent back to them after signing in. */
const SIGN_IN_PAGES = [SIGN_IN_PAGE, BIND_PAGE, PRIVACY_PAGE];

/** Router parameters that are Taro's own, not the page's. */
const TARO_PARAMS = new Set(['$taroTimestamp', 'stamp']);

/** A page of this app (`/pages/…` or `/packages/…`), never another site: the only places `next` may lead. */
export function isAppPage(url: string): boolean {
  return /^\/(pages|packages)\/[\w/-]+(\?[^#]*)?$/.test(url);
}

/** The page shown now, as a URL to come back to (`/packages/bulletin/article/index?id=3`); null for the sign-in pages. */
export function currentPageUrl(): string | null {
  const router = Taro.getCurrentInstance().router;
  if (!router?.path) return null;
  const [rawPath, rawQuery] = router.path.split('?');
  const path = rawPath!.startsWith('/') ? rawPath! : `/${rawPath}`;
  if (SIGN_IN_PAGES.includes(path)) return null;
  // No URLSearchParams: WeChat's JavaScript has none.
  const params = new Map<string, string>();
  for (const pair of (rawQuery ?? '').split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    params.set(decodeURIComponent(key!), decodeURIComponent(value));
  }
  for (const [key, value] of Object.entries(router.params)) if (typeof value === 'string') params.set(key, value);
  const query = [...params]
    .filter(([key, value]) => !TARO_PARAMS.has(key) && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  const url = query ? `${path}?${query}` : path;
  return isAppPage(url) ? url : null;
}

/**
 * Back to sign-in from anywhere (one redirect at a time), with an optional message. Unless the
 * person signed out on purpose, the page they were on goes along as `next`, so signing in brings
 * them back to it (an article opened from a link, a page whose sign-in expired).
 */
export function goToSignIn(message?: string, { comeBack = true }: { comeBack?: boolean } = {}): void {
  if (redirecting) return;
  redirecting = true;
  const next = comeBack ? currentPageUrl() : null;
  Taro.reLaunch({ url: next ? `${SIGN_IN_PAGE}?next=${encodeURIComponent(next)}` : SIGN_IN_PAGE })
    .catch(() => undefined)
    .finally(() => {
      redirecting = false;
      if (message) toast(message);
    });
}

/** Opens a page as the only one: a tab by switchTab, any other page by reLaunch. */
export function openAlone(url: string): void {
  const path = url.split('?')[0]!;
  if (TAB_PAGES.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.reLaunch({ url });
}
