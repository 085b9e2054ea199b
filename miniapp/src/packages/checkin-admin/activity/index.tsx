import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ActivityDetail } from '@zhijian/shared';
import { ActivityCard } from '../../../components/ActivityCard';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { getActivity, inviteGuest, moveActivity, updateActivity } from '../../../services/activities';
import { ActivityEditor } from './ActivityEditor';
import { GuestInvite } from './GuestInvite';
import { MoveForm } from './MoveForm';

/** Held activities keep their time: started, or check-in opened (the server also refuses once anyone checked in). */
const isHeld = (activity: ActivityDetail) => activity.phase !== 'upcoming' || activity.checkinOpenedAt !== null;

/** One activity for its organiser: its own details, moving it, and inviting guests. */
function ActivityManager({ id }: { id: number }) {
  const loaded = useLoaded(id, getActivity);
  const activity = loaded.data;
  if (!activity)
    return loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />;
  const show = (changed: ActivityDetail) => loaded.update(() => changed);
  return (
    <>
      <ActivityCard activity={activity} />
      <Card title="活动信息">
        <ActivityEditor activity={activity} onSave={async (changes) => show(await updateActivity(id, changes))} />
      </Card>
      <Card title="调整时间">
        {isHeld(activity) ? (
          <Text className="zj-muted">活动已开始或已开启签到，不能再调整时间。</Text>
        ) : (
          <MoveForm activity={activity} onMove={async (move) => show(await moveActivity(id, move))} />
        )}
      </Card>
      <Card title="邀请外单位党员">
        <GuestInvite onInvite={(guest) => inviteGuest(id, guest)} />
      </Card>
    </>
  );
}

export default function ActivityPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>
        {Number.isInteger(id) && id > 0 ? <ActivityManager id={id} /> : <StateView kind="empty" title="未指定活动" />}
      </RoleGate>
    </Page>
  );
}
