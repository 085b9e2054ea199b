import { Text, View } from '@tarojs/components';
import type { CaseListItem } from '@zhijian/shared';
import { Card } from '../Card';
import { AuthedImage } from './AuthedImage';
import './CaseCard.scss';

/** One published case in a list: its award, title, unit and summary; the whole card opens it. */
export function CaseCard({ item, coverUrl, onOpen }: { item: CaseListItem; coverUrl: (fileId: number) => string; onOpen: () => void }) {
  return (
    <View className="zj-case-card" onClick={onOpen} ariaRole="link">
      <Card>
        <View className="zj-case">
          {item.coverImageId ? (
            <View className="zj-case__cover">
              <AuthedImage src={coverUrl(item.coverImageId)} />
            </View>
          ) : null}
          <View className="zj-case__main">
            <Text className="zj-case__tier">{item.tier}</Text>
            <Text className="zj-case__title">{item.title}</Text>
            <Text className="zj-case__meta">
              {item.unitName} · {item.year} 年 {item.callTitle}
            </Text>
            <Text className="zj-case__summary">{item.summary}</Text>
          </View>
        </View>
      </Card>
    </View>
  );
}
