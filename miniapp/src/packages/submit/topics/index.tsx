import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Topic } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { useHasRole } from '../../../hooks/useSession';
import { claimTopic, listTopics } from '../../../services/submissions';
import './index.scss';

/** 课题调研: the topics, who claimed them, and a claim for the unit or on behalf of its 片组. */
export default function TopicsPage() {
  const { params } = useRouter();
  const callId = Number(params.callId);
  const canClaim = useHasRole(['unit_admin']);
  const loaded = useLoaded(callId, listTopics, { refreshOnShow: true });
  const claim = useAction(
    async (topic: Topic, forGroup: boolean) => {
      const updated = await claimTopic(topic.id, forGroup);
      loaded.update((list) => list.map((t) => (t.id === updated.id ? updated : t)));
    },
    { success: '已认领，等待秘书处确认' },
  );

  if (loaded.error)
    return (
      <Page>
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  const topics = loaded.data;
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
    <Page busy={loaded.refreshing}>
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
              <Button size="small" variant="plain" onClick={() => void claim.run(topic, true)}>
                代表片组认领
              </Button>
              <Button size="small" onClick={() => void claim.run(topic, false)}>
                本单位认领
              </Button>
            </View>
          ) : null}
        </Card>
      ))}
    </Page>
  );
}
