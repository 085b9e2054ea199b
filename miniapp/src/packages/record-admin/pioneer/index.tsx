import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { type UnitIndexes } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { RECORD_PRINT_PAGE } from '../../../routes';
import { exportUnitIndexes, unitIndexes } from '../../../services/recordAdmin';
import { YearStepper } from '../components/YearStepper';
import { lastDayBefore, thisYear, usePageUnit } from '../components/unit';
import '../components/record.scss';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** The breakdown's columns, in the order the index adds them up. */
const COLUMNS: { label: string; value: (row: UnitIndexes['rows'][number]) => string }[] = [
  { label: '出勤率', value: (row) => percent(row.breakdown.attendanceRate) },
  { label: '组织生活', value: (row) => String(row.breakdown.organisationalLife) },
  { label: '承诺践诺', value: (row) => String(row.breakdown.commitment) },
  { label: '基本指数', value: (row) => String(row.breakdown.base) },
  { label: '认定加分', value: (row) => String(row.breakdown.approvedBonus) },
  { label: '学习', value: (row) => String(row.breakdown.study) },
  { label: '公益', value: (row) => String(row.breakdown.publicService) },
  { label: '正向加分', value: (row) => (row.breakdown.bonus ? `+${row.breakdown.bonus}` : '0') },
  { label: '反向扣分', value: (row) => (row.breakdown.deductions ? `−${row.breakdown.deductions}` : '0') },
];

function IndexTable({ indexes }: { indexes: UnitIndexes }) {
  return (
    <View className="zj-table">
      <View className="zj-table__inner">
        <View className="zj-table__row zj-table__row--head">
          <Text className="zj-table__cell zj-table__cell--name">姓名</Text>
          <Text className="zj-table__cell zj-table__cell--num">先锋指数</Text>
          <Text className="zj-table__cell">参考等次</Text>
          {COLUMNS.map((column) => (
            <Text key={column.label} className="zj-table__cell zj-table__cell--num">
              {column.label}
            </Text>
          ))}
          <Text className="zj-table__cell">支部</Text>
          <Text className="zj-table__cell">党员卡</Text>
        </View>
        {indexes.rows.map((row) => (
          <View key={row.member.id} className={`zj-table__row${row.breakdown.tier === 'talk' ? ' zj-table__row--flag' : ''}`}>
            <Text className="zj-table__cell zj-table__cell--name">{row.member.name}</Text>
            <Text className="zj-table__cell zj-table__cell--num zj-index__value">
              {row.breakdown.sanctioned ? '0（处分）' : row.breakdown.value}
            </Text>
            <Text className="zj-table__cell">{row.tierLabel}</Text>
            {COLUMNS.map((column) => (
              <Text key={column.label} className="zj-table__cell zj-table__cell--num">
                {column.value(row)}
              </Text>
            ))}
            <Text className="zj-table__cell">{row.member.branchName ?? '—'}</Text>
            <Text
              className="zj-table__cell zj-table__cell--link"
              onClick={() => void Taro.navigateTo({ url: `${RECORD_PRINT_PAGE}?memberId=${row.member.id}&year=${indexes.year}` })}
            >
              打印
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Indexes({ unitId, unitName }: { unitId: number; unitName: string }) {
  const [year, setYear] = useState(thisYear());
  const indexes = useLoaded(`${unitId}:${year}`, () => unitIndexes(unitId, year));
  const exporting = useAction(() => exportUnitIndexes(unitId, year, unitName || '本单位'));
  const data = indexes.data;
  return (
    <View className="zj-ra">
      <View className="zj-ra__bar">
        <YearStepper year={year} max={thisYear()} onChange={setYear} />
        <Button size="small" variant="secondary" loading={exporting.busy} onClick={() => void exporting.run()}>
          导出 Excel
        </Button>
      </View>
      {unitName ? <Text className="zj-card__title">{unitName}</Text> : null}
      {data ? (
        <Text className="zj-ra__note">
          {data.closed
            ? `${data.year} 年度已结账，以下为结账时的先锋指数。`
            : `截至 ${lastDayBefore(data.asOf)}（上月底）的先锋指数，每月初更新；等次仅供参考，由支部民主评议评定。`}
        </Text>
      ) : null}
      {indexes.error ? (
        <StateView kind="error" description={indexes.error} onRetry={indexes.reload} />
      ) : !data ? (
        <StateView kind="loading" />
      ) : !data.rows.length ? (
        <StateView kind="empty" title="名册还是空的" />
      ) : (
        <IndexTable indexes={data} />
      )}
    </View>
  );
}

/** 先锋指数: the unit's list as published (end of last month), with every part of it, and the print layout per member. */
export default function PioneerIndexPage() {
  const unit = usePageUnit();
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {unit ? <Indexes unitId={unit.unitId} unitName={unit.unitName} /> : <StateView kind="empty" title="尚未关联单位" />}
      </RoleGate>
    </Page>
  );
}
