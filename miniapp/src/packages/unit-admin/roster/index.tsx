import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MEMBER_KIND_LABELS, ROLE_LABELS, type MemberListItem } from '@zhijian/shared';
import { useState } from 'react';
import { Cell } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { SearchBar } from '../../../components/SearchBar';
import { StateView } from '../../../components/StateView';
import { usePagedList } from '../../../hooks/usePagedList';
import { useSession } from '../../../hooks/useSession';
import { listMembers } from '../../../services/organisation';
import './index.scss';

function MemberRow({ member }: { member: MemberListItem }) {
  const extraRoles = member.roles.filter((role) => role !== 'member').map((role) => ROLE_LABELS[role]);
  const note = [member.phoneMasked, MEMBER_KIND_LABELS[member.kind], member.branchName, ...extraRoles].filter(Boolean).join(' · ');
  return <Cell title={member.name} note={note} value={member.bound ? '已绑定' : '未绑定'} />;
}

function Roster({ unitId, unitName }: { unitId: number; unitName: string }) {
  const [query, setQuery] = useState('');
  const list = usePagedList((page, pageSize) => listMembers(unitId, page, pageSize, query), [unitId, query]);
  return (
    <View className="zj-roster">
      <View className="zj-roster__head">
        <Text className="zj-roster__unit">{unitName}</Text>
        {list.status === 'ready' ? <Text className="zj-muted">{query ? `找到 ${list.total} 人` : `共 ${list.total} 人`}</Text> : null}
      </View>
      <SearchBar placeholder="按姓名或手机号后四位搜索" onSearch={setQuery} />
      <PagedList
        list={list}
        keyOf={(member) => member.id}
        renderItem={(member) => <MemberRow member={member} />}
        emptyTitle={query ? '没有找到匹配的党员' : '名册还是空的'}
        emptyDescription={query ? '换个关键词试试。' : '请在管理后台导入本单位名册（Excel 或 CSV）。'}
      />
    </View>
  );
}

/** A unit's roster: the unit admin's own unit, or (for the secretariat) the unit picked in 会员单位. */
export default function RosterPage() {
  const session = useSession();
  const { params } = useRouter();
  const fromQuery = Number(params.unitId);
  const unitId = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : session?.user.unit?.id;
  const unitName = params.unitName ? decodeURIComponent(params.unitName) : (session?.user.unit?.name ?? '');
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {unitId ? (
          <Roster unitId={unitId} unitName={unitName} />
        ) : (
          <StateView kind="empty" title="尚未关联单位" description="您的账号没有关联会员单位，请联系协会秘书处。" />
        )}
      </RoleGate>
    </Page>
  );
}
