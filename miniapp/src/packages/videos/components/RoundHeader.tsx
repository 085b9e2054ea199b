import { Text, View } from '@tarojs/components';
import type { VideoRoundDetail } from '@zhijian/shared';
import type { z } from 'zod';
import { Card } from '../../../components/Card';
import { formatDateTime } from '../../../utils/format';
import './videos.scss';

type Round = z.infer<typeof VideoRoundDetail>;

const PHASES = { upcoming: '未开始', running: '进行中', ended: '已结束' } as const;

/** The round: theme, days with today's 片组, the likes left today, when counts are next published, and the top three. */
export function RoundHeader({ round }: { round: Round }) {
  return (
    <>
      <Card title={`${round.title}（${PHASES[round.phase]}）`}>
        {round.theme ? <Text className="zj-video-round__theme">{round.theme}</Text> : null}
        <Text className="zj-video-round__meta">
          {round.startsOn} 至 {round.endsOn} · 今日还可点赞 {round.likesLeftToday} 次
        </Text>
        <Text className="zj-video-round__meta">点赞数每天 18:00 公布，下次公布：{formatDateTime(round.nextPublishedAt)}</Text>
        <View className="zj-video-round__days">
          {round.schedule.map((day) => (
            <Text key={day.date} className={`zj-video-round__day${day.today ? ' zj-video-round__day--today' : ''}`}>
              {day.date.slice(5)} {day.group?.name ?? ''}
            </Text>
          ))}
        </View>
      </Card>
      {round.top.length ? (
        <Card title="当前排名（评委分与点赞加权）">
          {round.top.map((row) => (
            <Text key={row.videoId} className="zj-video-round__rank">
              第{row.rank}名 {row.unitName}《{row.title}》 {row.total.toFixed(1)} 分
            </Text>
          ))}
        </Card>
      ) : null}
    </>
  );
}
