import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { useLoaded } from '../../hooks/useLoaded';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../components/Button';
import { useAction } from '../../hooks/useAction';
import {
  loadMyCheckins,
  myHistoryPage,
  requestAbsence,
  scanCode,
  submitCheckin,
  subscribeToCheckinReminders,
} from '../../services/checkin';
import { checkinTemplateId } from '../../services/env';
import { MonthCalendar } from './MonthCalendar';
import { MyActivities } from './MyActivities';
import { MyRecords } from './MyRecords';
import { ScanPanel } from './ScanPanel';
import './index.scss';

/** 签到: scan the organiser's code, my activities (calendar and list), leave and make-up, my records. */
export default function CheckinTab() {
  const session = useRequireSession();
  const tab = useLoaded(session ? 'mine' : null, loadMyCheckins, { refreshOnShow: true });
  const { data } = tab;
  const templateId = checkinTemplateId();
  const remindMe = useAction(() => subscribeToCheckinReminders(templateId), {
    success: (remaining) => `已开启：签到开始后仍未签到时，组织者可提醒您（共 ${remaining} 次）`,
  });

  return (
    <Page className="zj-checkin" busy={tab.refreshing}>
      <Card title="活动签到">
        <ScanPanel
          onScan={scanCode}
          onCheckIn={submitCheckin}
          onCheckedIn={() => void tab.refresh()}
          onOfferMakeup={() =>
            void Promise.resolve(Taro.pageScrollTo({ selector: '.zj-checkin__mine', duration: 300 })).catch(() => undefined)
          }
          checkedIn={data ? data.activities.filter((a) => a.checkedInAt !== null).map((a) => a.id) : []}
        />
        {templateId ? (
          <Button size="small" variant="plain" loading={remindMe.busy} onClick={() => void remindMe.run()}>
            未签到时提醒我
          </Button>
        ) : null}
      </Card>
      {tab.error ? (
        <StateView kind="error" description={tab.error} onRetry={tab.reload} />
      ) : !data ? (
        <StateView kind="loading" />
      ) : (
        <View>
          <Card title="我的活动" className="zj-checkin__mine">
            <MonthCalendar
              days={[...data.activities.map((a) => a.startsAt), ...data.history.map((h) => h.activity.startsAt)]}
              now={new Date()}
            />
            <MyActivities items={data.activities} onRequest={requestAbsence} onChanged={() => void tab.refresh()} />
          </Card>
          <Card title="我的记录">
            <MyRecords totalPoints={data.totalPoints} history={data.history} total={data.historyTotal} onMore={myHistoryPage} />
          </Card>
          <Text className="zj-muted zj-checkin__note">固定活动日每月 5 日、15 日或 25 日；流动党员每周活动一次。</Text>
        </View>
      )}
    </Page>
  );
}
