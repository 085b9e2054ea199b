import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatShanghaiDateTime, type ActivityDetail } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { TextArea } from '../../../components/TextArea';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { pickImages } from '../../../services/files';
import { upload } from '../../../services/upload';
import './index.scss';

/** 活动小结 afterwards: a short text and up to nine photos (the server strips their metadata). */
function Summary({ id }: { id: number }) {
  const [activity, setActivity] = useState<ActivityDetail | null>(null);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    try {
      const detail = await call(api.activities.get, { params: { id } });
      setActivity(detail);
      setSummary(detail.summary);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => void load(), [id]);

  async function save() {
    setBusy(true);
    try {
      setActivity(await call(api.activities.update, { params: { id }, body: { summary } }));
      void Taro.showToast({ title: '小结已保存', icon: 'success' });
    } catch (failure) {
      void Taro.showToast({ title: messageOf(failure), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  async function addPhoto() {
    try {
      const [photo] = await pickImages(1);
      if (!photo) return;
      setBusy(true);
      await upload(api.activities.uploadPhoto, { params: { id } }, photo);
      await load();
    } catch (failure) {
      void Taro.showToast({ title: messageOf(failure), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  if (!activity) return error ? <StateView kind="error" description={error} /> : <StateView kind="loading" />;
  return (
    <Card title={activity.title}>
      <Text className="zj-muted">
        {formatShanghaiDateTime(new Date(activity.startsAt))} · {activity.placeName}
      </Text>
      <TextArea value={summary} onChange={setSummary} maxlength={2000} placeholder="活动开展情况、到会人数、讨论要点……" />
      <Button block loading={busy} onClick={() => void save()}>
        保存小结
      </Button>
      <View className="zj-summary__photos">
        <Text>已上传照片 {activity.photos.length} / 9 张</Text>
        <Button size="small" variant="secondary" disabled={busy || activity.photos.length >= 9} onClick={() => void addPhoto()}>
          添加照片
        </Button>
      </View>
    </Card>
  );
}

export default function SummaryPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>
        {Number.isInteger(id) && id > 0 ? <Summary id={id} /> : <StateView kind="empty" title="未指定活动" />}
      </RoleGate>
    </Page>
  );
}
