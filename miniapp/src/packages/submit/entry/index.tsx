import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { EntryFile } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { EntryContent } from '../../../components/submissions/EntryContent';
import { StatusTag } from '../../../components/submissions/StatusTag';
import { Timeline } from '../../../components/submissions/Timeline';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { EDIT_ENTRY_PAGE } from '../../../routes';
import { getEntry, withdrawEntry } from '../../../services/submissions';
import { entryFileUrl, openEntryAttachment } from '../../../services/entryFiles';
import './index.scss';

/** One of the unit's entries: where it stands, its timeline, and what the unit may still do. */
export default function EntryPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const loaded = useLoaded(id, getEntry, { refreshOnShow: true });
  const withdraw = useAction(
    async () => {
      const withdrawn = await withdrawEntry(id);
      loaded.update(() => withdrawn);
    },
    { confirm: { title: '撤回报送', content: '撤回后这份报送不再参加本次征集，不能恢复。', confirmText: '撤回' } },
  );
  const open = useAction((file: EntryFile) => openEntryAttachment(file));

  if (loaded.error)
    return (
      <Page>
        <StateView kind="error" title="无法打开报送" description={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  const entry = loaded.data;
  if (!entry)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  return (
    <Page className="zj-entry-page" busy={loaded.refreshing}>
      <Card>
        <View className="zj-entry-page__head">
          <StatusTag status={entry.status} />
          {entry.registrationNumber ? <Text className="zj-entry-page__number">登记号 {entry.registrationNumber}</Text> : null}
        </View>
        <Text className="zj-entry-page__call">{entry.callTitle}</Text>
        {entry.topic ? <Text className="zj-entry-page__call">课题：{entry.topic.title}</Text> : null}
      </Card>
      {entry.result ? (
        <Card title="评审结果">
          <Text className="zj-entry-page__tier">{entry.result.tier ?? '未评定等次'}</Text>
          {entry.result.opinions.map((opinion, index) => (
            <Text key={index} className="zj-entry-page__opinion">
              评审意见 {index + 1}：{opinion}
            </Text>
          ))}
        </Card>
      ) : null}
      <Card title="进度">
        <Timeline events={entry.timeline} status={entry.status} news={entry.callKind === 'news'} />
      </Card>
      <EntryContent {...entry} fileUrl={entryFileUrl} onOpenAttachment={(file) => void open.run(file)} />
      <View className="zj-entry-page__actions">
        {entry.editable ? (
          <Button block onClick={() => void Taro.navigateTo({ url: `${EDIT_ENTRY_PAGE}?id=${entry.id}` })}>
            {entry.status === 'returned' ? '按意见修改' : '修改'}
          </Button>
        ) : null}
        {entry.withdrawable ? (
          <Button block variant="danger" loading={withdraw.busy} onClick={() => void withdraw.run()}>
            撤回报送
          </Button>
        ) : null}
      </View>
    </Page>
  );
}
