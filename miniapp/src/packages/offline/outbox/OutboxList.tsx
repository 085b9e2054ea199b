import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import type { OutboxItem, OutboxOutcome } from '../../../services/outbox';
import { formatDateTime } from '../../../utils/format';

const at = (ms: number) => formatDateTime(new Date(ms).toISOString());

/** The writes that wait, oldest first (the order they will be sent in), each with a cancel. */
export function OutboxList({ items, sending, onCancel }: { items: OutboxItem[]; sending: string | null; onCancel: (id: string) => void }) {
  if (items.length === 0) return <Text className="zj-outbox__empty">没有待发送的内容。</Text>;
  return (
    <View className="zj-outbox__list">
      {items.map((item) => (
        <View key={item.id} className="zj-outbox-item">
          <View className="zj-outbox-item__text">
            <Text className="zj-outbox-item__label">{item.label}</Text>
            <Text className="zj-outbox-item__meta">
              {at(item.createdAt)} 保存
              {item.id === sending ? ' · 正在发送…' : item.attempts > 0 ? ` · 已尝试 ${item.attempts} 次` : ' · 等待网络'}
            </Text>
            {item.lastError && item.id !== sending ? <Text className="zj-outbox-item__error">{item.lastError}</Text> : null}
          </View>
          {item.id === sending ? null : (
            <Button size="small" variant="plain" onClick={() => onCancel(item.id)}>
              取消
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}

/** What came of each write sent: sent, or refused with the server's message. */
export function OutcomeList({ outcomes, onDismiss }: { outcomes: OutboxOutcome[]; onDismiss: (id: string) => void }) {
  return (
    <View className="zj-outbox__list">
      {outcomes.map((outcome) => (
        <View key={outcome.id} className={`zj-outbox-item zj-outbox-item--${outcome.ok ? 'sent' : 'refused'}`}>
          <View className="zj-outbox-item__text">
            <Text className="zj-outbox-item__label">
              {outcome.ok ? '✓ ' : '✕ '}
              {outcome.label}
            </Text>
            <Text className="zj-outbox-item__meta">{at(outcome.at)}</Text>
            <Text className={outcome.ok ? 'zj-outbox-item__meta' : 'zj-outbox-item__error'}>{outcome.message}</Text>
          </View>
          <Button size="small" variant="plain" onClick={() => onDismiss(outcome.id)}>
            知道了
          </Button>
        </View>
      ))}
    </View>
  );
}
