import { ChannelVideo, Text, Video as VideoPlayer, View } from '@tarojs/components';
import type { Video } from '@zhijian/shared';
import './videos.scss';

export interface PlayerProps {
  video: Video;
  /** The stream's address with its ticket (uploaded videos), once loaded. */
  src: string | null;
  poster: string | null;
  weapp: boolean;
}

/**
 * An uploaded video plays from our range-serving stream, so the player seeks without downloading
 * it all; a 视频号 video plays in WeChat's `channel-video` (no 文娱 qualification needed), and in a
 * browser the page says where to find it.
 */
export function Player({ video, src, poster, weapp }: PlayerProps) {
  if (video.channel) {
    if (weapp)
      return (
        <ChannelVideo
          className="zj-video-player"
          finderUserName={video.channel.finderUserName}
          feedId={video.channel.feedId}
          autoplay={false}
        />
      );
    return (
      <Text className="zj-video-channel-note">
        这是视频号视频，请在微信中打开小程序观看（视频号 ID：{video.channel.finderUserName}，feed-id：{video.channel.feedId}）。
      </Text>
    );
  }
  if (!src) return <Text className="zj-video-channel-note">正在获取播放地址…</Text>;
  // The frame holds the player's height: H5's video element would otherwise spill over the page below it.
  return (
    <View className="zj-video-frame">
      <VideoPlayer
        id="zj-video-player"
        className="zj-video-player"
        src={src}
        poster={poster ?? undefined}
        controls
        showProgress
        enableProgressGesture
        autoplay={false}
      />
    </View>
  );
}
