import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ReviewQueueItem } from '@zhijian/shared';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { SCORE_PAGE } from '../../../routes';
import { reviewQueue } from '../../../services/reviews';
import { formatDateTime } from '../../../utils/format';

const STATUS = { none: '待评审', draft: '草稿', submitted: '已提交' } as const;

function Row({ item }: { item: ReviewQueueItem }) {
  const value =
    item.reviewStatus === 'submitted' ? `已提交 ${item.weightedScore ?? ''}` : item.overdue ? '已逾期' : STATUS[item.reviewStatus];
  return (
    <Cell
      title={`${item.registrationNumber ?? ''} ${item.title}`.trim()}
      note={`${item.callTitle} · 截止 ${formatDateTime(item.deadline)}`}
      value={value}
      arrow
      onClick={() => void Taro.navigateTo({ url: `${SCORE_PAGE}?id=${item.assignmentId}` })}
    />
  );
}

/** The reviewer's queue: only what is assigned to them, by registration number, never the unit. */
export default function ReviewQueuePage() {
  const queue = useLoaded('queue', reviewQueue, { refreshOnShow: true });
  const items = queue.data;
  usePullDownRefresh(() => void queue.refresh().finally(() => void Taro.stopPullDownRefresh()));

  return (
    <Page busy={queue.refreshing}>
      <RoleGate roles={['reviewer']}>
        {queue.error ? (
          <StateView kind="error" description={queue.error} onRetry={queue.reload} />
        ) : !items ? (
          <StateView kind="loading" />
        ) : items.length === 0 ? (
          <StateView kind="empty" title="暂无评审任务" description="秘书处完成登记和初审后，分配给您的案例和课题报告会出现在这里。" />
        ) : (
          <CellGroup>
            {items.map((item) => (
              <Row key={item.assignmentId} item={item} />
            ))}
          </CellGroup>
        )}
      </RoleGate>
    </Page>
  );
}
