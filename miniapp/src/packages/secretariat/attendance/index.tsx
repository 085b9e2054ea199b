import { Text, View } from '@tarojs/components';
import { formatMonth, shanghaiDate, type Dashboard } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

function thisMonth(): string {
  const today = shanghaiDate(new Date());
  return formatMonth(today.year, today.month);
}

/** 出勤看板: the association's attendance by 片组 and by unit, for any month range. */
function AttendanceBoard() {
  const [range, setRange] = useState({ from: thisMonth(), to: thisMonth() });
  const [board, setBoard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<number | null>(null);
  const load = async () => {
    try {
      setBoard(await call(api.attendance.dashboard, { query: range }));
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => void load(), []);
  return (
    <View>
      <Card title="月份范围">
        <Field label="起" value={range.from} onChange={(from) => setRange({ ...range, from })} placeholder="YYYY-MM" maxlength={7} />
        <Field label="止" value={range.to} onChange={(to) => setRange({ ...range, to })} placeholder="YYYY-MM" maxlength={7} />
        <Button size="small" onClick={() => void load()}>
          查询
        </Button>
      </Card>
      {error ? <StateView kind="error" description={error} onRetry={() => void load()} /> : null}
      {board ? (
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
      ) : null}
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
