import { Text, View } from '@tarojs/components';
import type { Dashboard, DashboardUnit } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { DataTable, type Column } from '../../../components/DataTable';
import { PagedTable } from '../../../components/DataTable/PagedTable';
import { MonthRangeBar } from '../../../components/MonthRangeBar';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePagedList } from '../../../hooks/usePagedList';
import { attendanceDashboard, attendanceDashboardUnits, boardDataMonths } from '../../../services/activities';
import { rangeOfDataMonths, type MonthRange } from '../../../utils/monthRange';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

type GroupRow = Dashboard['groups'][number];
type UnitRow = DashboardUnit;

/** Units per page: the server sums only these units' months, so the board costs the same at any size. */
const UNITS_PER_PAGE = 50;

const GROUP_COLUMNS: Column<GroupRow>[] = [
  { key: 'name', title: '片组', render: (g) => g.groupName },
  { key: 'units', title: '单位数', render: (g) => g.units, sortBy: (g) => g.units, align: 'right' },
  { key: 'activities', title: '活动', render: (g) => g.activities, sortBy: (g) => g.activities, align: 'right' },
  { key: 'expected', title: '应到', render: (g) => g.expected, sortBy: (g) => g.expected, align: 'right' },
  { key: 'present', title: '出席', render: (g) => g.present, sortBy: (g) => g.present, align: 'right' },
  { key: 'late', title: '迟到', render: (g) => g.late, sortBy: (g) => g.late, align: 'right' },
  { key: 'leave', title: '请假', render: (g) => g.leave, sortBy: (g) => g.leave, align: 'right' },
  { key: 'absent', title: '缺席', render: (g) => g.absent, sortBy: (g) => g.absent, align: 'right' },
  { key: 'rate', title: '出勤率', render: (g) => percent(g.rate), sortBy: (g) => g.rate, align: 'right' },
];

const UNIT_COLUMNS: Column<UnitRow>[] = [
  { key: 'name', title: '单位', render: (u) => u.unitName, sortBy: (u) => u.unitName },
  { key: 'group', title: '片组', render: (u) => u.groupName, sortBy: (u) => u.groupName },
  { key: 'activities', title: '活动', render: (u) => u.activities, sortBy: (u) => u.activities, align: 'right' },
  { key: 'expected', title: '应到', render: (u) => u.expected, sortBy: (u) => u.expected, align: 'right' },
  { key: 'absent', title: '缺席', render: (u) => u.absent, sortBy: (u) => u.absent, align: 'right' },
  { key: 'leave', title: '请假', render: (u) => u.leave, sortBy: (u) => u.leave, align: 'right' },
  { key: 'rate', title: '出勤率', render: (u) => percent(u.rate), sortBy: (u) => u.rate, align: 'right' },
];

/** The units, a page at a time from the server, of the 片组 picked above or of all. */
function UnitFigures({ range, group, onShowAll }: { range: MonthRange; group: GroupRow | undefined; onShowAll: () => void }) {
  const groupId = group?.groupId;
  const list = usePagedList<UnitRow>(
    (page, pageSize) => attendanceDashboardUnits(range, page, pageSize, groupId),
    [range.from, range.to, groupId],
    UNITS_PER_PAGE,
  );
  return (
    <PagedTable
      list={list}
      label="按单位"
      columns={UNIT_COLUMNS}
      keyOf={(u) => u.unitId}
      empty="这段时间没有单位"
      filterPlaceholder="在已显示的单位中按单位或片组筛选"
      toolbar={
        group ? (
          <Button size="small" variant="plain" onClick={onShowAll}>
            {group.groupName} · 显示全部片组
          </Button>
        ) : null
      }
    />
  );
}

function BoardFigures({ board }: { board: Dashboard }) {
  const [groupId, setGroupId] = useState<number | null>(null);
  const group = board.groups.find((g) => g.groupId === groupId);
  return (
    <View>
      <Card title={`全协会出勤率 ${percent(board.total.rate)}`}>
        <Text className="zj-muted">
          {board.from === board.to ? board.from : `${board.from} 至 ${board.to}`}：{board.total.activities} 次活动，应到{' '}
          {board.total.expected} 人次，出席 {board.total.present}，迟到 {board.total.late}，请假 {board.total.leave}
        </Text>
      </Card>
      <DataTable
        label="按片组"
        columns={GROUP_COLUMNS}
        rows={board.groups}
        keyOf={(g) => g.groupId}
        empty="还没有片组"
        pageSize={0}
        onRowClick={(g) => setGroupId(g.groupId === groupId ? null : g.groupId)}
      />
      <UnitFigures range={board} group={group} onShowAll={() => setGroupId(null)} />
      <Text className="zj-muted">
        出勤率 =（出席 + 迟到）÷（应到 − 请假），只计签到已结束的活动。点片组一行只看该片组的单位；单位按片组顺序每次加载 {UNITS_PER_PAGE}{' '}
        个。
      </Text>
    </View>
  );
}

/** 出勤看板: the association's attendance by 片组 and by unit, opening on the last months with figures. */
function AttendanceBoard({ initial }: { initial: MonthRange }) {
  /** The range shown: the one last asked for with 查询. */
  const [asked, setAsked] = useState(initial);
  const loaded = useLoaded(`${asked.from}~${asked.to}`, () => attendanceDashboard(asked));
  return (
    <View className="zj-board">
      <MonthRangeBar
        initial={initial}
        onQuery={(range) => (range.from === asked.from && range.to === asked.to ? loaded.reload() : setAsked(range))}
      />
      {/* A failed query shows no figures: the last ones would read as the answer to it. */}
      {loaded.error ? (
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data || loaded.loading ? (
        <StateView kind="loading" />
      ) : (
        <BoardFigures board={loaded.data} />
      )}
    </View>
  );
}

function BoardOnData() {
  const months = useLoaded('attendance-board-months', boardDataMonths);
  if (months.error) return <StateView kind="error" description={months.error} onRetry={months.reload} />;
  if (!months.data) return <StateView kind="loading" />;
  return <AttendanceBoard initial={rangeOfDataMonths(months.data)} />;
}

export default function AttendanceDashboardPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <BoardOnData />
      </RoleGate>
    </Page>
  );
}
