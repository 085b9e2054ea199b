import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Video } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { VIDEO_WATCH_PAGE } from '../../../routes';
import { placeVideoResults, reviewVideo, scoreVideo, videoResults, videoRound } from '../../../services/videos';
import { VideoCard } from '../../videos/components/VideoCard';
import '../../videos/components/videos.scss';

/** One video's review: watch it, 通过 / 退回 with a reason; once approved, the jury's score. */
function VideoReviewCard({ video, onChanged }: { video: Video; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [score, setScore] = useState(video.juryScore === null ? '' : String(video.juryScore));
  const review = useAction(
    async (approve: boolean) => {
      await reviewVideo(video.id, approve ? { approve } : { approve, reason });
      onChanged();
    },
    { success: (_r, approve) => (approve ? '已通过' : '已退回'), inline: true },
  );
  const rate = useAction(
    async () => {
      await scoreVideo(video.id, Number(score));
      onChanged();
    },
    { success: '已评分', inline: true },
  );
  return (
    <View>
      <VideoCard video={video} onOpen={() => void Taro.navigateTo({ url: `${VIDEO_WATCH_PAGE}?id=${video.id}` })} />
      {video.actions.review ? (
        <>
          <Field
            label="退回理由"
            value={reason}
            onChange={setReason}
            maxlength={500}
            error={review.problems.reason ?? review.error ?? undefined}
          />
          <View className="zj-video-actions">
            <Button size="small" loading={review.running?.[0] === true} onClick={() => void review.run(true)}>
              通过
            </Button>
            <Button size="small" variant="danger" loading={review.running?.[0] === false} onClick={() => void review.run(false)}>
              退回
            </Button>
          </View>
        </>
      ) : null}
      {video.actions.score ? (
        <View className="zj-video-actions">
          <Field
            label="评委评分（0–100）"
            type="digit"
            value={score}
            onChange={setScore}
            error={rate.problems.score ?? rate.error ?? undefined}
          />
          <Button size="small" loading={rate.busy} onClick={() => void rate.run()}>
            保存评分
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Results({ roundId }: { roundId: number }) {
  const results = useLoaded(roundId, videoResults, { refreshOnShow: true });
  const [issueId, setIssueId] = useState('');
  const [top, setTop] = useState('3');
  const place = useAction(() => placeVideoResults(roundId, Number(issueId), Number(top)), { success: '已编入简报草稿', inline: true });
  if (!results.data)
    return <StateView kind={results.error ? 'error' : 'loading'} description={results.error ?? undefined} onRetry={results.reload} />;
  return (
    <Card title={`结果（评委 ${results.data.juryWeight}% + 点赞 ${100 - results.data.juryWeight}%）`}>
      {results.data.rows.map((row) => (
        <Text key={row.videoId} className="zj-video-round__rank">
          第{row.rank}名 {row.unitName}《{row.title}》 综合 {row.total.toFixed(1)} · 评委 {row.juryScore ?? '未评'} · 赞{' '}
          {row.publishedLikes}
        </Text>
      ))}
      <Field
        label="简报草稿编号"
        type="number"
        value={issueId}
        onChange={setIssueId}
        error={place.problems.issueId ?? place.error ?? undefined}
      />
      <Field label="前几名" type="number" value={top} onChange={setTop} error={place.problems.top} />
      <Button block loading={place.busy} onClick={() => void place.run()}>
        编入简报草稿
      </Button>
    </Card>
  );
}

function Review({ id }: { id: number }) {
  const round = useLoaded(id, videoRound, { refreshOnShow: true });
  if (!round.data)
    return round.error ? <StateView kind="error" description={round.error} onRetry={round.reload} /> : <StateView kind="loading" />;
  const pendingFirst = [...round.data.videos].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
  return (
    <>
      <Text className="zj-section-title">{round.data.title} · 视频审核</Text>
      {pendingFirst.length === 0 ? <StateView kind="empty" title="还没有单位提交视频" /> : null}
      {pendingFirst.map((video) => (
        <VideoReviewCard key={video.id} video={video} onChanged={() => void round.refresh()} />
      ))}
      <Results roundId={id} />
    </>
  );
}

/** The secretariat's round: review each unit's video, score it, see the results and place the top into a draft 简报. */
export default function VideoReviewPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-videos-page">
      <RoleGate roles={['secretariat']}>
        {Number.isInteger(id) && id > 0 ? <Review id={id} /> : <StateView kind="empty" title="没有找到这一轮" />}
      </RoleGate>
    </Page>
  );
}
