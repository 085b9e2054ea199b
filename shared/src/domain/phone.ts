/** Mainland China mobile number: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;

export function isMobilePhone(value: string): boolean {
  return MOBILE.test(value);
}

/** Removes spaces, dashes and a +86 / 86 prefix that people type or spreadsheets keep. */
export function normalizePhone(value: string): string {
  const digits = value.replace(/[\s\-()（）]/g, '');
  return digits.replace(/^(\+?86)(?=1\d{10}$)/, '');
}

/** How a phone appears in every list: 138****1234. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Last four digits, for the reading watermark. */
export function phoneTail(phone: string): string {
  return phone.slice(-4);
}
