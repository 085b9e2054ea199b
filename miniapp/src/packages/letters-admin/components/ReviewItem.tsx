import { Text, View } from '@tarojs/components';
import type { Letter } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';
import { LetterView } from '../../letters/components/LetterView';
import '../../letters/components/letters.scss';

export interface ReviewItemProps {
  letter: Letter;
  onReview: (release: boolean) => Promise<Letter>;
  onReviewed: () => void;
}

/** A letter (or its reply) the content check held: let it through, or not. The writer stays as anonymous as they chose. */
export function ReviewItem({ letter, onReview, onReviewed }: ReviewItemProps) {
  const what = letter.status === 'held' ? '来信' : '回复';
  const review = useAction(
    async (release: boolean) => {
      await onReview(release);
      onReviewed();
    },
    {
      confirm: (release) => (release ? null : { title: `不通过这条${what}`, content: `${what}将不会送达。`, confirmText: '不通过' }),
      success: (_result, release) => (release ? '已通过' : '已处理'),
    },
  );
  return (
    <LetterView letter={letter}>
      <View className="zj-letter__actions">
        <Text className="zj-letter-form__note">内容安全检查拦下了这条{what}，请人工审核。</Text>
        <Button loading={review.running?.[0] === true} disabled={review.busy} onClick={() => void review.run(true)}>
          审核通过
        </Button>
        <Button variant="danger" loading={review.running?.[0] === false} disabled={review.busy} onClick={() => void review.run(false)}>
          不通过
        </Button>
      </View>
    </LetterView>
  );
}
