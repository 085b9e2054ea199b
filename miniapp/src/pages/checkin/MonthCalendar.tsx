import { Text, View } from '@tarojs/components';
import { daysInMonth, shanghaiDate, weekdayOf, type MyActivity } from '@zhijian/shared';

/** This month in Shanghai, activity days marked; the list below carries the details. */
export function MonthCalendar({ activities, now }: { activities: MyActivity[]; now: Date }) {
  const today = shanghaiDate(now);
  const marked = new Set(
    activities
      .map((a) => shanghaiDate(new Date(a.startsAt)))
      .filter((d) => d.year === today.year && d.month === today.month)
      .map((d) => d.day),
  );
  const leading = weekdayOf({ year: today.year, month: today.month, day: 1 }) - 1;
  const cells = [
    ...Array.from({ length: leading }, () => 0),
    ...Array.from({ length: daysInMonth(today.year, today.month) }, (_, i) => i + 1),
  ];
  return (
    <View className="zj-calendar">
      <Text className="zj-calendar__title">
        {today.year} 年 {today.month} 月
      </Text>
      <View className="zj-calendar__grid">
        {['一', '二', '三', '四', '五', '六', '日'].map((label) => (
          <Text key={label} className="zj-calendar__weekday">
            {label}
          </Text>
        ))}
        {cells.map((day, index) => (
          <View
            key={index}
            className={`zj-calendar__day${day === today.day ? ' zj-calendar__day--today' : ''}${marked.has(day) ? ' zj-calendar__day--marked' : ''}`}
          >
            <Text>{day || ''}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
