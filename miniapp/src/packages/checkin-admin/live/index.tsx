import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import {
  ATTENDANCE_STATUS_LABELS,
  CHECKIN_METHOD_LABELS,
  formatShanghaiTime,
  mergeLiveList,
  type LiveEntry,
  type LiveList,
} from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePolling } from '../../../hooks/usePolling';
import { liveList, manualCheckin, revokeCheckin } from '../../../services/activities';
import './index.scss';

const POLL_MS = 4000;

function statusText(entry: LiveEntry, open: boolean): string {
  if (entry.status === 'waiting') return open ? '未签到' : '—';
  const label = ATTENDANCE_STATUS_LABELS[entry.status];
  return entry.checkedInAt ? `${label} ${formatShanghaiTime(new Date(entry.checkedInAt))}` : label;
}

/** An organiser's own 代签 can be taken back. */
const revocable = (entry: LiveEntry) => entry.attendanceId !== null && entry.method === 'manual';

/** Who is in, who is not yet; refreshed every few seconds while check-in is open (only changes travel). */
export function LiveView({ activityId }: { activityId: number }) {
  // Each poll names the version held and gets only what changed since (a few hundred bytes
  // without news); a delta that cannot be applied is followed by a request for the whole list.
  const held = useRef<LiveList | null>(null);
  const load = useCallback(async (id: number) => {
    const mine = held.current?.activity.id === id ? held.current : null;
    const list = mergeLiveList(mine, await liveList(id, mine?.version)) ?? (await liveList(id));
    held.current = list;
    return list;
  }, []);
  const loaded = useLoaded(activityId, load);
  const live = loaded.data;
  const open = live?.activity.phase === 'checkin_open' || live?.activity.phase === 'checkin_ready';
  // While check-in is open, and after a failed load (a network hiccup), every few seconds.
  usePolling(loaded.refresh, POLL_MS, open || loaded.error !== null, false);

  /** 代签 a member who is not in yet, or 撤销 an organiser's own 代签 (after a question). */
  const act = useAction(
    async (entry: LiveEntry) => {
      const revoking = revocable(entry);
      if (revoking) await revokeCheckin(entry.attendanceId!, '组织者撤销代签');
      else await manualCheckin(activityId, { memberId: entry.memberId, note: '组织者代签' });
      await loaded.refresh();
    },
    {
      confirm: (entry) =>
        revocable(entry) ? { title: '撤销代签', content: `撤销${entry.name}的代签记录？积分将同时冲回。`, confirmText: '撤销' } : null,
    },
  );
  const busyWith = act.running?.[0].memberId;

  if (!live)
    return loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />;
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
          {/* Keyed by action: after 代签 the row's button is a new 撤销 button, not the 代签 one
              relabelled — Taro's H5 button manages its own children (the loading icon), and React
              patching text inside it failed with "insertBefore" NotFoundError. */}
          {entry.status === 'waiting' && open ? (
            <Button key="manual" size="small" variant="secondary" loading={busyWith === entry.memberId} onClick={() => void act.run(entry)}>
              代签
            </Button>
          ) : entry.method === 'manual' ? (
            <Button key="revoke" size="small" variant="plain" loading={busyWith === entry.memberId} onClick={() => void act.run(entry)}>
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
