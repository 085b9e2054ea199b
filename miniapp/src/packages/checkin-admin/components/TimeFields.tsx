import { Field } from '../../../components/Field';

export interface TimeFieldsDraft {
  /** `HH:MM`, Shanghai wall clock. */
  startTime: string;
  durationMinutes: number;
}

/** When an activity starts (Beijing time) and how long it lasts. */
export function TimeFields({
  value,
  onChange,
  problems = {},
}: {
  value: TimeFieldsDraft;
  onChange: (patch: Partial<TimeFieldsDraft>) => void;
  problems?: Record<string, string>;
}) {
  return (
    <>
      <Field
        label="开始时间"
        value={value.startTime}
        onChange={(startTime) => onChange({ startTime })}
        placeholder="如 14:00"
        maxlength={5}
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
