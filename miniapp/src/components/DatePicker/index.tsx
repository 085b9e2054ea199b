import { Picker, Text, View } from '@tarojs/components';
import '../Field/index.scss';
import './index.scss';

export interface DatePickerProps {
  label: string;
  /** `YYYY-MM` for a month, `YYYY-MM-DD` for a day; '' when none is chosen. */
  value: string;
  onChange: (value: string) => void;
  fields?: 'month' | 'day';
  /** The earliest and latest choice, in the same form as `value`. */
  start?: string;
  end?: string;
  error?: string;
  hint?: string;
  placeholder?: string;
}

/**
 * A month or a day, picked, never typed: WeChat's own date picker in the mini-program, the
 * browser's month/date input in H5 (a calendar on a desktop, the system wheel on a phone).
 */
export function DatePicker({ label, value, onChange, fields = 'day', start, end, error, hint, placeholder }: DatePickerProps) {
  const prompt = placeholder ?? (fields === 'month' ? '选择月份' : '选择日期');
  return (
    <View className={`zj-field zj-date${error ? ' zj-field--error' : ''}`}>
      <Text className="zj-field__label">{label}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          className="zj-field__input zj-date__input"
          type={fields === 'month' ? 'month' : 'date'}
          aria-label={label}
          value={value}
          min={start}
          max={end}
          placeholder={prompt}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <Picker
          mode="date"
          fields={fields}
          value={value}
          start={start}
          end={end}
          onChange={(event) => onChange(String(event.detail.value))}
        >
          <View className="zj-field__input zj-date__value">
            <Text className={value ? '' : 'zj-field__placeholder'}>{value || prompt}</Text>
          </View>
        </Picker>
      )}
      {error ? <Text className="zj-field__error">{error}</Text> : hint ? <Text className="zj-field__hint">{hint}</Text> : null}
    </View>
  );
}
