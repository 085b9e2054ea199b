import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime, type RosterEntry } from '@zhijian/shared';
import './volunteer.scss';

const METHOD_LABELS = { card: '扫党员卡', code: '扫活动码' } as const;

/** The sign-ups: places first, the queue in order, then the cancelled; who attended and how. */
export function RosterList({ items }: { items: RosterEntry[] }) {
  if (!items.length) return <Text className="zj-vol__line">还没有人报名</Text>;
  const confirmed = items.filter((entry) => entry.status === 'confirmed');
  const attended = confirmed.filter((entry) => entry.attendedAt).length;
  return (
    <View>
      <Text className="zj-vol__line">
        已报名 {confirmed.length} 人 · 已签到 {attended} 人 · 候补 {items.filter((entry) => entry.status === 'waitlisted').length} 人
      </Text>
      {items.map((entry) => (
        <View key={entry.signUpId} className="zj-vol__row" data-testid={`roster-${entry.member.id}`}>
          <View>
            <Text className="zj-vol__title">{entry.member.name}</Text>
            <Text className="zj-vol__line">
              {entry.member.unitName ?? ''} · 报名于 {formatShanghaiDateTime(new Date(entry.signedUpAt))}
            </Text>
          </View>
          <Text className={`zj-vol__tag zj-vol__tag--${entry.status}`}>
            {entry.attendedAt
              ? `已签到（${entry.method ? METHOD_LABELS[entry.method] : ''}）`
              : entry.status === 'waitlisted'
                ? `候补第 ${entry.waitlistPosition} 位`
                : entry.statusLabel}
          </Text>
        </View>
      ))}
    </View>
  );
}
