import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { QuestionInput } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { SearchBar } from '../../../components/SearchBar';
import { useAction } from '../../../hooks/useAction';
import { useHasRole } from '../../../hooks/useSession';
import { usePagedList } from '../../../hooks/usePagedList';
import { QUESTION_DETAIL_PAGE, QUESTION_QUEUE_PAGE } from '../../../routes';
import { askQuestion, listQuestions } from '../../../services/questions';
import { AskForm } from './components/AskForm';
import { QuestionCard } from './components/QuestionCard';
import '../volunteer/components/volunteer.scss';
import './components/questions.scss';

/** 传帮带: the unit's questions, searchable; ask one; the unit admin reaches the review queue. */
export default function QuestionsPage() {
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState(false);
  const moderator = useHasRole(['unit_admin']);
  const list = usePagedList((page, pageSize) => listQuestions(page, pageSize, query || undefined), [query]);
  const open = (id: number) => void Taro.navigateTo({ url: `${QUESTION_DETAIL_PAGE}?id=${id}` });
  const ask = useAction(
    async (input: QuestionInput) => {
      const asked = await askQuestion(input);
      setAsking(false);
      list.reload();
      return asked;
    },
    {
      check: QuestionInput,
      inline: true,
      success: (asked) => (asked.moderation === 'held' ? '已提交，内容待审核' : '已发布'),
    },
  );
  return (
    <Page className="zj-aie-page">
      <SearchBar placeholder="搜索问题、标签" onSearch={setQuery} />
      <View className="zj-qa__actions">
        {asking ? (
          <Card title="我要提问">
            <AskForm action={ask} />
          </Card>
        ) : (
          <Button block onClick={() => setAsking(true)}>
            我要提问
          </Button>
        )}
        {moderator ? (
          <Button block variant="secondary" onClick={() => void Taro.navigateTo({ url: QUESTION_QUEUE_PAGE })}>
            问答审核
          </Button>
        ) : null}
      </View>
      <PagedList
        list={list}
        keyOf={(question) => question.id}
        renderItem={(question) => <QuestionCard question={question} onOpen={open} />}
        emptyTitle={query ? `没有找到“${query}”相关的问题` : '还没有问题'}
        emptyDescription="新入职的党员有不清楚的事可以在这里提问，有经验的党员来回答；被采纳的回答获得积分。"
      />
    </Page>
  );
}
