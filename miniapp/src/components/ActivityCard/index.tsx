import { Text, View } from '@tarojs/components';
import { ACTIVITY_PHASE_LABELS, formatShanghaiDateTime, formatShanghaiTime, type ActivityListItem } from '@zhijian/shared';
import type { ReactNode } from 'react';
import './index.scss';

/** One activity: when, where, what phase it is in; the caller adds status and actions. */
export function ActivityCard({
  activity,
  badge,
  children,
  onClick,
}: {
  activity: ActivityListItem;
  badge?: ReactNode;
  children?: ReactNode;
  onClick?: () => void;
}) {
  const starts = new Date(activity.startsAt);
  const scope = activity.hostSiteName ?? activity.branchName;
  return (
    <View className={`zj-activity zj-activity--${activity.phase}`} onClick={onClick}>
      <View className="zj-activity__head">
        <Text className="zj-activity__title">{activity.title}</Text>
        <Text className="zj-activity__phase">{badge ?? ACTIVITY_PHASE_LABELS[activity.phase]}</Text>
      </View>
      <Text className="zj-activity__line">
        {formatShanghaiDateTime(starts)}–{formatShanghaiTime(new Date(activity.endsAt))}
      </Text>
      <Text className="zj-activity__line">
        {activity.placeName}
        {scope ? ` · ${scope}` : ''}
      </Text>
      {activity.moved ? <Text className="zj-activity__moved">已调整时间：{activity.moved.reason}</Text> : null}
      {children}
    </View>
  );
}
