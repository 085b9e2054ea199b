import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatMonth, shanghaiDate, type UnitStats } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useSession } from '../../../hooks/useSession';
import { api, call, client } from '../../../services/api';
import { downloadExport } from '../../../services/download';
import { messageOf } from '../../../services/errors';

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

function defaultRange(): { from: string; to: string } {
  const today = shanghaiDate(new Date());
  const back = today.month <= 2 ? { year: today.year - 1, month: today.month + 10 } : { year: today.year, month: today.month - 2 };
  return { from: formatMonth(back.year, back.month), to: formatMonth(today.year, today.month) };
}

function Figures({ unitId }: { unitId: number }) {
  const [range, setRange] = useState(defaultRange);
  const [stats, setStats] = useState<UnitStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      setStats(await call(api.attendance.unitStats, { params: { unitId }, query: range }));
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => void load(), [unitId]);

  async function exportLedger() {
    try {
      const url = client.url(api.attendance.exportLedger, { params: { unitId }, query: range });
      await downloadExport(url, `活动台账-${range.from}至${range.to}.xlsx`);
    } catch (failure) {
      void Taro.showToast({ title: messageOf(failure), icon: 'none' });
    }
  }

  return (
    <View>
      <Card title="月份范围">
        <Field label="起" value={range.from} onChange={(from) => setRange({ ...range, from })} placeholder="YYYY-MM" maxlength={7} />
        <Field label="止" value={range.to} onChange={(to) => setRange({ ...range, to })} placeholder="YYYY-MM" maxlength={7} />
        <View className="zj-activity__actions">
          <Button size="small" onClick={() => void load()}>
            查询
          </Button>
          <Button size="small" variant="secondary" onClick={() => void exportLedger()}>
            导出台账（xlsx）
          </Button>
        </View>
      </Card>
      {error ? <StateView kind="error" description={error} onRetry={() => void load()} /> : null}
      {stats ? (
        <Card title={`${stats.unit.name} 出勤率 ${percent(stats.total.rate)}`}>
          {stats.months.map((month) => (
            <Text key={month.month} className="zj-figures__row">
              {month.month}：{month.activities} 次活动，应到 {month.expected}，出席 {month.present}，迟到 {month.late}，请假 {month.leave}
              ，缺席 {month.absent}，出勤率 {percent(month.rate)}
            </Text>
          ))}
          <Text className="zj-muted">出勤率 =（出席 + 迟到）÷（应到 − 请假），只计签到已结束的活动。</Text>
        </Card>
      ) : null}
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
