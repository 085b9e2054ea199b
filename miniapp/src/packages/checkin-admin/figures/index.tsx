import { Text, View } from '@tarojs/components';
import { formatMonth, shanghaiDate } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { useSession } from '../../../hooks/useSession';
import { exportLedger, unitAttendance, type MonthRange } from '../../../services/activities';
import './index.scss';

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

function defaultRange(): MonthRange {
  const today = shanghaiDate(new Date());
  const back = today.month <= 2 ? { year: today.year - 1, month: today.month + 10 } : { year: today.year, month: today.month - 2 };
  return { from: formatMonth(back.year, back.month), to: formatMonth(today.year, today.month) };
}

function Figures({ unitId }: { unitId: number }) {
  const [range, setRange] = useState(defaultRange);
  /** The range shown: the one last asked for with 查询. */
  const [asked, setAsked] = useState(range);
  const loaded = useLoaded(`${unitId}:${asked.from}~${asked.to}`, () => unitAttendance(unitId, asked));
  const stats = loaded.data;
  const query = () => (range.from === asked.from && range.to === asked.to ? loaded.reload() : setAsked(range));
  const download = useAction(() => exportLedger(unitId, range));

  return (
    <View>
      <Card title="月份范围">
        <Field label="起" value={range.from} onChange={(from) => setRange({ ...range, from })} placeholder="YYYY-MM" maxlength={7} />
        <Field label="止" value={range.to} onChange={(to) => setRange({ ...range, to })} placeholder="YYYY-MM" maxlength={7} />
        <View className="zj-figures__actions">
          <Button size="small" onClick={query}>
            查询
          </Button>
          <Button size="small" variant="secondary" loading={download.busy} onClick={() => void download.run()}>
            导出台账（xlsx）
          </Button>
        </View>
      </Card>
      {loaded.error ? (
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      ) : !stats ? (
        <StateView kind="loading" />
      ) : (
        <Card title={`${stats.unit.name} 出勤率 ${percent(stats.total.rate)}`}>
          {stats.months.map((month) => (
            <Text key={month.month} className="zj-figures__row">
              {month.month}：{month.activities} 次活动，应到 {month.expected}，出席 {month.present}，迟到 {month.late}，请假 {month.leave}
              ，缺席 {month.absent}，出勤率 {percent(month.rate)}
            </Text>
          ))}
          <Text className="zj-muted">出勤率 =（出席 + 迟到）÷（应到 − 请假），只计签到已结束的活动。</Text>
        </Card>
      )}
    </View>
  );
}

export default function FiguresPage() {
  const session = useSession();
  const unitId = session?.user.unit?.id;
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>{unitId ? <Figures unitId={unitId} /> : <StateView kind="empty" title="尚未关联单位" />}</RoleGate>
    </Page>
  );
}
