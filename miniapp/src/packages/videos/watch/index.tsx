import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { isWeapp } from '../../../services/env';
import { commentOnVideo, getVideo, hideVideoComment, likeVideo, videoComments, videoPlayback } from '../../../services/videos';
import { Comments } from '../components/Comments';
import { Player } from '../components/Player';
import { formatDuration } from '../components/VideoCard';
import '../components/videos.scss';

const noPlayback = async () => null;

function Watch({ id }: { id: number }) {
  const video = useLoaded(id, getVideo);
  const uploaded = video.data?.kind === 'upload';
  const playback = useLoaded(uploaded ? id : null, uploaded ? videoPlayback : noPlayback);
  const comments = useLoaded(id, videoComments);
  const like = useAction(
    async () => {
      const liked = await likeVideo(id);
      video.update(() => liked);
      return liked;
    },
    { success: '已点赞，点赞数将在 18:00 公布' },
  );
  if (!video.data)
    return video.error ? <StateView kind="error" description={video.error} onRetry={video.reload} /> : <StateView kind="loading" />;
  const data = video.data;
  return (
    <>
      <Player video={data} src={playback.data?.url ?? null} poster={playback.data?.posterUrl ?? null} weapp={isWeapp()} />
      {playback.error ? <Text className="zj-video-card__returned">{playback.error}</Text> : null}
      <Card title={data.title}>
        <Text className="zj-video-card__meta">
          {data.unit.name} · {formatDuration(data.durationSeconds)} · {data.statusLabel}
        </Text>
        <View className="zj-video-actions">
          <Button size="small" loading={like.busy} disabled={!data.actions.like} onClick={() => void like.run()}>
            {data.likedToday ? '今日已赞' : '点赞'}
          </Button>
          <Text className="zj-video-actions__note">已公布 {data.publishedLikes} 赞（每天 18:00 更新）</Text>
        </View>
      </Card>
      <Comments
        comments={comments.data?.items ?? []}
        canComment={data.actions.comment}
        onComment={(body) => commentOnVideo(id, body)}
        onHide={(comment, reason) => hideVideoComment(comment.id, reason)}
        onChanged={() => void comments.refresh()}
      />
    </>
  );
}

/** Watching one video: the player (seeking by range requests), the like, the discussion. */
export default function WatchVideoPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-videos-page">
      {Number.isInteger(id) && id > 0 ? <Watch id={id} /> : <StateView kind="empty" title="没有找到这个视频" />}
    </Page>
  );
}
