/**
 * Where the app keeps what it remembers on the device (Taro storage, in H5 `localStorage` as
 * `{"data": value}`), and the privacy guide's version. In a module of its own, without imports:
 * index.html's sign-in form (src/splash.js, given these by the build) reads and writes the same
 * entries before the app's code has run.
 */
export const SESSION_KEY = 'zj.session';
export const FONT_SIZE_KEY = 'zj.fontSize';
export const PRIVACY_AGREED_KEY = 'zj.privacyAgreed';

/** Bump when the privacy page changes in substance: people are asked to agree again. */
export const PRIVACY_VERSION = '2025-11';

/** The body text size a reader who never chose one gets (CSS px). */
export const DEFAULT_FONT_SIZE = 17;
