import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { api, type Topic } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useHasRole } from '../../../hooks/useSession';
import { call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import './index.scss';

/** 课题调研: the topics, who claimed them, and a claim for the unit or on behalf of its 片组. */
export default function TopicsPage() {
  const { params } = useRouter();
  const callId = Number(params.callId);
  const canClaim = useHasRole(['unit_admin']);
  const [topics, setTopics] = useState<Topic[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  function load() {
    call(api.topics.list, { params: { id: callId } })
      .then((result) => {
        setTopics(result.items);
        setError(null);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }
  useDidShow(load);

  async function claim(topic: Topic, forGroup: boolean) {
    try {
      const updated = await call(api.topics.claim, { params: { id: topic.id }, body: { forGroup } });
      setTopics((list) => list?.map((t) => (t.id === updated.id ? updated : t)) ?? null);
      void Taro.showToast({ title: '已认领，等待秘书处确认', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  }

  if (error)
    return (
      <Page>
        <StateView kind="error" description={error} onRetry={load} />
      </Page>
    );
  if (!topics)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  if (topics.length === 0)
    return (
      <Page>
        <StateView kind="empty" title="秘书处还没有列出课题" />
      </Page>
    );
  return (
    <Page>
      {topics.map((topic) => (
        <Card key={topic.id} title={topic.title}>
          {topic.description ? <Text className="zj-topic__description">{topic.description}</Text> : null}
          {topic.claims.map((c) => (
            <Text key={c.id} className="zj-topic__claim">
              {c.unitName}
              {c.groupName ? `（代表${c.groupName}）` : ''} · {c.status === 'confirmed' ? '已确认承担' : '待确认'}
            </Text>
          ))}
          {canClaim && topic.myClaimId === null ? (
            <View className="zj-topic__actions">
              <Button size="small" variant="plain" onClick={() => void claim(topic, true)}>
                代表片组认领
              </Button>
              <Button size="small" onClick={() => void claim(topic, false)}>
                本单位认领
              </Button>
            </View>
          ) : null}
        </Card>
      ))}
    </Page>
  );
}
