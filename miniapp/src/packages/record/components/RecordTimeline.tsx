import { Text, View } from '@tarojs/components';
import type { RecordEvent } from '@zhijian/shared';
import { formatDateTime } from '../../../utils/format';
import '../../../components/submissions/submissions.scss';

/** The steps a claim or a deduction has taken: what, who, when, with the note or reason. */
export function RecordTimeline({ events }: { events: readonly RecordEvent[] }) {
  return (
    <View className="zj-timeline">
      {events.map((event, index) => (
        <View key={`${event.at}-${index}`} className={`zj-timeline__step zj-timeline__step--done zj-record-step--${event.action}`}>
          <View className="zj-timeline__dot" />
          <View className="zj-timeline__body">
            <Text className="zj-timeline__title">{event.label}</Text>
            <Text className="zj-timeline__meta">
              {event.actor ? `${event.actor} · ` : ''}
              {formatDateTime(event.at)}
            </Text>
            {event.note ? <Text className="zj-timeline__comment">{event.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
