const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Full-width digits to ASCII: `２０１６` → `2016`. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
}

/**
 * Reads `36`, `三十六`, `十二`, `一百零五` or digit by digit `二〇一六`; null when it is not a number.
 */
export function parseNumeral(text: string): number | null {
  const value = asciiDigits(text.trim());
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(value)) return null;
  if (!/[十百]/.test(value)) {
    return Number([...value].map((char) => DIGITS[char]).join(''));
  }
  let total = 0;
  let pending = 0;
  for (const char of value) {
    if (char === '百') {
      total += (pending || 1) * 100;
      pending = 0;
    } else if (char === '十') {
      total += (pending || 1) * 10;
      pending = 0;
    } else {
      pending = DIGITS[char] ?? 0;
    }
  }
  return total + pending;
}
