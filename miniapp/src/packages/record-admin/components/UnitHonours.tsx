import { Text, View } from '@tarojs/components';
import { AWARD_LABELS, type Honour } from '@zhijian/shared';
import { Card } from '../../../components/Card';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { unitHonours } from '../../../services/awards';
import './honours.scss';

/** The honours as lines: year, award, title and who holds it (the unit itself or one of its members). */
export function HonoursList({ honours }: { honours: Honour[] }) {
  if (honours.length === 0) {
    return <StateView kind="empty" title="暂无荣誉记录" description="年度评优结果发布后，本单位及党员获得的表彰显示在这里。" />;
  }
  return (
    <View className="zj-honours">
      {honours.map((honour, index) => (
        <View key={`${honour.year}-${honour.award}-${index}`} className="zj-honours__row">
          <Text className="zj-honours__year">{honour.year} 年度</Text>
          <View className="zj-honours__main">
            <Text className="zj-honours__title">{honour.title}</Text>
            <Text className="zj-honours__name">{honour.name}</Text>
          </View>
          <Text className={`zj-honours__award zj-honours__award--${honour.award}`}>{AWARD_LABELS[honour.award]}</Text>
        </View>
      ))}
    </View>
  );
}

/** A unit's record of honours, loaded for the unit shown: the unit admin's own, or the one the secretariat opened. */
export function UnitHonoursCard({ unitId, title = '本单位荣誉' }: { unitId: number; title?: string }) {
  const loaded = useLoaded(unitId, unitHonours, { refreshOnShow: true });
  return (
    <Card title={title} className="zj-honours-card">
      {loaded.data ? (
        <HonoursList honours={loaded.data} />
      ) : loaded.error ? (
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      ) : (
        <StateView kind="loading" />
      )}
    </Card>
  );
}
