import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatShanghaiDateTime, type VolunteerActivity } from '@zhijian/shared';
import { Card } from '../../../../components/Card';
import { Page } from '../../../../components/Page';
import { StateView } from '../../../../components/StateView';
import { useLoaded } from '../../../../hooks/useLoaded';
import { RECORD_CARD_PAGE, VOLUNTEER_CODE_PAGE, VOLUNTEER_EDIT_PAGE, VOLUNTEER_ROSTER_PAGE } from '../../../../routes';
import { scanCode } from '../../../../services/checkin';
import { isWeapp } from '../../../../services/env';
import {
  attendByCode,
  cancelSignUp,
  cancelVolunteerActivity,
  getVolunteerActivity,
  signUpForActivity,
} from '../../../../services/volunteer';
import { CancelledNote, placesText, StatusTag } from '../components/ActivityCard';
import { OrganiserPanel } from '../components/OrganiserPanel';
import { SignUpPanel } from '../components/SignUpPanel';
import '../components/volunteer.scss';

function About({ activity }: { activity: VolunteerActivity }) {
  return (
    <Card>
      <View className="zj-vol__bar">
        <Text className="zj-vol__title">{activity.title}</Text>
        <StatusTag activity={activity} />
      </View>
      <Text className="zj-vol__line">
        时间：{formatShanghaiDateTime(new Date(activity.startsAt))} – {formatShanghaiDateTime(new Date(activity.endsAt))}
      </Text>
      <Text className="zj-vol__line">地点：{activity.placeName}</Text>
      <Text className="zj-vol__line">组织：{activity.organiser}</Text>
      <Text className="zj-vol__line">报名截止：{formatShanghaiDateTime(new Date(activity.signUpDeadline))}</Text>
      {activity.cancelledAt ? null : (
        <Text className={`zj-vol__places${activity.placesLeft ? '' : ' zj-vol__places--full'}`}>{placesText(activity)}</Text>
      )}
      <Text className="zj-vol__text">{activity.description}</Text>
      <CancelledNote activity={activity} />
    </Card>
  );
}

/** One volunteer activity: what, when, where; sign up, cancel, the queue, attendance on the day; for its organiser, edit and call off. */
export default function VolunteerDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const loaded = useLoaded(Number.isInteger(id) && id > 0 ? id : null, getVolunteerActivity, { refreshOnShow: true });
  const activity = loaded.data;
  if (!activity) {
    return (
      <Page className="zj-aie-page">
        {loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />}
      </Page>
    );
  }
  return (
    <Page className="zj-aie-page">
      <About activity={activity} />
      <SignUpPanel
        activity={activity}
        now={new Date()}
        onSignUp={() => signUpForActivity(activity.id)}
        onCancel={() => cancelSignUp(activity.id)}
        onAttend={attendByCode}
        onScan={isWeapp() ? scanCode : null}
        onShowCard={() => void Taro.navigateTo({ url: RECORD_CARD_PAGE })}
        onChanged={() => void loaded.refresh()}
      />
      {activity.canManage ? (
        <OrganiserPanel
          activity={activity}
          now={new Date()}
          onEdit={() => void Taro.navigateTo({ url: `${VOLUNTEER_EDIT_PAGE}?id=${activity.id}` })}
          onCancelActivity={(reason) => cancelVolunteerActivity(activity.id, reason)}
          onRoster={() => void Taro.navigateTo({ url: `${VOLUNTEER_ROSTER_PAGE}?id=${activity.id}` })}
          onCode={() => void Taro.navigateTo({ url: `${VOLUNTEER_CODE_PAGE}?id=${activity.id}` })}
          onChanged={() => void loaded.refresh()}
        />
      ) : null}
    </Page>
  );
}
