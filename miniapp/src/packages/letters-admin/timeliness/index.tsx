import { Text, View } from '@tarojs/components';
import type { UnitLetterTimeliness } from '@zhijian/shared';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { letterTimeliness } from '../../../services/letters';
import '../../letters/components/letters.scss';

export function TimelinessRow({ row }: { row: UnitLetterTimeliness }) {
  return (
    <View className="zj-timeliness__row">
      <Text className="zj-timeliness__unit">{row.unitName}</Text>
      <Text className="zj-timeliness__figure">来信 {row.total}</Text>
      <Text className="zj-timeliness__figure">待办 {row.waiting}</Text>
      <Text className={`zj-timeliness__figure${row.overdueNow ? ' zj-timeliness__figure--late' : ''}`}>当前逾期 {row.overdueNow}</Text>
      <Text className="zj-timeliness__figure">曾逾期 {row.everOverdue}</Text>
      <Text className="zj-timeliness__figure">已答复 {row.replied}</Text>
      <Text className="zj-timeliness__figure">
        满意 {row.satisfied} / 基本满意 {row.fair} / 不满意 {row.unsatisfied}
      </Text>
    </View>
  );
}

/** The secretariat's view of every unit's 书记信箱: counts and timeliness only, never a letter's content. */
function Timeliness() {
  const rows = useLoaded('letter-timeliness', letterTimeliness, { refreshOnShow: true });
  if (!rows.data)
    return rows.error ? <StateView kind="error" description={rows.error} onRetry={rows.reload} /> : <StateView kind="loading" />;
  if (rows.data.length === 0) return <StateView kind="empty" title="各单位书记信箱还没有来信" />;
  return (
    <Card title="各单位书记信箱办理时效（仅统计数量，不含信件内容）">
      {rows.data.map((row) => (
        <TimelinessRow key={row.unitId} row={row} />
      ))}
    </Card>
  );
}

export default function TimelinessPage() {
  return (
    <Page className="zj-letters-page">
      <RoleGate roles={['secretariat']}>
        <Timeliness />
      </RoleGate>
    </Page>
  );
}
