import { Text, View } from '@tarojs/components';
import type { UnitStats } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { DataTable, type Column } from '../../../components/DataTable';
import { MonthRangeBar } from '../../../components/MonthRangeBar';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { useSession } from '../../../hooks/useSession';
import { exportLedger, unitAttendance, unitDataMonths } from '../../../services/activities';
import { rangeOfDataMonths, type MonthRange } from '../../../utils/monthRange';

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

type MonthRow = UnitStats['months'][number];

/** One row per month: the unit's 出勤统计 reads down, not along a paragraph. */
const MONTH_COLUMNS: Column<MonthRow>[] = [
  { key: 'month', title: '月份', render: (m) => m.month, sortBy: (m) => m.month },
  { key: 'activities', title: '活动', render: (m) => m.activities, sortBy: (m) => m.activities, align: 'right' },
  { key: 'expected', title: '应到', render: (m) => m.expected, sortBy: (m) => m.expected, align: 'right' },
  { key: 'present', title: '出席', render: (m) => m.present, sortBy: (m) => m.present, align: 'right' },
  { key: 'late', title: '迟到', render: (m) => m.late, sortBy: (m) => m.late, align: 'right' },
  { key: 'leave', title: '请假', render: (m) => m.leave, sortBy: (m) => m.leave, align: 'right' },
  { key: 'absent', title: '缺席', render: (m) => m.absent, sortBy: (m) => m.absent, align: 'right' },
  { key: 'rate', title: '出勤率', render: (m) => percent(m.rate), sortBy: (m) => m.rate, align: 'right' },
];

function Figures({ unitId, initial }: { unitId: number; initial: MonthRange }) {
  /** The range shown: the one last asked for with 查询; the export is of what is shown. */
  const [asked, setAsked] = useState(initial);
  const loaded = useLoaded(`${unitId}:${asked.from}~${asked.to}`, () => unitAttendance(unitId, asked));
  const stats = loaded.data;
  const download = useAction(() => exportLedger(unitId, asked));

  return (
    <View>
      <MonthRangeBar
        initial={initial}
        onQuery={(range) => (range.from === asked.from && range.to === asked.to ? loaded.reload() : setAsked(range))}
      >
        <Button size="small" variant="secondary" loading={download.busy} onClick={() => void download.run()}>
          导出台账（xlsx）
        </Button>
      </MonthRangeBar>
      {/* A failed query shows no figures: the last ones would read as the answer to it. */}
      {loaded.error ? (
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      ) : !stats || loaded.loading ? (
        <StateView kind="loading" />
      ) : (
        <View>
          <Card title={`${stats.unit.name} 出勤率 ${percent(stats.total.rate)}`}>
            <Text className="zj-muted">
              {asked.from === asked.to ? asked.from : `${asked.from} 至 ${asked.to}`}：{stats.total.activities} 次活动，应到{' '}
              {stats.total.expected}，出席 {stats.total.present}，迟到 {stats.total.late}，请假 {stats.total.leave}，缺席{' '}
              {stats.total.absent}
            </Text>
          </Card>
          <DataTable
            label="出勤统计"
            columns={MONTH_COLUMNS}
            rows={stats.months}
            keyOf={(m) => m.month}
            empty="这段时间没有活动"
            pageSize={0}
          />
          <Text className="zj-muted">出勤率 =（出席 + 迟到）÷（应到 − 请假），只计签到已结束的活动。</Text>
        </View>
      )}
    </View>
  );
}

function FiguresOnData({ unitId }: { unitId: number }) {
  const months = useLoaded(unitId, unitDataMonths);
  if (months.error) return <StateView kind="error" description={months.error} onRetry={months.reload} />;
  if (!months.data) return <StateView kind="loading" />;
  return <Figures unitId={unitId} initial={rangeOfDataMonths(months.data)} />;
}

export default function FiguresPage() {
  const session = useSession();
  const unitId = session?.user.unit?.id;
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>
        {unitId ? <FiguresOnData unitId={unitId} /> : <StateView kind="empty" title="尚未关联单位" />}
      </RoleGate>
    </Page>
  );
}
