import { isMobilePhone, maskPhone, normalizePhone, phoneTail } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';

describe('phone rules', () => {
  it('masks a phone as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('123')).toBe('***');
  });

  it('keeps the last four digits for the watermark', () => {
    expect(phoneTail('13812341234')).toBe('1234');
  });

  it('normalises what people type and spreadsheets keep', () => {
    expect(normalizePhone('+86 138-1234-1234')).toBe('13812341234');
    expect(normalizePhone('86 13812341234')).toBe('13812341234');
    expect(normalizePhone('（138）12341234')).toBe('13812341234');
  });

  it('accepts mainland mobile numbers only', () => {
    expect(isMobilePhone('13812341234')).toBe(true);
    expect(isMobilePhone('19912341234')).toBe(true);
    expect(isMobilePhone('12812341234')).toBe(false);
    expect(isMobilePhone('1381234123')).toBe(false);
    expect(isMobilePhone('057188888888')).toBe(false);
  });
});
