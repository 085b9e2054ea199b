import { Text, View } from '@tarojs/components';
import './index.scss';

interface SegmentedProps<T extends string> {
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  small?: boolean;
}

/** A row of mutually exclusive choices (a status filter, a block's type). */
export function Segmented<T extends string>({ options, value, onChange, small }: SegmentedProps<T>) {
  return (
    <View className={`zj-segmented${small ? ' zj-segmented--small' : ''}`} ariaRole="radiogroup">
      {options.map((option) => (
        <Text
          key={option.value}
          className={`zj-segmented__option${option.value === value ? ' zj-segmented__option--on' : ''}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </Text>
      ))}
    </View>
  );
}
