import { Text, View } from '@tarojs/components';
import { percent, type ChartProps } from './types';
import './index.scss';

/**
 * The mini-program's chart: the figures as rows with a bar each, drawn in CSS. ECharts in WeChat
 * needs its own canvas component and ~1 MB more in the package; the H5 build draws real charts
 * (index.h5.tsx, which Taro picks there).
 */
export function Chart({ label, categories, values }: ChartProps) {
  return (
    <View className="zj-chart-rows" ariaLabel={label}>
      {categories.map((category, index) => {
        const value = values[index] ?? null;
        return (
          <View key={category} className="zj-chart-rows__row">
            <Text className="zj-chart-rows__name">{category}</Text>
            <View className="zj-chart-rows__track">
              <View className="zj-chart-rows__bar" style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
            </View>
            <Text className="zj-chart-rows__value">{percent(value)}</Text>
          </View>
        );
      })}
    </View>
  );
}
