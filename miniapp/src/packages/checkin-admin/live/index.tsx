import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ATTENDANCE_STATUS_LABELS, CHECKIN_METHOD_LABELS, formatShanghaiTime, type LiveEntry, type LiveList } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { usePolling } from '../../../hooks/usePolling';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import './index.scss';

const POLL_MS = 4000;

function statusText(entry: LiveEntry, open: boolean): string {
  if (entry.status === 'waiting') return open ? '未签到' : '—';
  const label = ATTENDANCE_STATUS_LABELS[entry.status];
  return entry.checkedInAt ? `${label} ${formatShanghaiTime(new Date(entry.checkedInAt))}` : label;
}

/** Who is in, who is not yet; refreshed every few seconds while check-in is open (ETag keeps it cheap). */
export function LiveView({ activityId }: { activityId: number }) {
  const [live, setLive] = useState<LiveList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const load = async () => {
    try {
      setLive(await call(api.activities.live, { params: { id: activityId } }));
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const open = live?.activity.phase === 'checkin_open';
  usePolling(load, POLL_MS, live === null || open);

  async function act(entry: LiveEntry) {
    setBusy(entry.memberId);
    try {
      if (entry.attendanceId && entry.method === 'manual') {
        const { confirm } = await Taro.showModal({ title: '撤销代签', content: `撤销${entry.name}的代签记录？积分将同时冲回。` });
        if (confirm) await call(api.checkins.revoke, { params: { id: entry.attendanceId }, body: { reason: '组织者撤销代签' } });
      } else {
        await call(api.checkins.manual, { params: { id: activityId }, body: { memberId: entry.memberId, note: '组织者代签' } });
      }
      await load();
    } catch (failure) {
      void Taro.showToast({ title: messageOf(failure), icon: 'none' });
    } finally {
      setBusy(null);
    }
  }

  if (!live) return error ? <StateView kind="error" description={error} onRetry={() => void load()} /> : <StateView kind="loading" />;
  const { counts } = live;
  return (
    <View className="zj-live">
      <Card title={live.activity.title}>
        <Text className="zj-live__counts" data-testid="live-counts">
          应到 {counts.expected} · 已到 {counts.present + counts.late}（迟到 {counts.late}）· 请假 {counts.leave} · {open ? '未到' : '缺席'}{' '}
          {counts.absent}
          {counts.others ? ` · 列席 ${counts.others}` : ''}
        </Text>
        {open ? <Text className="zj-muted">签到进行中，名单每 {POLL_MS / 1000} 秒刷新</Text> : null}
      </Card>
      {live.entries.map((entry) => (
        <View key={entry.memberId} className={`zj-live__row zj-live__row--${entry.status}`} data-testid="live-row">
          <View className="zj-live__who">
            <Text className="zj-live__name">{entry.name}</Text>
            <Text className="zj-muted">
              {[entry.branchName, entry.expected ? null : '列席', entry.method ? CHECKIN_METHOD_LABELS[entry.method] : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </View>
          <Text className="zj-live__status">{statusText(entry, open)}</Text>
          {entry.status === 'waiting' && open ? (
            <Button size="small" variant="secondary" loading={busy === entry.memberId} onClick={() => void act(entry)}>
              代签
            </Button>
          ) : entry.method === 'manual' ? (
            <Button size="small" variant="plain" loading={busy === entry.memberId} onClick={() => void act(entry)}>
              撤销
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}

export default function LivePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {Number.isInteger(id) && id > 0 ? <LiveView activityId={id} /> : <StateView kind="empty" title="未指定活动" />}
      </RoleGate>
    </Page>
  );
}
