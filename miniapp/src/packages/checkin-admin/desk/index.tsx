import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActivityCard } from '../../../components/ActivityCard';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { useSession } from '../../../hooks/useSession';
import {
  CHECKIN_ACTIVITY_PAGE,
  CHECKIN_APPROVALS_PAGE,
  CHECKIN_CODE_PAGE,
  CHECKIN_EXTRA_PAGE,
  CHECKIN_FIGURES_PAGE,
  CHECKIN_LIVE_PAGE,
  CHECKIN_RULES_PAGE,
  CHECKIN_SUMMARY_PAGE,
} from '../../../routes';
import { listUnitActivities } from '../../../services/activities';

function Desk({ unitId }: { unitId: number }) {
  // Back from a set-up page (a new rule, an extra activity): the list is read again.
  const activities = useLoaded(unitId, listUnitActivities, { refreshOnShow: true });
  const items = activities.data;
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className={activities.refreshing ? 'zj-refreshing' : ''}>
      <CellGroup>
        <Cell title="固定活动日规则" note="三固定：时间、地点、议程" arrow onClick={() => go(CHECKIN_RULES_PAGE)} />
        <Cell title="请假与补签审批" arrow onClick={() => go(CHECKIN_APPROVALS_PAGE)} />
        <Cell title="出勤统计与台账导出" arrow onClick={() => go(CHECKIN_FIGURES_PAGE)} />
        <Cell title="增加活动" note="规则日期以外的活动，任何一天都可以" arrow onClick={() => go(CHECKIN_EXTRA_PAGE)} />
      </CellGroup>
      <Card title="活动">
        {activities.error ? (
          <StateView kind="error" description={activities.error} onRetry={activities.reload} />
        ) : !items ? (
          <StateView kind="loading" />
        ) : !items.length ? (
          <StateView kind="empty" title="暂无活动" description="设定固定活动日规则后，将自动生成未来三个月的活动。" />
        ) : (
          items.map((activity) => (
            <ActivityCard key={activity.id} activity={activity}>
              <View className="zj-activity__actions">
                {activity.phase === 'checkin_ready' || activity.phase === 'checkin_open' ? (
                  <Button size="small" onClick={() => go(`${CHECKIN_CODE_PAGE}?id=${activity.id}`)}>
                    {activity.phase === 'checkin_ready' ? '开启签到' : '签到码'}
                  </Button>
                ) : null}
                <Button size="small" variant="secondary" onClick={() => go(`${CHECKIN_LIVE_PAGE}?id=${activity.id}`)}>
                  签到名单
                </Button>
                {activity.phase === 'ended' || activity.phase === 'in_progress' ? (
                  <Button size="small" variant="plain" onClick={() => go(`${CHECKIN_SUMMARY_PAGE}?id=${activity.id}`)}>
                    小结
                  </Button>
                ) : null}
                <Button size="small" variant="plain" onClick={() => go(`${CHECKIN_ACTIVITY_PAGE}?id=${activity.id}`)}>
                  管理
                </Button>
              </View>
            </ActivityCard>
          ))
        )}
      </Card>
    </View>
  );
}

/** 活动签到 for the organiser: the unit's activities, opening check-in, and the set-up pages. */
export default function DeskPage() {
  const session = useSession();
  const unitId = session?.user.unit?.id;
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>
        {unitId ? (
          <Desk unitId={unitId} />
        ) : (
          <StateView kind="empty" title="尚未关联单位" description="您的账号没有关联会员单位，请联系协会秘书处。" />
        )}
      </RoleGate>
    </Page>
  );
}
