import { Text, View } from '@tarojs/components';
import { ATTENDANCE_STATUS_LABELS, formatShanghaiDateTime, type HistoryItem } from '@zhijian/shared';
import { Cell, CellGroup } from '../../components/Cell';

/** 我的记录: 活动积分 and the activities behind them, newest first. */
export function MyRecords({ totalPoints, history }: { totalPoints: number; history: HistoryItem[] }) {
  return (
    <View className="zj-records">
      <View className="zj-records__points">
        <Text className="zj-records__total">{totalPoints}</Text>
        <Text className="zj-muted">活动积分（每次签到按当时的积分规则计分，详见党员卡）</Text>
      </View>
      {history.length ? (
        <CellGroup>
          {history.map((item) => (
            <Cell
              key={item.activity.id}
              title={item.activity.title}
              note={formatShanghaiDateTime(new Date(item.activity.startsAt))}
              value={`${item.status === 'waiting' ? '—' : ATTENDANCE_STATUS_LABELS[item.status]}${item.points ? ` +${item.points}` : ''}`}
            />
          ))}
        </CellGroup>
      ) : (
        <Text className="zj-muted">还没有活动记录。</Text>
      )}
    </View>
  );
}
