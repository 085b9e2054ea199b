import { Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  ATTENDANCE_STATUS_LABELS,
  CHECKIN_METHOD_LABELS,
  formatShanghaiTime,
  mergeLiveList,
  type CheckinMethod,
  type LiveEntry,
  type LiveList,
} from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePolling } from '../../../hooks/usePolling';
import { liveList, manualCheckin, remindAbsentees, revokeCheckin } from '../../../services/activities';
import { countByFilter, filterLive, LIVE_FILTERS, type LiveFilter } from './liveFilter';
import './index.scss';

const POLL_MS = 4000;

function statusText(entry: LiveEntry, open: boolean): string {
  if (entry.status === 'waiting') return open ? '未签到' : '—';
  const label = ATTENDANCE_STATUS_LABELS[entry.status];
  return entry.checkedInAt ? `${label} ${formatShanghaiTime(new Date(entry.checkedInAt))}` : label;
}

/** Every record can be taken back — a scan by the wrong phone as much as a mistaken 代签 — with its points. */
const revocable = (entry: LiveEntry) => entry.attendanceId !== null;

/** What the revocation is called, and the reason the audit log keeps. */
const REVOKE_WORDS: Record<CheckinMethod, { noun: string; reason: string }> = {
  scan: { noun: '扫码签到', reason: '组织者撤销扫码签到' },
  manual: { noun: '代签', reason: '组织者撤销代签' },
  makeup: { noun: '补签', reason: '组织者撤销补签' },
};

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

  /** 代签 a member who is not in yet, or 撤销 any record (after a question). */
  const act = useAction(
    async (entry: LiveEntry) => {
      if (revocable(entry)) await revokeCheckin(entry.attendanceId!, REVOKE_WORDS[entry.method ?? 'manual'].reason);
      else await manualCheckin(activityId, { memberId: entry.memberId, note: '组织者代签' });
      await loaded.refresh();
    },
    {
      confirm: (entry) => {
        if (!revocable(entry)) return null;
        const { noun } = REVOKE_WORDS[entry.method ?? 'manual'];
        return { title: `撤销${noun}`, content: `撤销${entry.name}的${noun}记录？积分将同时冲回，撤销记入操作日志。`, confirmText: '撤销' };
      },
    },
  );
  const busyWith = act.running?.[0].memberId;

  const [filter, setFilter] = useState<LiveFilter>('all');
  const [query, setQuery] = useState('');
  const entries = live?.entries;
  const shown = useMemo(() => (entries ? filterLive(entries, filter, query) : []), [entries, filter, query]);
  const tally = useMemo(() => countByFilter(entries ?? []), [entries]);
  const missing = tally.missing;

  /** One tap reminds everyone not in yet who allowed a reminder; the server holds it to once per 10 minutes. */
  const remind = useAction(() => remindAbsentees(activityId), {
    confirm: () => ({
      title: '提醒未到党员',
      content: `向 ${missing} 名未到党员发送签到提醒？只有开启了签到提醒的党员会收到微信消息，每 10 分钟最多提醒一次。`,
      confirmText: '提醒',
    }),
    success: ({ waiting, reminded }) =>
      reminded === waiting ? `已提醒 ${reminded} 人` : `已提醒 ${reminded} 人（${waiting - reminded} 人未开启提醒）`,
  });

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
        {live.activity.phase === 'checkin_open' && missing > 0 ? (
          <View className="zj-live__remind">
            <Text className="zj-muted">{missing} 人未到</Text>
            {/* A fixed label: text changing inside Taro's H5 button breaks its loading icon (see below). */}
            <Button size="small" variant="secondary" loading={remind.busy} onClick={() => void remind.run()}>
              一键提醒未到
            </Button>
          </View>
        ) : null}
      </Card>
      <View className="zj-live__tools">
        <Input
          className="zj-live__search"
          value={query}
          placeholder="按姓名查找"
          maxlength={20}
          confirmType="search"
          onInput={(event) => setQuery(event.detail.value)}
          data-testid="live-search"
        />
        <Chips
          options={LIVE_FILTERS.map(({ value, label }) => ({ value, label: `${label} ${tally[value]}` }))}
          value={filter}
          onChange={setFilter}
        />
      </View>
      {shown.length === 0 ? <Text className="zj-live__none zj-muted">{query ? `没有姓名含“${query}”的党员` : '没有这类记录'}</Text> : null}
      {shown.map((entry) => (
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
          ) : revocable(entry) ? (
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
