import { Text, View } from '@tarojs/components';
import { ACTIVITY_DAYS, DEFAULT_MOBILE_WEEKDAY, WEEKDAY_LABELS, WEEKDAYS, type ActivityRule, type RuleUpdate } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { ActivityFields } from '../components/ActivityFields';
import { CheckinArea } from '../components/CheckinArea';
import { FormError } from '../components/FormError';
import { TimeFields } from '../components/TimeFields';

/** A rule as the contract takes it: a monthly one (unit, branch) names its day of month, a weekly one (host site) its weekday. */
export type RuleDraft = z.input<typeof RuleUpdate>;

/** The form as typed: every field of a rule, both the day of month and the weekday. */
type Fields = Required<z.output<typeof RuleUpdate>>;

function fieldsOf(rule: ActivityRule | undefined): Fields {
  return {
    dayOfMonth: rule?.dayOfMonth ?? 15,
    weekday: rule?.weekday ?? DEFAULT_MOBILE_WEEKDAY,
    startTime: rule?.startTime ?? '14:00',
    durationMinutes: rule?.durationMinutes ?? 120,
    title: rule?.title ?? '党员固定活动日',
    placeName: rule?.placeName ?? '',
    placeAddress: rule?.placeAddress ?? '',
    agenda: rule?.agenda ?? [],
    // Sent back as they are: a rule saved without them would lose its check-in area.
    latitude: rule?.latitude ?? null,
    longitude: rule?.longitude ?? null,
    radiusMeters: rule?.radiusMeters ?? null,
  };
}

const WEEKDAY_OPTIONS = WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_LABELS[day]! }));

/**
 * 三固定 of the unit or a branch: the day is one of three buttons — 5, 15, 25 — so no other day can
 * be chosen; the server refuses any other day as well. A host site's mobile members meet weekly.
 */
export function RuleEditor({
  rule,
  cadence = 'monthly',
  saving,
  error,
  onSave,
}: {
  rule?: ActivityRule;
  cadence?: ActivityRule['cadence'];
  saving: boolean;
  error?: string | null;
  onSave: (draft: RuleDraft) => void;
}) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(rule));
  const update = (patch: Partial<Fields>) => setFields((current) => ({ ...current, ...patch }));
  const { dayOfMonth, weekday, ...common } = fields;

  return (
    <View className="zj-rule-editor">
      {cadence === 'monthly' ? (
        <>
          <Text className="zj-rule-editor__label">每月固定活动日</Text>
          <View className="zj-rule-editor__days" role="radiogroup">
            {ACTIVITY_DAYS.map((day) => (
              <Button
                key={day}
                size="small"
                variant={dayOfMonth === day ? 'primary' : 'secondary'}
                onClick={() => update({ dayOfMonth: day })}
              >
                {`${day} 日`}
              </Button>
            ))}
          </View>
        </>
      ) : (
        <Chips label="每周活动日" options={WEEKDAY_OPTIONS} value={weekday} onChange={(day) => update({ weekday: day })} />
      )}
      <TimeFields value={fields} onChange={update} />
      <ActivityFields value={fields} onChange={update} agendaLabel="固定议程" />
      <CheckinArea value={fields} onChange={update} />
      <FormError message={error} />
      <Button block loading={saving} onClick={() => onSave(cadence === 'monthly' ? { dayOfMonth, ...common } : { weekday, ...common })}>
        保存规则并生成未来三个月的活动
      </Button>
    </View>
  );
}
