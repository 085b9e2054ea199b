import { Text, View } from '@tarojs/components';
import { daysInMonth, shanghaiDate, weekdayOf } from '@zhijian/shared';
import { useState } from 'react';

/** The month `offset` months from (year, month). */
function shift(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * A month in Shanghai with its activity days marked, this month first; ‹ and › step to the months
 * before and after (my past activities and the ones planned). The list below carries the details.
 */
export function MonthCalendar({ days, now }: { days: readonly string[]; now: Date }) {
  const today = shanghaiDate(now);
  const [offset, setOffset] = useState(0);
  const shown = shift(today.year, today.month, offset);
  const marked = new Set(
    days
      .map((iso) => shanghaiDate(new Date(iso)))
      .filter((d) => d.year === shown.year && d.month === shown.month)
      .map((d) => d.day),
  );
  const isToday = (day: number) => offset === 0 && day === today.day;
  const leading = weekdayOf({ year: shown.year, month: shown.month, day: 1 }) - 1;
  const cells = [
    ...Array.from({ length: leading }, () => 0),
    ...Array.from({ length: daysInMonth(shown.year, shown.month) }, (_, i) => i + 1),
  ];
  return (
    <View className="zj-calendar">
      <View className="zj-calendar__head">
        <View className="zj-calendar__step" ariaRole="button" ariaLabel="上个月" onClick={() => setOffset((n) => n - 1)}>
          <Text>‹</Text>
        </View>
        <Text className="zj-calendar__title">
          {shown.year} 年 {shown.month} 月
        </Text>
        <View className="zj-calendar__step" ariaRole="button" ariaLabel="下个月" onClick={() => setOffset((n) => n + 1)}>
          <Text>›</Text>
        </View>
        {offset !== 0 ? (
          <Text className="zj-calendar__back" onClick={() => setOffset(0)}>
            本月
          </Text>
        ) : null}
      </View>
      <View className="zj-calendar__grid">
        {['一', '二', '三', '四', '五', '六', '日'].map((label) => (
          <Text key={label} className="zj-calendar__weekday">
            {label}
          </Text>
        ))}
        {cells.map((day, index) => (
          <View
            key={index}
            className={`zj-calendar__day${isToday(day) ? ' zj-calendar__day--today' : ''}${marked.has(day) ? ' zj-calendar__day--marked' : ''}`}
          >
            <Text>{day || ''}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
