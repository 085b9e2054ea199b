/** Build-time settings, replaced by Taro's define plugin (see config/index.ts). */
export const API_BASE: string = process.env.TARO_APP_API_BASE ?? '';

export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5';
}

/** The "new 简报" subscription-message template; empty when the build has none (no reminder button). */
export function bulletinTemplateId(): string {
  return process.env.TARO_APP_BULLETIN_TEMPLATE_ID ?? '';
}

/** The organiser's "check-in is on, you are not in yet" template; empty when the build has none (no button). */
export function checkinTemplateId(): string {
  return process.env.TARO_APP_CHECKIN_TEMPLATE_ID ?? '';
}
