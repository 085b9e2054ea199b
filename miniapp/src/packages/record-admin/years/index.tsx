import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { closedYears, closeYear } from '../../../services/recordAdmin';
import { thisYear } from '../components/unit';
import '../components/record.scss';

function Years() {
  const years = useLoaded('years', closedYears);
  const close = useAction(
    async (year: number) => {
      const closed = await closeYear(year);
      await years.refresh();
      return closed;
    },
    {
      confirm: (year) => ({
        title: `${year} 年度结账`,
        content: `结账将冻结全体党员 ${year} 年度的先锋指数，此后不能再申报、认定或记录该年度的加分、扣分和处分，且不能撤销。确定结账吗？`,
        confirmText: '结账',
      }),
      success: (closed) => `${closed.year} 年度已结账，共 ${closed.members} 名党员`,
    },
  );
  const lastYear = thisYear() - 1;
  const items = years.data;
  const lastClosed = items?.some((item) => item.year === lastYear);
  return (
    <View className="zj-ra">
      <Card title="年度结账">
        <Text className="zj-ra__line">年度结束后结账：全体党员该年度的先锋指数按结账时的记录冻结，党员卡和名单此后都读结账快照。</Text>
        <Text className="zj-ra__note">建议在民主评议结束、上年度的加分审核和扣分申诉处理完毕后再结账。</Text>
        {items && !lastClosed ? (
          <View className="zj-ra__actions">
            <Button variant="danger" loading={close.busy} onClick={() => void close.run(lastYear)}>
              {lastYear} 年度结账
            </Button>
          </View>
        ) : null}
      </Card>
      {years.error ? (
        <StateView kind="error" description={years.error} onRetry={years.reload} />
      ) : !items ? (
        <StateView kind="loading" />
      ) : !items.length ? (
        <StateView kind="empty" title="还没有结账的年度" />
      ) : (
        <>
          <Text className="zj-section-title">已结账的年度</Text>
          <CellGroup>
            {items.map((item) => (
              <Cell
                key={item.year}
                title={`${item.year} 年度`}
                note={`${formatShanghaiDateTime(new Date(item.closedAt))} 由${item.closedBy ?? '系统'}结账`}
                value={`${item.members} 人`}
              />
            ))}
          </CellGroup>
        </>
      )}
    </View>
  );
}

/** 年度结账: the closed years, and closing the year just ended. */
export default function YearsPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Years />
      </RoleGate>
    </Page>
  );
}
