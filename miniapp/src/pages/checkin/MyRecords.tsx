import { Text, View } from '@tarojs/components';
import { ATTENDANCE_STATUS_LABELS, formatShanghaiDateTime, type HistoryItem } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Cell, CellGroup } from '../../components/Cell';
import { useAction } from '../../hooks/useAction';

export interface MyRecordsProps {
  totalPoints: number;
  /** The newest records, the first page. */
  history: HistoryItem[];
  /** How many records there are in all. */
  total: number;
  /** The next page of records (page 2 onwards). */
  onMore: (page: number) => Promise<HistoryItem[]>;
}

/**
 * 我的记录: 活动积分 and the activities behind them, newest first. The total is over every record,
 * so the list says how many there are and reads on until it adds up.
 */
export function MyRecords({ totalPoints, history, total, onMore }: MyRecordsProps) {
  const [more, setMore] = useState<{ base: HistoryItem[]; items: HistoryItem[]; page: number }>({ base: history, items: [], page: 1 });
  // A refreshed first page starts the list over.
  const extra = more.base === history ? more : { base: history, items: [], page: 1 };
  const shown = [...history, ...extra.items.filter((item) => !history.some((h) => h.activity.id === item.activity.id))];
  const load = useAction(async () => {
    const next = await onMore(extra.page + 1);
    setMore({ base: history, items: [...extra.items, ...next], page: extra.page + 1 });
  });
  return (
    <View className="zj-records">
      <View className="zj-records__points">
        <Text className="zj-records__total">{totalPoints}</Text>
        <Text className="zj-muted">活动积分（每次签到按当时的积分规则计分，详见党员卡）</Text>
      </View>
      {shown.length ? (
        <>
          <CellGroup>
            {shown.map((item) => (
              <Cell
                key={item.activity.id}
                title={item.activity.title}
                note={formatShanghaiDateTime(new Date(item.activity.startsAt))}
                value={`${item.status === 'waiting' ? '—' : ATTENDANCE_STATUS_LABELS[item.status]}${item.points ? ` +${item.points}` : ''}`}
              />
            ))}
          </CellGroup>
          {total > shown.length ? (
            <View className="zj-records__more">
              <Button block variant="plain" loading={load.busy} onClick={() => void load.run()}>
                {`查看更早的记录（共 ${total} 条）`}
              </Button>
            </View>
          ) : null}
        </>
      ) : (
        <Text className="zj-muted">还没有活动记录。</Text>
      )}
    </View>
  );
}
