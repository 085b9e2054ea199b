import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime, type QuestionSummary } from '@zhijian/shared';
import { Card } from '../../../../components/Card';
import './questions.scss';

/** Held or hidden text says so, with the reason its author reads. */
export function ModerationNotice({ item }: { item: { moderation: string; hiddenReason: string | null } }) {
  if (item.moderation === 'held') return <Text className="zj-qa__notice">内容待党务工作者审核，审核通过前仅你和党务工作者可见。</Text>;
  if (item.moderation === 'hidden') return <Text className="zj-qa__notice">已被党务工作者隐藏：{item.hiddenReason}</Text>;
  return null;
}

export function QuestionCard({ question, onOpen }: { question: QuestionSummary; onOpen: (id: number) => void }) {
  return (
    <View onClick={() => onOpen(question.id)} data-testid={`question-${question.id}`}>
      <Card>
        <View className="zj-qa__bar">
          <Text className="zj-qa__title">{question.title}</Text>
          {question.solved ? <Text className="zj-qa__tag zj-qa__tag--solved">已解决</Text> : null}
          {question.moderation !== 'visible' ? (
            <Text className={`zj-qa__tag zj-qa__tag--${question.moderation}`}>{question.moderationLabel}</Text>
          ) : null}
        </View>
        <Text className="zj-qa__line">{question.excerpt}</Text>
        {question.tags.length ? (
          <View className="zj-qa__tags">
            {question.tags.map((tag) => (
              <Text key={tag} className="zj-qa__tag">
                {tag}
              </Text>
            ))}
          </View>
        ) : null}
        <Text className="zj-qa__line">
          {question.asker.name} · {formatShanghaiDateTime(new Date(question.createdAt))} · {question.answerCount} 个回答
        </Text>
      </Card>
    </View>
  );
}
