import { allEndpoints, BonusClaimInput, DeductionInput, DuesInput, ExtraActivityInput, VolunteerActivityInput } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shapeOf } from '../support/schemaFields';

const messagesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('a required date, month or time left empty', () => {
  // Dates and times come from pickers: a person who picked nothing should read that it is missing,
  // by name, not a format (「日期格式应为 YYYY-MM-DD」) they never typed.
  it('says which field is missing in every body of every endpoint, never the format', () => {
    const formatWhenEmpty: string[] = [];
    let required = 0;
    for (const endpoint of allEndpoints()) {
      const body = endpoint.body as z.ZodType | undefined;
      if (!body) continue;
      for (const [key, field] of Object.entries(shapeOf(body))) {
        if (field.safeParse(undefined).success) continue;
        required++;
        const messages = messagesOf(field, '');
        if (messages.some((message) => message.includes('格式应为')))
          formatWhenEmpty.push(`${endpoint.method} ${endpoint.path} ${key}: ${messages.join('；')}`);
      }
    }
    expect(required).toBeGreaterThan(100);
    expect(formatWhenEmpty).toEqual([]);
  });

  it('names the field in Chinese, and a value in the wrong form still gets the format', () => {
    const field = (schema: z.ZodType, key: string) => shapeOf(schema)[key]!;
    expect(messagesOf(field(DeductionInput, 'occurredOn'), '')).toEqual(['请选择发生日期']);
    expect(messagesOf(field(DeductionInput, 'occurredOn'), '2026-02-30')).toEqual(['日期格式应为 YYYY-MM-DD']);
    expect(messagesOf(field(BonusClaimInput, 'occurredOn'), '')).toEqual(['请选择事迹日期']);
    expect(messagesOf(field(DuesInput, 'month'), '')).toEqual(['请选择月份']);
    expect(messagesOf(field(DuesInput, 'month'), '2026/9')).toEqual(['月份格式应为 YYYY-MM']);
    expect(messagesOf(field(ExtraActivityInput, 'startTime'), '')).toEqual(['请选择开始时间']);
    expect(messagesOf(field(ExtraActivityInput, 'startTime'), '25:00')).toEqual(['时间格式应为 HH:MM（24 小时制）']);
    expect(messagesOf(field(VolunteerActivityInput, 'signUpDeadline'), '')).toEqual(['请选择报名截止']);
    expect(field(DeductionInput, 'occurredOn').safeParse('2026-11-30').success).toBe(true);
    expect(z.globalRegistry.get(field(DeductionInput, 'occurredOn'))?.label).toBe('发生日期');
  });
});
