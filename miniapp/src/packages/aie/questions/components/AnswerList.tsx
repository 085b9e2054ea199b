import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime, type Answer } from '@zhijian/shared';
import { Button } from '../../../../components/Button';
import { ModerationNotice } from './QuestionCard';
import './questions.scss';

interface AnswerListProps {
  answers: Answer[];
  /** The viewer asked the question and it is not solved yet: each other member's shown answer may be marked. */
  canMark: boolean;
  viewerId: number;
  onMark: (answer: Answer) => void;
  markingId: number | null;
}

/** The answers, oldest first; the solution marked; held and hidden ones say why (to their author). */
export function AnswerList({ answers, canMark, viewerId, onMark, markingId }: AnswerListProps) {
  if (!answers.length) return <Text className="zj-qa__line">还没有回答，欢迎有经验的党员分享做法。</Text>;
  return (
    <View>
      {answers.map((answer) => (
        <View
          key={answer.id}
          className={`zj-qa__answer${answer.solution ? ' zj-qa__answer--solution' : ''}`}
          data-testid={`answer-${answer.id}`}
        >
          <View className="zj-qa__bar">
            <Text className="zj-qa__line">
              {answer.author.name} · {formatShanghaiDateTime(new Date(answer.createdAt))}
            </Text>
            {answer.solution ? (
              <Text className="zj-qa__tag zj-qa__tag--solved">已采纳{answer.points ? ` · +${answer.points} 分` : ''}</Text>
            ) : null}
          </View>
          <Text className="zj-qa__text">{answer.body}</Text>
          <ModerationNotice item={answer} />
          {canMark && answer.moderation === 'visible' && answer.author.id !== viewerId ? (
            <Button size="small" variant="secondary" loading={markingId === answer.id} onClick={() => onMark(answer)}>
              采纳为解决方案
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
