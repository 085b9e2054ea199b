import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { api, CALL_PHASE_LABELS, ENTRY_STATUS_LABELS, type Call, type DeskEntryItem, type EntryStatus } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell } from '../../../components/Cell';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { StatusTag } from '../../../components/submissions/StatusTag';
import { usePagedList } from '../../../hooks/usePagedList';
import { DESK_ENTRY_PAGE, RESULTS_PAGE } from '../../../routes';
import { call, client } from '../../../services/api';
import { downloadExport } from '../../../services/download';
import { messageOf, UserError } from '../../../services/errors';
import { formatDateTime, parseShanghaiInput } from '../../../utils/format';

const FILTERS: (EntryStatus | 'all')[] = [
  'all',
  'submitted',
  'registered',
  'returned',
  'passed',
  'in_review',
  'rated',
  'adopted',
  'rejected',
  'withdrawn',
];

function Row({ item, reviewers }: { item: DeskEntryItem; reviewers: number }) {
  const review =
    reviewers > 0 && ['in_review', 'rated'].includes(item.status) ? ` · 评分 ${item.reviewsSubmitted}/${item.activeReviewers}` : '';
  return (
    <Cell
      title={`${item.registrationNumber ?? '未登记'} ${item.title}`}
      note={`${item.unitName}（${item.groupName}）${review}`}
      value={<StatusTag status={item.status} />}
      arrow
      onClick={() => void Taro.navigateTo({ url: `${DESK_ENTRY_PAGE}?id=${item.id}` })}
    />
  );
}

/** One call at the desk: what came in, registration in order, assignment, results, exports. */
export default function DeskPage() {
  const { params } = useRouter();
  const callId = Number(params.callId);
  const [current, setCurrent] = useState<Call | null>(null);
  const [filter, setFilter] = useState<EntryStatus | 'all'>('all');
  const [deadline, setDeadline] = useState(formatDateTime(new Date(Date.now() + 7 * 86_400_000).toISOString()).slice(0, 10) + ' 18:00');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = usePagedList(
    (page, pageSize) =>
      call(api.desk.entries, { params: { id: callId }, query: { page, pageSize, status: filter === 'all' ? undefined : filter } }),
    [callId, filter],
  );
  const loadCall = () =>
    call(api.calls.get, { params: { id: callId } }).then(
      (loaded) => {
        setCurrent(loaded);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  useEffect(() => void loadCall(), [callId]);
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });

  async function run(action: () => Promise<string>) {
    setBusy(true);
    try {
      const message = await action();
      void Taro.showToast({ title: message, icon: 'none' });
      void loadCall();
      list.reload();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  const registerAll = () =>
    run(async () => {
      const { registered } = await call(api.desk.registerAll, { params: { id: callId } });
      return registered.length ? `已登记 ${registered.length} 份` : '没有待登记的报送';
    });

  const autoAssign = () =>
    run(async () => {
      const iso = parseShanghaiInput(deadline);
      if (!iso) throw new UserError('评审截止时间格式如 2026-12-31 18:00');
      const result = await call(api.desk.autoAssign, { params: { id: callId }, body: { deadline: iso } });
      return result.short.length
        ? `已分配 ${result.assigned.length} 项，${result.short.length} 份专家不足`
        : `已分配 ${result.assigned.length} 项`;
    });

  if (error)
    return (
      <Page>
        <StateView kind="error" description={error} onRetry={() => void loadCall()} />
      </Page>
    );
  if (!current)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  const exportUrl = (kind: 'entries' | 'workload') =>
    client.url(kind === 'entries' ? api.results.exportEntries : api.results.exportWorkload, { params: { id: callId } });
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Card title={current.title}>
          <Text className="zj-muted">
            {CALL_PHASE_LABELS[current.phase]} · 截止 {formatDateTime(current.closesAt)} · 编号 {current.year}-{current.code}-xxx
          </Text>
          <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', marginTop: '10px' }}>
            <Button size="small" loading={busy} onClick={() => void registerAll()}>
              按提交顺序全部登记
            </Button>
            {current.reviewersPerEntry > 0 ? (
              <Button size="small" variant="secondary" onClick={() => void Taro.navigateTo({ url: `${RESULTS_PAGE}?callId=${callId}` })}>
                评审结果
              </Button>
            ) : null}
            <Button
              size="small"
              variant="plain"
              onClick={() =>
                void downloadExport(exportUrl('entries'), `${current.title}-报送与评分.xlsx`).catch(
                  (e: unknown) => void Taro.showToast({ title: messageOf(e), icon: 'none' }),
                )
              }
            >
              导出报送与评分
            </Button>
            {current.reviewersPerEntry > 0 ? (
              <Button
                size="small"
                variant="plain"
                onClick={() =>
                  void downloadExport(exportUrl('workload'), `${current.title}-评审工作量.xlsx`).catch(
                    (e: unknown) => void Taro.showToast({ title: messageOf(e), icon: 'none' }),
                  )
                }
              >
                导出评审工作量
              </Button>
            ) : null}
          </View>
        </Card>
        {current.reviewersPerEntry > 0 ? (
          <Card title="自动分配评审">
            <Text className="zj-muted">
              为初审通过的报送各分配 {current.reviewersPerEntry} 位专家：工作量均衡，避开本单位和同片组的专家。
            </Text>
            <Field label="评审截止时间（北京时间）" value={deadline} onChange={setDeadline} />
            <Button size="small" loading={busy} onClick={() => void autoAssign()}>
              自动分配
            </Button>
          </Card>
        ) : null}
        <Chips
          options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? '全部' : ENTRY_STATUS_LABELS[f] }))}
          value={filter}
          onChange={setFilter}
        />
        <PagedList
          list={list}
          keyOf={(item) => item.id}
          renderItem={(item) => <Row item={item} reviewers={current.reviewersPerEntry} />}
          emptyTitle="还没有报送"
        />
      </RoleGate>
    </Page>
  );
}
