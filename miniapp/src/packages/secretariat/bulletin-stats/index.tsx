import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
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
      <Text className="zj-section-title">按片组</Text>
      {stats.groups.length === 0 ? (
        <Text className="zj-muted">还没有片组。</Text>
      ) : (
        <CellGroup>
          {stats.groups.map((group) => (
            <Cell key={group.groupId} title={group.name} value={share(group.readers, group.members)} />
          ))}
        </CellGroup>
      )}
      <Text className="zj-section-title">按会员单位</Text>
      {stats.units.length === 0 ? (
        <Text className="zj-muted">还没有会员单位。</Text>
      ) : (
        <CellGroup>
          {stats.units.map((unit) => (
            <Cell key={unit.unitId} title={unit.name} note={unit.groupName} value={share(unit.readers, unit.members)} />
          ))}
        </CellGroup>
      )}
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
