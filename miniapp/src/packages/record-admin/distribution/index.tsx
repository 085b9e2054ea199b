import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { INDEX_TIER_LABELS, INDEX_TIERS, type IndexDistribution } from '@zhijian/shared';
import { Fragment, useState } from 'react';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { RECORD_INDEX_PAGE } from '../../../routes';
import { exportDistribution, indexDistribution } from '../../../services/recordAdmin';
import { YearStepper } from '../components/YearStepper';
import { lastDayBefore, thisYear } from '../components/unit';
import '../components/record.scss';

type Counts = IndexDistribution['total'];

function CountCells({ counts }: { counts: Counts }) {
  return (
    <>
      <Text className="zj-table__cell zj-table__cell--num">{counts.members}</Text>
      <Text className="zj-table__cell zj-table__cell--num">{counts.mean === null ? '—' : counts.mean.toFixed(1)}</Text>
      {INDEX_TIERS.map((tier) => (
        <Text key={tier} className="zj-table__cell zj-table__cell--num">
          {counts.tiers[tier] ?? 0}
        </Text>
      ))}
      <Text className="zj-table__cell zj-table__cell--num">{counts.sanctioned}</Text>
    </>
  );
}

function Board({ board }: { board: IndexDistribution }) {
  const [open, setOpen] = useState<number | null>(null);
  const openUnit = (unitId: number, unitName: string) =>
    void Taro.navigateTo({ url: `${RECORD_INDEX_PAGE}?unitId=${unitId}&unitName=${encodeURIComponent(unitName)}` });
  return (
    <View className="zj-table">
      <View className="zj-table__inner">
        <View className="zj-table__row zj-table__row--head">
          <Text className="zj-table__cell zj-table__cell--name">片组 / 单位</Text>
          <Text className="zj-table__cell zj-table__cell--num">人数</Text>
          <Text className="zj-table__cell zj-table__cell--num">平均</Text>
          {INDEX_TIERS.map((tier) => (
            <Text key={tier} className="zj-table__cell zj-table__cell--num">
              {INDEX_TIER_LABELS[tier]}
            </Text>
          ))}
          <Text className="zj-table__cell zj-table__cell--num">受处分</Text>
        </View>
        <View className="zj-table__row zj-distribution__total">
          <Text className="zj-table__cell zj-table__cell--name">全协会</Text>
          <CountCells counts={board.total} />
        </View>
        {board.groups.map((group) => (
          <Fragment key={group.groupId}>
            <View className="zj-table__row" onClick={() => setOpen(open === group.groupId ? null : group.groupId)}>
              <Text className="zj-table__cell zj-table__cell--name zj-table__cell--link">
                {open === group.groupId ? '▾ ' : '▸ '}
                {group.groupName}
              </Text>
              <CountCells counts={group} />
            </View>
            {open === group.groupId
              ? board.units
                  .filter((unit) => unit.groupId === group.groupId)
                  .map((unit) => (
                    <View key={unit.unitId} className="zj-table__row" onClick={() => openUnit(unit.unitId, unit.unitName)}>
                      <Text className="zj-table__cell zj-table__cell--name zj-distribution__unit">{unit.unitName} ›</Text>
                      <CountCells counts={unit} />
                    </View>
                  ))
              : null}
          </Fragment>
        ))}
      </View>
    </View>
  );
}

function Distribution() {
  const [year, setYear] = useState(thisYear());
  const board = useLoaded(year, indexDistribution);
  const exporting = useAction(() => exportDistribution(year));
  return (
    <View className="zj-ra">
      <View className="zj-ra__bar">
        <YearStepper year={year} max={thisYear()} onChange={setYear} />
        <Button size="small" variant="secondary" loading={exporting.busy} onClick={() => void exporting.run()}>
          导出 Excel
        </Button>
      </View>
      {board.data ? (
        <Text className="zj-ra__note">
          {board.data.closed ? `${year} 年度已结账，以下为结账时的分布。` : `截至 ${lastDayBefore(board.data.asOf)}（上月底）。`}
          点开片组看各单位，点单位看该单位的先锋指数名单。
        </Text>
      ) : null}
      {board.error ? (
        <StateView kind="error" description={board.error} onRetry={board.reload} />
      ) : !board.data ? (
        <StateView kind="loading" />
      ) : (
        <Board board={board.data} />
      )}
    </View>
  );
}

/** 指数分布: tiers and the mean by 片组 and unit (no names); a unit opens its named list. */
export default function DistributionPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Distribution />
      </RoleGate>
    </Page>
  );
}
