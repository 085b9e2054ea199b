import { Text, View } from '@tarojs/components';
import { useFontSize } from '../../hooks/useFontSize';
import { FONT_SIZES, setFontSize } from '../../services/fontSize';
import './index.scss';

/** Choose the body text size; the sample below shows it at once. Remembered on this phone. */
export function FontSizePicker() {
  const current = useFontSize();
  return (
    <View className="zj-font-picker">
      <View className="zj-font-picker__options">
        {FONT_SIZES.map((option) => (
          <View
            key={option.value}
            className={`zj-font-picker__option${option.value === current ? ' zj-font-picker__option--on' : ''}`}
            ariaRole="button"
            ariaLabel={`字号${option.label}`}
            onClick={() => setFontSize(option.value)}
          >
            <Text style={{ fontSize: `${option.value}px` }}>{option.label}</Text>
          </View>
        ))}
      </View>
      <Text className="zj-font-picker__sample">示例：每月 5 日、15 日或 25 日是党员固定活动日，日子好记、时间集中、活动方便。</Text>
    </View>
  );
}
