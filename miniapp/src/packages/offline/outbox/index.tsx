import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { useAction } from '../../../hooks/useAction';
import { useRequireSession } from '../../../hooks/useSession';
import { useStore } from '../../../hooks/useStore';
import { networkStore } from '../../../services/network';
import { keptBytes, offlineStore, OFFLINE_BUDGET_BYTES, refreshOfflineLibrary } from '../../../services/offlineLibrary';
import { cancelOutboxItem, dismissOutcome, flushOutbox, myOutboxItems, outboxStore } from '../../../services/outbox';
import { formatDateTime } from '../../../utils/format';
import { OutboxList, OutcomeList } from './OutboxList';
import './index.scss';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * What waits to be sent (in order, each can be cancelled), what came of what was sent (a refusal in
 * the server's words), and what the device keeps for reading offline.
 */
export default function OutboxPage() {
  useRequireSession();
  const network = useStore(networkStore);
  const outbox = useStore(outboxStore);
  const library = useStore(offlineStore);
  const items = myOutboxItems(outbox);

  const sendNow = useAction(() => flushOutbox({ force: true }));
  const update = useAction(() => refreshOfflineLibrary(), { success: '已更新离线内容' });
  const cancel = useAction(async (id: string) => void cancelOutboxItem(id), {
    confirm: { title: '取消发送', content: '这项内容将不再发送，也不会保存在本机。', confirmText: '取消发送', cancelText: '保留' },
    success: '已取消',
  });

  const articles = library ? Object.keys(library.articles).length : 0;
  const issues = library ? Object.keys(library.issues).length : 0;

  return (
    <Page outbox className="zj-outbox">
      <Card title={`待发送（${items.length}）`}>
        <OutboxList items={items} sending={outbox.sending} onCancel={(id) => void cancel.run(id)} />
        {items.length > 0 ? (
          <View className="zj-outbox__action">
            <Button block variant="secondary" disabled={!network.online} loading={sendNow.busy} onClick={() => void sendNow.run()}>
              {network.online ? '立即发送' : '联网后自动发送'}
            </Button>
          </View>
        ) : null}
      </Card>

      {outbox.outcomes.length > 0 ? (
        <Card title="发送结果">
          <OutcomeList outcomes={outbox.outcomes} onDismiss={dismissOutcome} />
        </Card>
      ) : null}

      <Card title="离线阅读">
        <Text className="zj-outbox__note">
          本机保存最近 3 期简报和收藏的文章，没有网络时也能打开；离线阅读的记录联网后补报，达到阅读时长照样计入学习积分。
        </Text>
        <Text className="zj-outbox__figure">
          {library
            ? `已保存 ${issues} 期简报、${articles} 篇文章，占用 ${megabytes(keptBytes(library))} / ${megabytes(OFFLINE_BUDGET_BYTES)}；${formatDateTime(new Date(library.refreshedAt).toISOString())} 更新`
            : '尚未下载：联网时会自动下载。'}
        </Text>
        <View className="zj-outbox__action">
          <Button block variant="plain" disabled={!network.online} loading={update.busy} onClick={() => void update.run()}>
            立即更新
          </Button>
        </View>
      </Card>
    </Page>
  );
}
