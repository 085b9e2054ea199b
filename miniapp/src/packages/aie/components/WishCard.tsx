import { Text, View } from '@tarojs/components';
import type { Wish } from '@zhijian/shared';
import { Card } from '../../../components/Card';

const TAGS: Record<Wish['status'], string> = {
  pending_review: 'warning',
  open: 'success',
  claimed: 'info',
  contacted: 'info',
  realised: 'info',
  completed: 'neutral',
  withdrawn: 'danger',
};

/** One wish in a list: what, for whom (masked unless the reader may see the name), value and deadline. */
export function WishCard({ wish, onOpen }: { wish: Wish; onOpen: (id: number) => void }) {
  return (
    <View className="zj-wish-card" onClick={() => onOpen(wish.id)}>
      <Card>
        <View className="zj-aie__bar">
          <Text className="zj-card__title">{wish.title}</Text>
          <Text className={`zj-aie__tag zj-aie__tag--${TAGS[wish.status]}`}>{wish.statusLabel}</Text>
        </View>
        <Text className="zj-aie__note">
          {wish.wisher.name} · {wish.unit.name} · {wish.scopeLabel}
        </Text>
        <Text className="zj-aie__note">
          {wish.estimatedValue ? `约 ${wish.estimatedValue} 元` : '无需费用'} · {wish.deadline} 前{wish.returned ? ' · 重新开放认领' : ''}
        </Text>
      </Card>
    </View>
  );
}
