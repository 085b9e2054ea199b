import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CALL_PHASE_LABELS, ENTRY_STATUS_LABELS, type DeskEntryItem, type EntryStatus } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { DateTimePicker } from '../../../components/DatePicker';
import { Page } from '../../../components/Page';
import { type Column } from '../../../components/DataTable';
import { PagedTable } from '../../../components/DataTable/PagedTable';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { StatusTag } from '../../../components/submissions/StatusTag';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePagedList } from '../../../hooks/usePagedList';
import { DESK_ENTRY_PAGE, RESULTS_PAGE } from '../../../routes';
import { autoAssign, deskEntries, exportEntries, exportWorkload, registerAll } from '../../../services/desk';
import { UserError } from '../../../services/errors';
import { getCall } from '../../../services/submissions';
import { formatDateTime, parseShanghaiInput } from '../../../utils/format';
import './index.scss';

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

/** The desk's columns; the review column only for a call with expert review. */
function columnsFor(reviewers: number): Column<DeskEntryItem>[] {
  const columns: Column<DeskEntryItem>[] = [
    { key: 'number', title: '编号', render: (e) => e.registrationNumber ?? '未登记', sortBy: (e) => e.registrationNumber },
    { key: 'title', title: '标题', render: (e) => e.title, sortBy: (e) => e.title, wrap: true },
    { key: 'unit', title: '单位', render: (e) => e.unitName, sortBy: (e) => e.unitName },
    { key: 'group', title: '片组', render: (e) => e.groupName, sortBy: (e) => e.groupName },
    {
      key: 'status',
      title: '状态',
      render: (e) => e.statusLabel,
      cell: (e) => <StatusTag status={e.status} />,
      sortBy: (e) => e.statusLabel,
    },
    {
      key: 'submitted',
      title: '提交时间',
      render: (e) => (e.submittedAt ? formatDateTime(e.submittedAt) : '—'),
      sortBy: (e) => e.submittedAt,
    },
  ];
  if (reviewers > 0)
    columns.push({
      key: 'reviews',
      title: '评分',
      render: (e) => (['in_review', 'rated'].includes(e.status) ? `${e.reviewsSubmitted}/${e.activeReviewers}` : '—'),
      sortBy: (e) => e.reviewsSubmitted,
      align: 'right',
    });
  return columns;
}

/** One call at the desk: what came in, registration in order, assignment, results, exports. */
export default function DeskPage() {
  const { params } = useRouter();
  const callId = Number(params.callId);
  const loaded = useLoaded(callId, getCall);
  const [filter, setFilter] = useState<EntryStatus | 'all'>('all');
  const [deadline, setDeadline] = useState(formatDateTime(new Date(Date.now() + 7 * 86_400_000).toISOString()).slice(0, 10) + ' 18:00');
  const list = usePagedList(
    (page, pageSize) => deskEntries(callId, page, pageSize, filter === 'all' ? undefined : filter),
    [callId, filter],
  );
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });

  /** Registering or assigning, said in a toast; afterwards the call's counts and the list are read again. */
  async function deskAction(kind: 'register' | 'assign'): Promise<string> {
    if (kind === 'register') {
      const registered = await registerAll(callId);
      return registered ? `已登记 ${registered} 份` : '没有待登记的报送';
    }
    const iso = parseShanghaiInput(deadline);
    if (!iso) throw new UserError('请选择评审截止时间的日期和时间');
    const result = await autoAssign(callId, iso);
    return result.short.length
      ? `已分配 ${result.assigned.length} 项，${result.short.length} 份专家不足`
      : `已分配 ${result.assigned.length} 项`;
  }
  const act = useAction(
    async (kind: 'register' | 'assign') => {
      const message = await deskAction(kind);
      void loaded.refresh();
      list.reload();
      return message;
    },
    { success: (message) => message },
  );
  const download = useAction((kind: 'entries' | 'workload') =>
    kind === 'entries' ? exportEntries(callId, loaded.data!.title) : exportWorkload(callId, loaded.data!.title),
  );

  const current = loaded.data;
  if (loaded.error)
    return (
      <Page>
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  if (!current)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Card title={current.title}>
          <Text className="zj-muted">
            {CALL_PHASE_LABELS[current.phase]} · 截止 {formatDateTime(current.closesAt)} · 编号 {current.year}-{current.code}-xxx
          </Text>
          <View className="zj-desk-call__actions">
            <Button size="small" loading={act.running?.[0] === 'register'} disabled={act.busy} onClick={() => void act.run('register')}>
              按提交顺序全部登记
            </Button>
            {current.reviewersPerEntry > 0 ? (
              <Button size="small" variant="secondary" onClick={() => void Taro.navigateTo({ url: `${RESULTS_PAGE}?callId=${callId}` })}>
                评审结果
              </Button>
            ) : null}
            <Button size="small" variant="plain" onClick={() => void download.run('entries')}>
              导出报送与评分
            </Button>
            {current.reviewersPerEntry > 0 ? (
              <Button size="small" variant="plain" onClick={() => void download.run('workload')}>
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
            <DateTimePicker label="评审截止时间（北京时间）" value={deadline} onChange={setDeadline} />
            <Button size="small" loading={act.running?.[0] === 'assign'} disabled={act.busy} onClick={() => void act.run('assign')}>
              自动分配
            </Button>
          </Card>
        ) : null}
        <Chips
          options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? '全部' : ENTRY_STATUS_LABELS[f] }))}
          value={filter}
          onChange={setFilter}
        />
        <PagedTable
          list={list}
          label="报送"
          columns={columnsFor(current.reviewersPerEntry)}
          keyOf={(item) => item.id}
          filterPlaceholder="在已显示的报送中按标题、单位或编号筛选"
          onExport={() => void download.run('entries')}
          exportLabel="导出报送与评分"
          exporting={download.busy}
          onRowClick={(item) => void Taro.navigateTo({ url: `${DESK_ENTRY_PAGE}?id=${item.id}` })}
          empty="还没有报送"
        />
      </RoleGate>
    </Page>
  );
}
