import Taro, { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { VIDEO_ROUND_PAGE, VIDEO_WATCH_PAGE } from '../../../routes';
import { linkChannelVideo, pickVideo, uploadVideo, videoRound, videoRounds } from '../../../services/videos';
import { RoundHeader } from '../components/RoundHeader';
import { UploadPanel } from '../components/UploadPanel';
import { VideoCard } from '../components/VideoCard';
import '../components/videos.scss';

function Round({ id }: { id: number }) {
  const round = useLoaded(id, videoRound, { refreshOnShow: true });
  if (!round.data)
    return round.error ? <StateView kind="error" description={round.error} onRetry={round.reload} /> : <StateView kind="loading" />;
  const data = round.data;
  return (
    <>
      <RoundHeader round={data} />
      {data.canUpload ? (
        <UploadPanel
          pick={pickVideo}
          upload={(title, file, onProgress) => uploadVideo(id, title, file, onProgress)}
          linkChannel={(input) => linkChannelVideo(id, input)}
          onDone={() => void round.refresh()}
        />
      ) : null}
      <Text className="zj-section-title">视频（今日展示的片组在前）</Text>
      {data.videos.length === 0 ? <StateView kind="empty" title="还没有视频" /> : null}
      {data.videos.map((video) => (
        <VideoCard key={video.id} video={video} onOpen={() => void Taro.navigateTo({ url: `${VIDEO_WATCH_PAGE}?id=${video.id}` })} />
      ))}
    </>
  );
}

function Rounds() {
  const rounds = useLoaded('rounds', videoRounds, { refreshOnShow: true });
  if (!rounds.data)
    return rounds.error ? <StateView kind="error" description={rounds.error} onRetry={rounds.reload} /> : <StateView kind="loading" />;
  if (rounds.data.items.length === 0) return <StateView kind="empty" title="还没有开启击鼓传花" />;
  return (
    <Card title="网络击鼓传花">
      <CellGroup>
        {rounds.data.items.map((round) => (
          <Cell
            key={round.id}
            title={round.title}
            note={`${round.startsOn} 至 ${round.endsOn}`}
            arrow
            onClick={() => void Taro.navigateTo({ url: `${VIDEO_ROUND_PAGE}?id=${round.id}` })}
          />
        ))}
      </CellGroup>
    </Card>
  );
}

/** 网络击鼓传花: the rounds, or one round — its days, ranking, videos and the unit admin's upload. */
export default function VideoRoundPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return <Page className="zj-videos-page">{Number.isInteger(id) && id > 0 ? <Round id={id} /> : <Rounds />}</Page>;
}
