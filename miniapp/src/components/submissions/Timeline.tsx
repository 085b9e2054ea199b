import { Text, View } from '@tarojs/components';
import { ENTRY_MAIN_PATH, ENTRY_STATUS_LABELS, isFinal, NEWS_MAIN_PATH, type EntryStatus, type TimelineEvent } from '@zhijian/shared';
import { formatDateTime } from '../../utils/format';
import './submissions.scss';

/** What the main path says comes next, for an entry still on its way. */
function nextSteps(status: EntryStatus, news: boolean): EntryStatus[] {
  if (isFinal(status)) return [];
  const path = news ? NEWS_MAIN_PATH : ENTRY_MAIN_PATH;
  const at = path.indexOf(status === 'returned' ? 'submitted' : status);
  return at < 0 ? [] : path.slice(at + 1);
}

/**
 * An entry's timeline: every step it has taken (who, when, with the comment or reason), then the
 * steps still ahead in grey, from the same lifecycle the server enforces.
 */
export function Timeline({ events, status, news = false }: { events: readonly TimelineEvent[]; status: EntryStatus; news?: boolean }) {
  return (
    <View className="zj-timeline">
      {events.map((event, index) => (
        <View key={`${event.at}-${index}`} className={`zj-timeline__step zj-timeline__step--done zj-timeline__step--${event.toStatus}`}>
          <View className="zj-timeline__dot" />
          <View className="zj-timeline__body">
            <Text className="zj-timeline__title">
              {event.label === ENTRY_STATUS_LABELS[event.toStatus]
                ? event.label
                : `${event.label} · ${ENTRY_STATUS_LABELS[event.toStatus]}`}
            </Text>
            <Text className="zj-timeline__meta">
              {event.actor ? `${event.actor} · ` : ''}
              {formatDateTime(event.at)}
            </Text>
            {event.comment ? <Text className="zj-timeline__comment">{event.comment}</Text> : null}
          </View>
        </View>
      ))}
      {nextSteps(status, news).map((step) => (
        <View key={step} className="zj-timeline__step zj-timeline__step--ahead">
          <View className="zj-timeline__dot" />
          <View className="zj-timeline__body">
            <Text className="zj-timeline__title">{ENTRY_STATUS_LABELS[step]}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
