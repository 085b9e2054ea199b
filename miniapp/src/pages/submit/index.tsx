import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CALL_KIND_LABELS, hasAnyRole, type Call, type EntryListItem } from '@zhijian/shared';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Cell, CellGroup } from '../../components/Cell';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { StateView } from '../../components/StateView';
import { CaseCard } from '../../components/submissions/CaseCard';
import { StatusTag } from '../../components/submissions/StatusTag';
import { useLoaded } from '../../hooks/useLoaded';
import { usePagedList } from '../../hooks/usePagedList';
import { useRequireSession } from '../../hooks/useSession';
import { CALLS_PAGE, CASE_PAGE, CASES_PAGE, EDIT_ENTRY_PAGE, ENTRY_PAGE, REVIEW_QUEUE_PAGE, TOPICS_PAGE } from '../../routes';
import { entryFileUrl } from '../../services/entryFiles';
import { listCases, listOpenCalls, myEntries } from '../../services/submissions';
import { formatDateTime } from '../../utils/format';
import './index.scss';

function OpenCall({ item, canSubmit }: { item: Call; canSubmit: boolean }) {
  const places = item.myUnit;
  const full = places !== null && places.remaining === 0;
  // The card answers a tap: a research call opens its topics, any other a new entry; a call whose
  // places are used up says so; the secretariat goes to its calls desk.
  const open = () => {
    if (!canSubmit) void Taro.navigateTo({ url: CALLS_PAGE });
    else if (item.kind === 'research') void Taro.navigateTo({ url: `${TOPICS_PAGE}?callId=${item.id}` });
    else if (full) void Taro.showToast({ title: '本单位名额已用完，可在下方修改已报送的内容', icon: 'none' });
    else void Taro.navigateTo({ url: `${EDIT_ENTRY_PAGE}?callId=${item.id}` });
  };
  return (
    <Card>
      <View className="zj-submit__call" onClick={open}>
        <Text className="zj-submit__kind">{CALL_KIND_LABELS[item.kind]}</Text>
        <Text className="zj-submit__title">{item.title}</Text>
        <Text className="zj-submit__meta">
          截止 {formatDateTime(item.closesAt)}
          {places ? ` · 本单位已报 ${places.used}/${item.entryLimit}` : ''}
        </Text>
      </View>
      {canSubmit ? (
        <View className="zj-submit__actions">
          {item.kind === 'research' ? (
            <Button size="small" variant="plain" onClick={() => void Taro.navigateTo({ url: `${TOPICS_PAGE}?callId=${item.id}` })}>
              课题与认领
            </Button>
          ) : null}
          <Button size="small" disabled={full} onClick={() => void Taro.navigateTo({ url: `${EDIT_ENTRY_PAGE}?callId=${item.id}` })}>
            {full ? '名额已用完' : '新建报送'}
          </Button>
        </View>
      ) : null}
    </Card>
  );
}

/** What a member who does not submit finds here: the newest published cases, and who submits. */
function CaseLibrary() {
  const cases = useLoaded('cases', () => listCases(1, 5, ''), { refreshOnShow: true });
  return (
    <>
      <Text className="zj-section-title">案例库</Text>
      {cases.error ? (
        <StateView kind="error" description={cases.error} onRetry={cases.reload} />
      ) : !cases.data ? (
        <StateView kind="loading" />
      ) : cases.data.items.length === 0 ? (
        <StateView kind="empty" title="案例库还是空的" description="评审结果发布后，获奖的优秀案例会出现在这里。" />
      ) : (
        <>
          {cases.data.items.map((item) => (
            <CaseCard
              key={item.entryId}
              item={item}
              coverUrl={entryFileUrl}
              onOpen={() => void Taro.navigateTo({ url: `${CASE_PAGE}?id=${item.entryId}` })}
            />
          ))}
          {cases.data.total > cases.data.items.length ? (
            <Button block variant="plain" onClick={() => void Taro.navigateTo({ url: CASES_PAGE })}>
              查看全部 {cases.data.total} 个案例
            </Button>
          ) : null}
        </>
      )}
      <Text className="zj-submit__note">本单位的好做法、课题报告和信息，由本单位党务工作者或信息员在这里报送；有想法可以告诉他们。</Text>
    </>
  );
}

function MyEntry({ item }: { item: EntryListItem }) {
  return (
    <Cell
      title={item.title || '（未填写标题）'}
      note={`${item.callTitle}${item.registrationNumber ? ` · ${item.registrationNumber}` : ''} · ${formatDateTime(item.updatedAt)}`}
      value={<StatusTag status={item.status} />}
      arrow
      onClick={() => void Taro.navigateTo({ url: `${ENTRY_PAGE}?id=${item.id}` })}
    />
  );
}

function MyEntries() {
  const list = usePagedList(myEntries, []);
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });
  return (
    <PagedList
      list={list}
      keyOf={(entry) => entry.id}
      renderItem={(entry) => <MyEntry item={entry} />}
      emptyTitle="本单位还没有报送"
      emptyDescription="选择上方正在征集的活动，点“新建报送”开始填写。"
    />
  );
}

/**
 * 报送 by role: the unit's admin and information officers see the open calls and their unit's
 * entries; a reviewer also finds the review queue; every other member sees the 案例库.
 */
export default function SubmitTab() {
  const session = useRequireSession();
  const roles = session?.user.roles ?? [];
  const staff = !!session && session.user.unit !== null && hasAnyRole(roles, ['unit_admin', 'info_officer']);
  const secretariat = hasAnyRole(roles, ['secretariat']);
  const reviewer = hasAnyRole(roles, ['reviewer']);
  const seesCalls = staff || secretariat;
  const open = useLoaded(session && seesCalls ? 'open' : null, listOpenCalls, { refreshOnShow: true });
  const calls = open.data;

  return (
    <Page className="zj-submit" busy={open.refreshing}>
      {seesCalls || reviewer ? (
        <CellGroup>
          {reviewer ? (
            <Cell title="评审任务" note="分配给我的案例与课题报告" arrow onClick={() => void Taro.navigateTo({ url: REVIEW_QUEUE_PAGE })} />
          ) : null}
          {secretariat ? (
            <Cell title="征集管理" note="发布征集、登记初审、分配评审" arrow onClick={() => void Taro.navigateTo({ url: CALLS_PAGE })} />
          ) : null}
          <Cell title="案例库" note="已发布的优秀案例与评审意见" arrow onClick={() => void Taro.navigateTo({ url: CASES_PAGE })} />
        </CellGroup>
      ) : null}
      {!session ? (
        <StateView kind="loading" />
      ) : seesCalls ? (
        <>
          <Text className="zj-section-title">正在征集</Text>
          {open.error ? (
            <StateView kind="error" description={open.error} onRetry={open.reload} />
          ) : !calls ? (
            <StateView kind="loading" />
          ) : calls.length === 0 ? (
            <StateView kind="empty" title="目前没有正在征集的活动" />
          ) : (
            calls.map((item) => <OpenCall key={item.id} item={item} canSubmit={staff} />)
          )}
        </>
      ) : (
        <CaseLibrary />
      )}
      {staff ? (
        <>
          <Text className="zj-section-title">本单位报送</Text>
          <MyEntries />
        </>
      ) : null}
    </Page>
  );
}
