import { Text, View } from '@tarojs/components';
import { LETTER_RATING_LABELS, LETTER_RATINGS, type Letter, type LetterRating } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { useAction } from '../../../hooks/useAction';
import './letters.scss';

export interface WriterActionsProps {
  letter: Letter;
  onRate: (rating: LetterRating) => Promise<Letter>;
  onBoard: (onBoard: boolean, showName: boolean) => Promise<Letter>;
  onChanged: (letter: Letter) => void;
}

/**
 * The writer's part once a reply came: rate it (不满意 the first time sends it back for another
 * reply), and agree — or not — to show the letter on the unit's 党群聊吧, with or without the name.
 */
export function WriterActions({ letter, onRate, onBoard, onChanged }: WriterActionsProps) {
  const rate = useAction(async (rating: LetterRating) => onChanged(await onRate(rating)), {
    confirm: (rating) =>
      rating === 'unsatisfied' && !letter.reopened
        ? { title: '评价为不满意', content: '信件将退回书记复审，并在 10 个工作日内再次答复。', confirmText: '不满意' }
        : null,
    success: '已评价',
  });
  const board = useAction(async (on: boolean, showName: boolean) => onChanged(await onBoard(on, showName)), {
    success: (_result, on) => (on ? '已公开到党群聊吧' : '已从党群聊吧撤下'),
  });
  const replied = ['replied', 'reopened', 'rated'].includes(letter.status);
  if (!letter.mine || !replied) return null;

  return (
    <View className="zj-letter__actions">
      {letter.status === 'replied' ? (
        <Card title={letter.reopened ? '对复审答复的评价' : '对答复的评价'}>
          <View className="zj-letter__actions">
            {LETTER_RATINGS.map((rating) => (
              <Button
                key={rating}
                variant={rating === 'satisfied' ? 'primary' : 'secondary'}
                loading={rate.running?.[0] === rating}
                disabled={rate.busy}
                onClick={() => void rate.run(rating)}
              >
                {LETTER_RATING_LABELS[rating]}
              </Button>
            ))}
          </View>
        </Card>
      ) : null}
      {letter.recipient === 'secretary' ? (
        <Card title="党群聊吧">
          <Text className="zj-letter-form__note">
            {letter.onBoard
              ? `已公开到本单位党群聊吧（${letter.boardShowsName ? '显示姓名' : '不显示姓名'}）。`
              : '经您同意，这封信和答复可公开到本单位党群聊吧，供大家参考。'}
          </Text>
          <View className="zj-letter__actions">
            {letter.onBoard ? (
              <Button variant="secondary" loading={board.busy} onClick={() => void board.run(false, false)}>
                从党群聊吧撤下
              </Button>
            ) : (
              <>
                <Button loading={board.running?.[1] === false} disabled={board.busy} onClick={() => void board.run(true, false)}>
                  同意公开（不显示姓名）
                </Button>
                {letter.anonymous ? null : (
                  <Button
                    variant="secondary"
                    loading={board.running?.[1] === true}
                    disabled={board.busy}
                    onClick={() => void board.run(true, true)}
                  >
                    同意公开并显示姓名
                  </Button>
                )}
              </>
            )}
          </View>
        </Card>
      ) : null}
    </View>
  );
}
