import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime, type VolunteerActivity } from '@zhijian/shared';
import { Card } from '../../../../components/Card';
import './volunteer.scss';

/** Places left, or how long the queue is once they are gone. */
export function placesText(activity: Pick<VolunteerActivity, 'places' | 'placesLeft' | 'waitlistCount'>): string {
  if (activity.placesLeft > 0) return `剩余 ${activity.placesLeft}/${activity.places} 个名额`;
  return activity.waitlistCount ? `名额已满 · ${activity.waitlistCount} 人候补` : '名额已满 · 可报名候补';
}

/** The member's own sign-up, in a word: 已报名, 候补第 2 位, 已签到. */
export function mySignUpText(activity: Pick<VolunteerActivity, 'mySignUp'>): string | null {
  const mine = activity.mySignUp;
  if (!mine || mine.status === 'cancelled') return null;
  if (mine.attendedAt) return '已签到';
  return mine.status === 'waitlisted' ? `候补第 ${mine.waitlistPosition} 位` : '已报名';
}

/** The scope, or 已取消 once its organiser has called it off. */
export function StatusTag({ activity }: { activity: Pick<VolunteerActivity, 'scope' | 'scopeLabel' | 'cancelledAt'> }) {
  return activity.cancelledAt ? (
    <Text className="zj-vol__tag zj-vol__tag--cancelled">已取消</Text>
  ) : (
    <Text className={`zj-vol__tag zj-vol__tag--${activity.scope}`}>{activity.scopeLabel}</Text>
  );
}

/** Why it was called off, as its organiser wrote it. */
export function CancelledNote({ activity }: { activity: Pick<VolunteerActivity, 'cancelledAt' | 'cancelReason'> }) {
  return activity.cancelledAt ? (
    <Text className="zj-vol__cancelled" data-testid="cancel-reason">
      活动已取消：{activity.cancelReason}
    </Text>
  ) : null;
}

export function ActivityCard({ activity, onOpen }: { activity: VolunteerActivity; onOpen: (id: number) => void }) {
  const mine = mySignUpText(activity);
  return (
    <View onClick={() => onOpen(activity.id)} className="zj-vol-card" data-testid={`volunteer-${activity.id}`}>
      <Card>
        <View className="zj-vol__bar">
          <Text className="zj-vol__title">{activity.title}</Text>
          <StatusTag activity={activity} />
        </View>
        <Text className="zj-vol__line">
          {formatShanghaiDateTime(new Date(activity.startsAt))} · {activity.placeName}
        </Text>
        <Text className="zj-vol__line">组织：{activity.organiser}</Text>
        {activity.cancelledAt ? (
          <CancelledNote activity={activity} />
        ) : (
          <View className="zj-vol__bar">
            <Text className={`zj-vol__places${activity.placesLeft ? '' : ' zj-vol__places--full'}`}>{placesText(activity)}</Text>
            {mine ? (
              <Text className={`zj-vol__tag zj-vol__tag--${activity.mySignUp!.status}`}>{mine}</Text>
            ) : (
              <Text className="zj-vol__line">{activity.open ? '报名中' : '报名已截止'}</Text>
            )}
          </View>
        )}
      </Card>
    </View>
  );
}
