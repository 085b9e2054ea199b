import { Text, View } from '@tarojs/components';
import { formatMonth, shanghaiDate } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { attendanceDashboard, type MonthRange } from '../../../services/activities';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

function thisMonth(): string {
  const today = shanghaiDate(new Date());
  return formatMonth(today.year, today.month);
}

/** 出勤看板: the association's attendance by 片组 and by unit, for any month range. */
function AttendanceBoard() {
  const [range, setRange] = useState<MonthRange>({ from: thisMonth(), to: thisMonth() });
  /** The range shown: the one last asked for with 查询. */
  const [asked, setAsked] = useState(range);
  const loaded = useLoaded(`${asked.from}~${asked.to}`, () => attendanceDashboard(asked));
  const board = loaded.data;
  const [groupId, setGroupId] = useState<number | null>(null);
  const query = () => (range.from === asked.from && range.to === asked.to ? loaded.reload() : setAsked(range));
  return (
    <View>
      <Card title="月份范围">
        <Field label="起" value={range.from} onChange={(from) => setRange({ ...range, from })} placeholder="YYYY-MM" maxlength={7} />
        <Field label="止" value={range.to} onChange={(to) => setRange({ ...range, to })} placeholder="YYYY-MM" maxlength={7} />
        <Button size="small" onClick={query}>
          查询
        </Button>
      </Card>
      {loaded.error ? (
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      ) : !board ? (
        <StateView kind="loading" />
      ) : (
        <View>
          <Card title={`全协会出勤率 ${percent(board.total.rate)}`}>
            <Text className="zj-muted">
              {board.total.activities} 次活动，应到 {board.total.expected} 人次，出席 {board.total.present}，迟到 {board.total.late}，请假{' '}
              {board.total.leave}
            </Text>
          </Card>
          <CellGroup>
            {board.groups.map((group) => (
              <Cell
                key={group.groupId}
                title={group.groupName}
                note={`${group.units} 个单位 · ${group.activities} 次活动 · 应到 ${group.expected}`}
                value={percent(group.rate)}
                arrow
                onClick={() => setGroupId(groupId === group.groupId ? null : group.groupId)}
              />
            ))}
          </CellGroup>
          {groupId ? (
            <Card title="按单位">
              {board.units
                .filter((unit) => unit.groupId === groupId)
                .map((unit) => (
                  <Cell
                    key={unit.unitId}
                    title={unit.unitName}
                    note={`${unit.activities} 次活动 · 应到 ${unit.expected} · 缺席 ${unit.absent}`}
                    value={percent(unit.rate)}
                  />
                ))}
            </Card>
          ) : null}
        </View>
      )}
    </View>
  );
}

export default function AttendanceDashboardPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <AttendanceBoard />
      </RoleGate>
    </Page>
  );
}
