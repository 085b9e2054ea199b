import { Text, View } from '@tarojs/components';
import type { Video } from '@zhijian/shared';
import './videos.scss';

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '视频号';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** One video in a round's list: title, unit, length, published likes; its state for those who see it before approval. */
export function VideoCard({ video, onOpen }: { video: Video; onOpen: () => void }) {
  return (
    <View className="zj-video-card" ariaRole="link" ariaLabel={`${video.unit.name}：${video.title}`} onClick={onOpen}>
      <View className="zj-video-card__head">
        <Text className="zj-video-card__title">{video.title}</Text>
        {video.status === 'approved' ? null : <Text className={`zj-video-tag zj-video-tag--${video.status}`}>{video.statusLabel}</Text>}
      </View>
      <Text className="zj-video-card__meta">
        {video.unit.name} · {formatDuration(video.durationSeconds)} · 赞 {video.publishedLikes} · 评论 {video.commentCount}
        {video.likedToday ? ' · 今日已赞' : ''}
      </Text>
      {video.returnReason ? <Text className="zj-video-card__returned">退回理由：{video.returnReason}</Text> : null}
    </View>
  );
}
