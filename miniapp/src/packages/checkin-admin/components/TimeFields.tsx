import type { ExtraActivityInput } from '@zhijian/shared';
import type { z } from 'zod';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import type { Problems } from '../../../services/errors';

/** When an activity starts (`HH:MM`, Shanghai wall clock) and how long it lasts. */
export type TimeFieldsDraft = Pick<z.output<typeof ExtraActivityInput>, 'startTime' | 'durationMinutes'>;

/** When an activity starts (Beijing time) and how long it lasts. */
export function TimeFields({
  value,
  onChange,
  problems = {},
}: {
  value: TimeFieldsDraft;
  onChange: (patch: Partial<TimeFieldsDraft>) => void;
  problems?: Problems;
}) {
  return (
    <>
      <DatePicker
        label="开始时间"
        fields="time"
        value={value.startTime}
        onChange={(startTime) => onChange({ startTime })}
        error={problems.startTime}
      />
      <Field
        label="时长（分钟）"
        type="number"
        value={String(value.durationMinutes)}
        onChange={(minutes) => onChange({ durationMinutes: Number(minutes) || 0 })}
        maxlength={3}
        error={problems.durationMinutes}
      />
    </>
  );
}
