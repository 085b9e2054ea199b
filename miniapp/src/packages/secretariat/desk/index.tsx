import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CALL_PHASE_LABELS, ENTRY_STATUS_LABELS, type DeskEntryItem, type EntryStatus } from '@zhijian/shared';
import { useState } from 'react';
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
    if (!iso) throw new UserError('评审截止时间格式如 2026-12-31 18:00');
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
            <Field label="评审截止时间（北京时间）" value={deadline} onChange={setDeadline} />
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
