import { Picker, Text, View } from '@tarojs/components';
import '../Field/index.scss';
import '../DatePicker/index.scss';

export interface Option {
  value: string;
  label: string;
}

export interface OptionPickerProps {
  label: string;
  options: readonly Option[];
  /** '' for none: the `allLabel` choice. */
  value: string;
  onChange: (value: string) => void;
  /** The first choice, meaning "no filter": 全部. */
  allLabel?: string;
}

/** One of a list, picked: WeChat's selector in the mini-program, the browser's select in H5. */
export function OptionPicker({ label, options, value, onChange, allLabel = '全部' }: OptionPickerProps) {
  const choices = [{ value: '', label: allLabel }, ...options];
  const index = Math.max(
    0,
    choices.findIndex((choice) => choice.value === value),
  );
  return (
    <View className="zj-field zj-date">
      <Text className="zj-field__label">{label}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <select
          className="zj-field__input zj-date__input"
          aria-label={label}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <Picker
          mode="selector"
          range={choices.map((choice) => choice.label)}
          value={index}
          onChange={(event) => onChange(choices[Number(event.detail.value)]?.value ?? '')}
        >
          <View className="zj-field__input zj-date__value">
            <Text>{choices[index]!.label}</Text>
          </View>
        </Picker>
      )}
    </View>
  );
}
