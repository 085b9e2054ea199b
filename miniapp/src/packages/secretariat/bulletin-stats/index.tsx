import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Card } from '../../../components/Card';
import { Cell } from '../../../components/Cell';
import { DataTable, type Column } from '../../../components/DataTable';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePagedList } from '../../../hooks/usePagedList';
import { BULLETIN_STATS_PAGE } from '../../../routes';
import { listIssues } from '../../../services/bulletins';
import { loadIssueStats } from '../../../services/bulletinDesk';
import './index.scss';

function share(readers: number, members: number): string {
  if (members === 0) return `${readers} 人已读`;
  return `${readers} / ${members} 人 · ${Math.round((readers / members) * 100)}%`;
}

function PickIssue() {
  const list = usePagedList((page, pageSize) => listIssues(page, pageSize), []);
  return (
    <>
      <Text className="zj-section-title">选择一期简报</Text>
      <PagedList
        list={list}
        keyOf={(issue) => issue.id}
        renderItem={(issue) => (
          <Cell
            title={issue.label}
            note={issue.date ?? undefined}
            arrow
            onClick={() => void Taro.navigateTo({ url: `${BULLETIN_STATS_PAGE}?id=${issue.id}` })}
          />
        )}
        emptyTitle="还没有发布的简报"
      />
    </>
  );
}

type StatsRows = Awaited<ReturnType<typeof loadIssueStats>>['stats'];
const rate = (row: { readers: number; members: number }) => (row.members === 0 ? null : row.readers / row.members);
const rateText = (row: { readers: number; members: number }) =>
  row.members === 0 ? '—' : `${Math.round((row.readers / row.members) * 100)}%`;

const GROUP_COLUMNS: Column<StatsRows['groups'][number]>[] = [
  { key: 'name', title: '片组', render: (g) => g.name },
  { key: 'readers', title: '已读', render: (g) => g.readers, sortBy: (g) => g.readers, align: 'right' },
  { key: 'members', title: '党员', render: (g) => g.members, sortBy: (g) => g.members, align: 'right' },
  { key: 'rate', title: '阅读率', render: rateText, sortBy: rate, align: 'right' },
];

const UNIT_COLUMNS: Column<StatsRows['units'][number]>[] = [
  { key: 'name', title: '单位', render: (u) => u.name, sortBy: (u) => u.name },
  { key: 'group', title: '片组', render: (u) => u.groupName, sortBy: (u) => u.groupName },
  { key: 'readers', title: '已读', render: (u) => u.readers, sortBy: (u) => u.readers, align: 'right' },
  { key: 'members', title: '党员', render: (u) => u.members, sortBy: (u) => u.members, align: 'right' },
  { key: 'rate', title: '阅读率', render: rateText, sortBy: rate, align: 'right' },
];

function Stats({ id }: { id: number }) {
  const loaded = useLoaded(id, loadIssueStats);
  if (loaded.error) return <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <StateView kind="loading" />;
  const { issue, stats } = loaded.data;
  return (
    <View className="zj-stats">
      <Card title={issue.label}>
        <Text className="zj-stats__total">{share(stats.readers, stats.members)}</Text>
        <Text className="zj-muted">读完任意一篇文章（停留达到阅读时长）即计为已读。</Text>
      </Card>
      <DataTable label="按片组" columns={GROUP_COLUMNS} rows={stats.groups} keyOf={(g) => g.groupId} empty="还没有片组。" pageSize={0} />
      <DataTable
        label="按会员单位"
        columns={UNIT_COLUMNS}
        rows={stats.units}
        keyOf={(u) => u.unitId}
        empty="还没有会员单位。"
        filterPlaceholder="按单位或片组筛选"
      />
    </View>
  );
}

/** 阅读统计: for one issue (`?id=`), how many members of each 片组 and unit have read it. */
export default function BulletinStatsPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page>
      <RoleGate roles={['secretariat']}>{Number.isInteger(id) && id > 0 ? <Stats id={id} /> : <PickIssue />}</RoleGate>
    </Page>
  );
}
