import { Text, View } from '@tarojs/components';
import type { Video } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import type { PickedFile } from '../../../services/files';
import './videos.scss';

export interface UploadPanelProps {
  pick: () => Promise<PickedFile | null>;
  upload: (title: string, file: PickedFile, onProgress: (percent: number) => void) => Promise<Video>;
  linkChannel: (input: { title: string; finderUserName: string; feedId: string }) => Promise<Video>;
  onDone: (video: Video) => void;
}

/**
 * The unit admin's part: the unit's one video for the round, uploaded with progress (MP4, H.264/AAC,
 * ≤ 3 分钟, ≤ 100 MB), or a 视频号 video by its ID and feed-id. Either waits for the secretariat's review.
 */
export function UploadPanel({ pick, upload, linkChannel, onDone }: UploadPanelProps) {
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [channel, setChannel] = useState(false);
  const [finderUserName, setFinder] = useState('');
  const [feedId, setFeed] = useState('');
  const send = useAction(
    async () => {
      const file = await pick();
      if (!file) return undefined;
      setProgress(0);
      try {
        const video = await upload(title.trim(), file, setProgress);
        onDone(video);
        return video;
      } finally {
        setProgress(null);
      }
    },
    { success: (video) => (video ? '已上传，等待秘书处审核' : ''), inline: true },
  );
  const link = useAction(async () => onDone(await linkChannel({ title: title.trim(), finderUserName, feedId })), {
    success: '已提交，等待秘书处审核',
    inline: true,
  });
  const problems = { ...send.problems, ...link.problems };
  return (
    <Card title="本单位的展示视频">
      <Field label="标题" value={title} onChange={setTitle} maxlength={60} error={problems.title} />
      {channel ? (
        <>
          <Field label="视频号 ID" value={finderUserName} onChange={setFinder} placeholder="sph 开头" error={problems.finderUserName} />
          <Field label="视频 feed-id" value={feedId} onChange={setFeed} error={problems.feedId} />
          <Button block loading={link.busy} onClick={() => void link.run()}>
            提交视频号视频
          </Button>
        </>
      ) : (
        <>
          <Text className="zj-video-round__meta">MP4（H.264 视频、AAC 音频），不超过 3 分钟、100 MB。</Text>
          {progress !== null ? (
            <View className="zj-video-progress" ariaRole="progressbar" ariaLabel={`上传进度 ${progress}%`}>
              <View className="zj-video-progress__bar" style={{ width: `${progress}%` }} />
            </View>
          ) : null}
          <Button block loading={send.busy} onClick={() => void send.run()}>
            {progress !== null ? `正在上传 ${progress}%` : '选择视频并上传'}
          </Button>
        </>
      )}
      {send.error || link.error ? <Text className="zj-video-card__returned">{send.error ?? link.error}</Text> : null}
      <Button variant="plain" size="small" onClick={() => setChannel(!channel)}>
        {channel ? '改为上传视频文件' : '改用视频号视频'}
      </Button>
    </Card>
  );
}
