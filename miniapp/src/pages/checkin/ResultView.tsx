import { Text, View } from '@tarojs/components';
import { formatShanghaiSeconds } from '@zhijian/shared';
import type { ScanOutcome } from '../../services/checkin';

/** The outcome of a scan: on time, late, already in, or refused with the server's reason in Chinese. */
export function ResultView({ outcome, already = false }: { outcome: ScanOutcome; already?: boolean }) {
  if (outcome.kind === 'refused') {
    return (
      <View className="zj-scan-result zj-scan-result--refused" data-testid="scan-result">
        <Text className="zj-scan-result__title">签到未成功</Text>
        <Text className="zj-scan-result__text">{outcome.message}</Text>
      </View>
    );
  }
  const { attendance, activity, message } = outcome.result;
  const late = attendance.status === 'late';
  return (
    <View className={`zj-scan-result zj-scan-result--${late ? 'late' : 'success'}`} data-testid="scan-result">
      <Text className="zj-scan-result__title">{already ? '你已签到，无需重复签到' : message}</Text>
      <Text className="zj-scan-result__text">
        {activity.title} · {activity.placeName}
      </Text>
      <Text className="zj-scan-result__text">
        签到时间 {formatShanghaiSeconds(new Date(attendance.checkedInAt))} · 活动积分 +{attendance.points}
      </Text>
    </View>
  );
}
