import { Picker, Text, View } from '@tarojs/components';
import '../Field/index.scss';
import './index.scss';

export type DateFields = 'month' | 'day' | 'time';

export interface DatePickerProps {
  label: string;
  /** `YYYY-MM` for a month, `YYYY-MM-DD` for a day, `HH:mm` for a time; '' when none is chosen. */
  value: string;
  onChange: (value: string) => void;
  fields?: DateFields;
  /** The earliest and latest choice, in the same form as `value`. */
  start?: string;
  end?: string;
  error?: string;
  hint?: string;
  placeholder?: string;
}

const PROMPTS: Record<DateFields, string> = { month: '选择月份', day: '选择日期', time: '选择时间' };
const INPUT_TYPES: Record<DateFields, string> = { month: 'month', day: 'date', time: 'time' };

interface ControlProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  fields: DateFields;
  start?: string;
  end?: string;
  prompt: string;
}

/** The control alone: the browser's month/date/time input in H5, WeChat's picker in the mini-program. */
function PickerControl({ label, value, onChange, fields, start, end, prompt }: ControlProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input
        className="zj-field__input zj-date__input"
        type={INPUT_TYPES[fields]}
        aria-label={label}
        value={value}
        min={start}
        max={end}
        placeholder={prompt}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  const body = (
    <View className="zj-field__input zj-date__value">
      <Text className={value ? '' : 'zj-field__placeholder'}>{value || prompt}</Text>
    </View>
  );
  return fields === 'time' ? (
    <Picker mode="time" value={value} start={start} end={end} onChange={(event) => onChange(String(event.detail.value))}>
      {body}
    </Picker>
  ) : (
    <Picker mode="date" fields={fields} value={value} start={start} end={end} onChange={(event) => onChange(String(event.detail.value))}>
      {body}
    </Picker>
  );
}

function Underneath({ error, hint }: { error?: string; hint?: string }) {
  return error ? <Text className="zj-field__error">{error}</Text> : hint ? <Text className="zj-field__hint">{hint}</Text> : null;
}

/**
 * A month, a day or a time of day, picked, never typed: WeChat's own picker in the mini-program,
 * the browser's month/date/time input in H5 (a calendar on a desktop, the system wheel on a phone).
 */
export function DatePicker({ label, value, onChange, fields = 'day', start, end, error, hint, placeholder }: DatePickerProps) {
  return (
    <View className={`zj-field zj-date${error ? ' zj-field--error' : ''}`}>
      <Text className="zj-field__label">{label}</Text>
      <PickerControl
        label={label}
        value={value}
        onChange={onChange}
        fields={fields}
        start={start}
        end={end}
        prompt={placeholder ?? PROMPTS[fields]}
      />
      <Underneath error={error} hint={hint} />
    </View>
  );
}

export interface DateTimePickerProps {
  label: string;
  /** `YYYY-MM-DD HH:mm` (the form `parseShanghaiInput` reads); '' when none is chosen. */
  value: string;
  onChange: (value: string) => void;
  /** The earliest and latest day, `YYYY-MM-DD`. */
  start?: string;
  end?: string;
  error?: string;
  hint?: string;
}

/** Splits `YYYY-MM-DD HH:mm` into its day and time; either may be '' while half chosen. */
export function splitDateTime(value: string): { day: string; time: string } {
  const [day = '', time = ''] = value.split(' ');
  return { day, time };
}

/**
 * A moment as a day picker beside a time picker, held as one `YYYY-MM-DD HH:mm` string so the
 * pages keep parsing it as before; a missing half stays empty and the page's check names the field.
 */
export function DateTimePicker({ label, value, onChange, start, end, error, hint }: DateTimePickerProps) {
  const { day, time } = splitDateTime(value);
  const join = (nextDay: string, nextTime: string) => onChange(nextDay || nextTime ? `${nextDay} ${nextTime}` : '');
  return (
    <View className={`zj-field zj-date zj-date--pair${error ? ' zj-field--error' : ''}`}>
      <Text className="zj-field__label">{label}</Text>
      <View className="zj-date__pair">
        <View className="zj-date__day">
          <PickerControl
            label={`${label}（日期）`}
            value={day}
            onChange={(next) => join(next, time)}
            fields="day"
            start={start}
            end={end}
            prompt={PROMPTS.day}
          />
        </View>
        <View className="zj-date__time">
          <PickerControl label={`${label}（时间）`} value={time} onChange={(next) => join(day, next)} fields="time" prompt={PROMPTS.time} />
        </View>
      </View>
      <Underneath error={error} hint={hint} />
    </View>
  );
}
