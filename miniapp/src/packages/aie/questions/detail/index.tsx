import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { AnswerInput, formatShanghaiDateTime, type Answer, type QuestionDetail } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../../components/Button';
import { Card } from '../../../../components/Card';
import { Page } from '../../../../components/Page';
import { StateView } from '../../../../components/StateView';
import { TextArea } from '../../../../components/TextArea';
import { useAction } from '../../../../hooks/useAction';
import { useLoaded } from '../../../../hooks/useLoaded';
import { useSession } from '../../../../hooks/useSession';
import { answerQuestion, getQuestion, markSolved } from '../../../../services/questions';
import { AnswerList } from '../components/AnswerList';
import { ModerationNotice } from '../components/QuestionCard';
import '../../volunteer/components/volunteer.scss';
import '../components/questions.scss';

function AnswerBox({ question, onAnswered }: { question: QuestionDetail; onAnswered: () => void }) {
  const [body, setBody] = useState('');
  const answer = useAction(
    async (input: { body: string }) => {
      const answered = await answerQuestion(question.id, input.body);
      setBody('');
      onAnswered();
      return answered;
    },
    { check: AnswerInput, inline: true, success: (answered) => (answered.moderation === 'held' ? '已提交，内容待审核' : '回答已发布') },
  );
  return (
    <Card title="我来回答">
      <TextArea
        value={body}
        onChange={setBody}
        placeholder="分享你的做法或经验（至少 2 个字）"
        maxlength={2000}
        error={answer.problems.body}
      />
      {answer.error ? <Text className="zj-qa__error">{answer.error}</Text> : null}
      <Button block loading={answer.busy} onClick={() => void answer.run({ body })}>
        提交回答
      </Button>
    </Card>
  );
}

/** A question and its answers: answer it; the asker marks the answer that solved it. */
export default function QuestionDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const session = useSession();
  const loaded = useLoaded(Number.isInteger(id) && id > 0 ? id : null, getQuestion);
  const mark = useAction(
    async (answer: Answer) => {
      const solved = await markSolved(id, answer.id);
      loaded.update(() => solved);
      return solved;
    },
    {
      confirm: (answer) => ({ title: '采纳回答', content: `采纳 ${answer.author.name} 的回答为解决方案？采纳后不能更改。` }),
      success: '已采纳',
    },
  );
  const question = loaded.data;
  if (!question) {
    return (
      <Page className="zj-aie-page">
        {loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />}
      </Page>
    );
  }
  return (
    <Page className="zj-aie-page">
      <Card>
        <View className="zj-qa__bar">
          <Text className="zj-qa__title">{question.title}</Text>
          {question.solved ? <Text className="zj-qa__tag zj-qa__tag--solved">已解决</Text> : null}
        </View>
        <Text className="zj-qa__line">
          {question.asker.name} · {formatShanghaiDateTime(new Date(question.createdAt))}
        </Text>
        <Text className="zj-qa__text">{question.body}</Text>
        {question.tags.length ? (
          <View className="zj-qa__tags">
            {question.tags.map((tag) => (
              <Text key={tag} className="zj-qa__tag">
                {tag}
              </Text>
            ))}
          </View>
        ) : null}
        <ModerationNotice item={question} />
      </Card>
      <Card title={`回答（${question.answers.length}）`}>
        <AnswerList
          answers={question.answers}
          canMark={question.mine && !question.solved}
          viewerId={session?.user.id ?? 0}
          onMark={(answer) => void mark.run(answer)}
          markingId={mark.running?.[0].id ?? null}
        />
      </Card>
      {question.moderation === 'visible' ? <AnswerBox question={question} onAnswered={() => void loaded.refresh()} /> : null}
    </Page>
  );
}
