import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { api, type Entry } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { StatusTag } from '../../../components/submissions/StatusTag';
import { Timeline } from '../../../components/submissions/Timeline';
import { EDIT_ENTRY_PAGE } from '../../../routes';
import { call as callApi, client } from '../../../services/api';
import { localCopy } from '../../../services/download';
import { isH5 } from '../../../services/env';
import { messageOf } from '../../../services/errors';
import { EntryContent } from '../../../components/submissions/EntryContent';
import './index.scss';

/** One of the unit's entries: where it stands, its timeline, and what the unit may still do. */
export default function EntryPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [entry, setEntry] = useState<Entry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function reload() {
    callApi(api.entries.get, { params: { id } })
      .then((loaded) => {
        setEntry(loaded);
        setError(null);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }
  useDidShow(reload);

  async function withdraw() {
    const answer = await Taro.showModal({
      title: '撤回报送',
      content: '撤回后这份报送不再参加本次征集，不能恢复。',
      confirmText: '撤回',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setBusy(true);
    try {
      setEntry(await callApi(api.entries.withdraw, { params: { id }, body: {} }));
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  async function openAttachment(fileId: number, mimeType: string) {
    try {
      const local = await localCopy(client.url(api.entries.file, { params: { id: fileId } }));
      if (isH5()) window.open(local, '_blank');
      else await Taro.openDocument({ filePath: local, fileType: mimeType === 'application/pdf' ? 'pdf' : 'docx' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  }

  if (error)
    return (
      <Page>
        <StateView kind="error" title="无法打开报送" description={error} onRetry={reload} />
      </Page>
    );
  if (!entry)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  return (
    <Page className="zj-entry-page">
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
      <EntryContent {...entry} onOpenAttachment={(file) => void openAttachment(file.id, file.mimeType)} />
      <View className="zj-entry-page__actions">
        {entry.editable ? (
          <Button block onClick={() => void Taro.navigateTo({ url: `${EDIT_ENTRY_PAGE}?id=${entry.id}` })}>
            {entry.status === 'returned' ? '按意见修改' : '修改'}
          </Button>
        ) : null}
        {entry.withdrawable ? (
          <Button block variant="danger" loading={busy} onClick={() => void withdraw()}>
            撤回报送
          </Button>
        ) : null}
      </View>
    </Page>
  );
}
