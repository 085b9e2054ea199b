import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { rangeProblems, thisMonth, type MonthRange } from '../../utils/monthRange';
import { Button } from '../Button';
import { DatePicker } from '../DatePicker';
import './index.scss';

interface MonthRangeBarProps {
  /** The range the page opened on (the last months with figures). */
  initial: MonthRange;
  /** Asked for with 查询, once the range is whole and in order. */
  onQuery: (range: MonthRange) => void;
  /** More buttons beside 查询 (an export of the range). */
  children?: ReactNode;
  /** The oldest month with figures: the pickers offer nothing earlier. */
  earliest?: string;
}

/** 开始月份 … 结束月份 and 查询: months picked, never typed; a range out of order is named before anything is sent. */
export function MonthRangeBar({ initial, onQuery, children, earliest }: MonthRangeBarProps) {
  const [range, setRange] = useState(initial);
  const [problems, setProblems] = useState<ReturnType<typeof rangeProblems>>({});
  const latest = thisMonth();
  const change = (next: MonthRange) => {
    setRange(next);
    setProblems({});
  };
  const query = () => {
    const found = rangeProblems(range);
    setProblems(found);
    if (Object.keys(found).length === 0) onQuery(range);
  };
  return (
    <View className="zj-month-range">
      <DatePicker
        label="开始月份"
        fields="month"
        value={range.from}
        start={earliest}
        end={latest}
        onChange={(from) => change({ ...range, from })}
        error={problems.from}
      />
      <DatePicker
        label="结束月份"
        fields="month"
        value={range.to}
        start={earliest}
        end={latest}
        onChange={(to) => change({ ...range, to })}
        error={problems.to}
      />
      <View className="zj-month-range__actions">
        <Button size="small" onClick={query}>
          查询
        </Button>
        {children}
      </View>
    </View>
  );
}
