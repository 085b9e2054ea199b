import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatShanghaiDateTime, type ActivityDetail } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { getActivity, updateActivity, uploadActivityPhoto } from '../../../services/activities';
import { pickImages } from '../../../services/files';
import './index.scss';

const MAX_PHOTOS = 9;

/** The text and the photos; the text as typed survives a photo being added. */
function SummaryForm({ activity, onChanged }: { activity: ActivityDetail; onChanged: (activity: ActivityDetail) => void }) {
  const [summary, setSummary] = useState(activity.summary);
  const save = useAction(async () => onChanged(await updateActivity(activity.id, { summary })), { success: '小结已保存' });
  const addPhoto = useAction(async () => {
    const [photo] = await pickImages(1);
    if (!photo) return;
    await uploadActivityPhoto(activity.id, photo);
    onChanged(await getActivity(activity.id));
  });
  const busy = save.busy || addPhoto.busy;

  return (
    <Card title={activity.title}>
      <Text className="zj-muted">
        {formatShanghaiDateTime(new Date(activity.startsAt))} · {activity.placeName}
      </Text>
      <TextArea value={summary} onChange={setSummary} maxlength={2000} placeholder="活动开展情况、到会人数、讨论要点……" />
      <Button block loading={save.busy} disabled={busy} onClick={() => void save.run()}>
        保存小结
      </Button>
      <View className="zj-summary__photos">
        <Text>
          已上传照片 {activity.photos.length} / {MAX_PHOTOS} 张
        </Text>
        <Button
          size="small"
          variant="secondary"
          disabled={busy || activity.photos.length >= MAX_PHOTOS}
          onClick={() => void addPhoto.run()}
        >
          添加照片
        </Button>
      </View>
    </Card>
  );
}

/** 活动小结 afterwards: a short text and up to nine photos (the server strips their metadata). */
function Summary({ id }: { id: number }) {
  const loaded = useLoaded(id, getActivity);
  if (!loaded.data)
    return loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />;
  return <SummaryForm activity={loaded.data} onChanged={(changed) => loaded.update(() => changed)} />;
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
