import { Text, View } from '@tarojs/components';
import type { BoardLetter } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';
import { formatChineseDate } from '../../../utils/format';
import './letters.scss';

export interface BoardItemProps {
  item: BoardLetter;
  onFollow: (follow: boolean) => Promise<{ following: boolean; followCount: number }>;
  onChanged: (state: { following: boolean; followCount: number }) => void;
}

/** A letter on 党群聊吧: the text and its replies, the writer only if they chose to be named, and 我也关注. */
export function BoardItem({ item, onFollow, onChanged }: BoardItemProps) {
  const follow = useAction(async () => onChanged(await onFollow(!item.following)));
  return (
    <View className="zj-board-item">
      <View className="zj-letter-card__head">
        <Text className="zj-letter-card__kind">{item.kindLabel}</Text>
        <Text className="zj-letter-card__meta">
          {item.writerName ?? '党员来信'} · {formatChineseDate(item.createdAt.slice(0, 10))}
        </Text>
      </View>
      <Text className="zj-letter__body">{item.body}</Text>
      {item.replies.map((reply, index) => (
        <Text key={index} className="zj-board-item__reply">
          书记答复：{reply.body}
        </Text>
      ))}
      <View className="zj-board-item__foot">
        <Text className="zj-letter-card__meta">{item.followCount} 人关注</Text>
        <Button size="small" variant={item.following ? 'secondary' : 'primary'} loading={follow.busy} onClick={() => void follow.run()}>
          {item.following ? '已关注' : '我也关注'}
        </Button>
      </View>
    </View>
  );
}
