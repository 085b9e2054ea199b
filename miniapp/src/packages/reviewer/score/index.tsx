import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { EntryFile } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { EntryContent } from '../../../components/submissions/EntryContent';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { declineReview, getAssignment, saveReviewDraft, submitReview, type ScoreInput } from '../../../services/reviews';
import { entryFileUrl, openEntryAttachment } from '../../../services/entryFiles';
import { formatDateTime } from '../../../utils/format';
import { ScoreForm } from '../components/ScoreForm';

/** Reading and scoring one assigned entry; blind: number, title and content only. */
export default function ScorePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const loaded = useLoaded(id, getAssignment);
  const [declineReason, setDeclineReason] = useState('');
  const score = useAction(
    async (kind: 'draft' | 'submit', input: ScoreInput) => {
      const saved = kind === 'draft' ? await saveReviewDraft(id, input) : await submitReview(id, input);
      loaded.update(() => saved);
    },
    {
      confirm: (kind) =>
        kind === 'submit'
          ? { title: '提交评分', content: '提交后不能再修改（如需修改请联系秘书处）。', confirmText: '提交', cancelText: '再看看' }
          : null,
      success: (_, kind) => (kind === 'draft' ? '草稿已保存' : '已提交'),
    },
  );
  const decline = useAction(
    async () => {
      await declineReview(id, declineReason);
      void Taro.navigateBack();
    },
    { success: '已谢绝' },
  );
  const open = useAction((file: EntryFile) => openEntryAttachment(file));
  const busy = score.busy || decline.busy;

  if (loaded.error)
    return (
      <Page>
        <StateView kind="error" description={loaded.error} />
      </Page>
    );
  const assignment = loaded.data;
  if (!assignment)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  const review = assignment.review;
  return (
    <Page>
      <RoleGate roles={['reviewer']}>
        <Card>
          <Text className="zj-muted">
            {assignment.entry.registrationNumber} · {assignment.call.title}
          </Text>
          <Text className="zj-muted">
            {' '}
            · 截止 {formatDateTime(assignment.deadline)}
            {assignment.overdue ? '（已过）' : ''}
          </Text>
          {review?.reopenReason && review.status === 'draft' ? (
            <Text className="zj-muted">秘书处请您重评：{review.reopenReason}</Text>
          ) : null}
        </Card>
        <EntryContent {...assignment.entry} fileUrl={entryFileUrl} onOpenAttachment={(file) => void open.run(file)} />
        <Card title={review?.status === 'submitted' ? `已提交评分：${review.weightedScore} 分` : '评分'}>
          <ScoreForm
            key={`${review?.status ?? 'none'}-${review?.submittedAt ?? ''}`}
            rubric={assignment.call.rubric}
            initial={review}
            canEdit={assignment.canEdit}
            draftKey={`review.${id}`}
            busy={busy}
            onSaveDraft={(input) => void score.run('draft', input)}
            onSubmit={(input) => void score.run('submit', input)}
          />
        </Card>
        {assignment.canEdit && !review ? (
          <Card title="不便评审？">
            <Field
              label="谢绝理由"
              value={declineReason}
              maxlength={200}
              placeholder="如：与该单位有业务往来"
              onChange={setDeclineReason}
            />
            <View>
              <Button
                size="small"
                variant="danger"
                disabled={declineReason.trim().length < 2}
                loading={busy}
                onClick={() => void decline.run()}
              >
                谢绝评审
              </Button>
            </View>
          </Card>
        ) : null}
      </RoleGate>
    </Page>
  );
}
