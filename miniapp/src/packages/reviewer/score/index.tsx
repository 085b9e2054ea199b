import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { api, type ReviewAssignment } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { EntryContent } from '../../../components/submissions/EntryContent';
import { call, client } from '../../../services/api';
import { localCopy } from '../../../services/download';
import { isH5 } from '../../../services/env';
import { messageOf } from '../../../services/errors';
import { formatDateTime } from '../../../utils/format';
import { ScoreForm, type ScoreInput } from '../components/ScoreForm';

/** Reading and scoring one assigned entry; blind: number, title and content only. */
export default function ScorePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [assignment, setAssignment] = useState<ReviewAssignment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [declineReason, setDeclineReason] = useState('');

  useEffect(() => {
    call(api.reviews.get, { params: { id } })
      .then(setAssignment)
      .catch((e: unknown) => setError(messageOf(e)));
  }, [id]);

  async function act(run: () => Promise<ReviewAssignment>, done: string) {
    setBusy(true);
    try {
      setAssignment(await run());
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  async function submit(input: ScoreInput) {
    const answer = await Taro.showModal({
      title: '提交评分',
      content: '提交后不能再修改（如需修改请联系秘书处）。',
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (answer.confirm) await act(() => call(api.reviews.submit, { params: { id }, body: input }), '已提交');
  }

  async function decline() {
    setBusy(true);
    try {
      await call(api.reviews.decline, { params: { id }, body: { reason: declineReason } });
      void Taro.showToast({ title: '已谢绝', icon: 'none' });
      void Taro.navigateBack();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  async function openAttachment(fileId: number) {
    try {
      const local = await localCopy(client.url(api.entries.file, { params: { id: fileId } }));
      if (isH5()) window.open(local, '_blank');
      else await Taro.openDocument({ filePath: local });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  }

  if (error)
    return (
      <Page>
        <StateView kind="error" description={error} />
      </Page>
    );
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
        <EntryContent {...assignment.entry} onOpenAttachment={(file) => void openAttachment(file.id)} />
        <Card title={review?.status === 'submitted' ? `已提交评分：${review.weightedScore} 分` : '评分'}>
          <ScoreForm
            key={`${review?.status ?? 'none'}-${review?.submittedAt ?? ''}`}
            rubric={assignment.call.rubric}
            initial={review}
            canEdit={assignment.canEdit}
            busy={busy}
            onSaveDraft={(input) => void act(() => call(api.reviews.saveDraft, { params: { id }, body: input }), '草稿已保存')}
            onSubmit={(input) => void submit(input)}
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
                onClick={() => void decline()}
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
