import { Text, View } from '@tarojs/components';
import './record.scss';

/** The year a sheet is for: one step back or forward at a time (no later than `max`). */
export function YearStepper({ year, onChange, max }: { year: number; onChange: (year: number) => void; max: number }) {
  return (
    <View className="zj-year">
      <View className="zj-year__step" ariaRole="button" ariaLabel="上一年" onClick={() => onChange(year - 1)}>
        ‹
      </View>
      <Text className="zj-year__value">{year} 年</Text>
      {year < max ? (
        <View className="zj-year__step" ariaRole="button" ariaLabel="下一年" onClick={() => onChange(year + 1)}>
          ›
        </View>
      ) : null}
    </View>
  );
}
