import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { api, type ReviewQueueItem } from '@zhijian/shared';
import { useState } from 'react';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { SCORE_PAGE } from '../../../routes';
import { call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
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
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    call(api.reviews.queue)
      .then((result) => {
        setItems(result.items);
        setError(null);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()));

  return (
    <Page>
      <RoleGate roles={['reviewer']}>
        {error ? (
          <StateView kind="error" description={error} onRetry={() => void load()} />
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
