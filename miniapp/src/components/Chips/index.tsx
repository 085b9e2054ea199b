import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ChipsProps<T extends string | number> {
  options: readonly { value: T; label: string }[];
  value: T | null;
  onChange: (value: T) => void;
  label?: string;
  error?: string;
}

/** A single choice among a few options, as tappable chips (large targets, no picker wheel). */
export function Chips<T extends string | number>({ options, value, onChange, label, error }: ChipsProps<T>) {
  return (
    <View className={`zj-chips${error ? ' zj-chips--error' : ''}`}>
      {label ? <Text className="zj-chips__label">{label}</Text> : null}
      <View className="zj-chips__list" ariaRole="radiogroup" ariaLabel={label}>
        {options.map((option) => (
          <View
            key={String(option.value)}
            className={`zj-chips__chip${option.value === value ? ' zj-chips__chip--on' : ''}`}
            ariaRole="radio"
            ariaLabel={option.label}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </View>
        ))}
      </View>
      {error ? <Text className="zj-chips__error">{error}</Text> : null}
    </View>
  );
}
