import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { HistoryItem, MyActivity } from '@zhijian/shared';
import { useCallback, useState } from 'react';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { useRequireSession } from '../../hooks/useSession';
import { api, call } from '../../services/api';
import { messageOf } from '../../services/errors';
import { MonthCalendar } from './MonthCalendar';
import { MyActivities } from './MyActivities';
import { MyRecords } from './MyRecords';
import { ScanPanel } from './ScanPanel';
import './index.scss';

interface TabData {
  activities: MyActivity[];
  history: HistoryItem[];
  totalPoints: number;
}

/** 签到: scan the organiser's code, my activities (calendar and list), leave and make-up, my records. */
export default function CheckinTab() {
  const session = useRequireSession();
  const [data, setData] = useState<TabData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [mine, history, points] = await Promise.all([
        call(api.activities.mine, {}),
        call(api.attendance.myHistory, { query: { pageSize: 10 } }),
        call(api.attendance.myPoints, { query: { pageSize: 1 } }),
      ]);
      setData({ activities: mine.items, history: history.items, totalPoints: points.totalPoints });
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);

  useDidShow(() => {
    if (session) void load();
  });

  return (
    <Page className="zj-checkin">
      <Card title="活动签到">
        <ScanPanel onCheckedIn={() => void load()} />
      </Card>
      {error ? (
        <StateView kind="error" description={error} onRetry={() => void load()} />
      ) : !data ? (
        <StateView kind="loading" />
      ) : (
        <View>
          <Card title="我的活动">
            <MonthCalendar activities={data.activities} now={new Date()} />
            <MyActivities items={data.activities} onChanged={() => void load()} />
          </Card>
          <Card title="我的记录">
            <MyRecords totalPoints={data.totalPoints} history={data.history} />
          </Card>
          <Text className="zj-muted zj-checkin__note">固定活动日每月 5 日、15 日或 25 日；流动党员每周活动一次。</Text>
        </View>
      )}
    </Page>
  );
}
