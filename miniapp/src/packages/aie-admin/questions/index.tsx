import { Text } from '@tarojs/components';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { useSession } from '../../../hooks/useSession';
import { moderateAnswer, moderateQuestion, moderationQueue } from '../../../services/questions';
import { ModerationCard } from '../../aie/questions/components/ModerationCard';
import '../../aie/volunteer/components/volunteer.scss';
import '../../aie/questions/components/questions.scss';

function Queue({ unitId }: { unitId: number }) {
  const queue = useLoaded(unitId, moderationQueue, { refreshOnShow: true });
  const data = queue.data;
  if (!data)
    return queue.error ? <StateView kind="error" description={queue.error} onRetry={queue.reload} /> : <StateView kind="loading" />;
  if (!data.questions.length && !data.answers.length) {
    return (
      <StateView kind="empty" title="没有待审核或已隐藏的问答" description="未通过内容安全检测的问题和回答会在这里等待你放行或隐藏。" />
    );
  }
  const refresh = () => void queue.refresh();
  return (
    <>
      <Text className="zj-qa__line">待审核在前；隐藏时写明原因，作者能看到。</Text>
      {data.questions.map((question) => (
        <ModerationCard
          key={`q${question.id}`}
          kind="问题"
          title={question.title}
          author={question.asker.name}
          body={question.excerpt}
          moderation={question.moderation}
          moderationLabel={question.moderationLabel}
          heldLabel={question.heldLabel}
          hiddenReason={question.hiddenReason}
          onModerate={(input) => moderateQuestion(question.id, input).then(refresh)}
        />
      ))}
      {data.answers.map((answer) => (
        <ModerationCard
          key={`a${answer.id}`}
          kind="回答"
          title={answer.questionTitle}
          author={answer.author.name}
          body={answer.body}
          moderation={answer.moderation}
          moderationLabel={answer.moderationLabel}
          heldLabel={answer.heldLabel}
          hiddenReason={answer.hiddenReason}
          onModerate={(input) => moderateAnswer(answer.id, input).then(refresh)}
        />
      ))}
    </>
  );
}

/** 问答审核: the unit's held and hidden 传帮带 questions and answers. */
export default function QuestionQueuePage() {
  const session = useSession();
  const unitId = session?.user.unit?.id ?? null;
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['unit_admin']}>{unitId ? <Queue unitId={unitId} /> : <StateView kind="empty" title="尚未关联单位" />}</RoleGate>
    </Page>
  );
}
