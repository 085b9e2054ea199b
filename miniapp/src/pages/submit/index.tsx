import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CALL_KIND_LABELS, hasAnyRole, type Call, type EntryListItem } from '@zhijian/shared';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Cell, CellGroup } from '../../components/Cell';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { StateView } from '../../components/StateView';
import { StatusTag } from '../../components/submissions/StatusTag';
import { useLoaded } from '../../hooks/useLoaded';
import { usePagedList } from '../../hooks/usePagedList';
import { useRequireSession } from '../../hooks/useSession';
import { CASES_PAGE, EDIT_ENTRY_PAGE, ENTRY_PAGE, TOPICS_PAGE } from '../../routes';
import { listOpenCalls, myEntries } from '../../services/submissions';
import { formatDateTime } from '../../utils/format';
import './index.scss';

function OpenCall({ item, canSubmit }: { item: Call; canSubmit: boolean }) {
  const places = item.myUnit;
  const full = places !== null && places.remaining === 0;
  return (
    <Card>
      <Text className="zj-submit__kind">{CALL_KIND_LABELS[item.kind]}</Text>
      <Text className="zj-submit__title">{item.title}</Text>
      <Text className="zj-submit__meta">
        截止 {formatDateTime(item.closesAt)}
        {places ? ` · 本单位已报 ${places.used}/${item.entryLimit}` : ''}
      </Text>
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

/** 报送: the calls open now, and (for the unit's admin and information officers) the unit's entries. */
export default function SubmitTab() {
  const session = useRequireSession();
  const open = useLoaded(session ? 'open' : null, listOpenCalls, { refreshOnShow: true });
  const calls = open.data;

  const staff = !!session && session.user.unit !== null && hasAnyRole(session.user.roles, ['unit_admin', 'info_officer']);
  return (
    <Page className="zj-submit">
      <CellGroup>
        <Cell title="案例库" note="已发布的优秀案例与评审意见" arrow onClick={() => void Taro.navigateTo({ url: CASES_PAGE })} />
      </CellGroup>
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
      {staff ? (
        <>
          <Text className="zj-section-title">本单位报送</Text>
          <MyEntries />
        </>
      ) : (
        <Text className="zj-submit__note">案例、课题报告和信息由本单位党务工作者或信息员报送。</Text>
      )}
    </Page>
  );
}
