import Taro from '@tarojs/taro';
import { UNIT_KIND_LABELS } from '@zhijian/shared';
import { useState } from 'react';
import { Cell } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { SearchBar } from '../../../components/SearchBar';
import { usePagedList } from '../../../hooks/usePagedList';
import { ROSTER_PAGE } from '../../../routes';
import { listUnits } from '../../../services/organisation';

function UnitList() {
  const [query, setQuery] = useState('');
  const list = usePagedList((page, pageSize) => listUnits(page, pageSize, query), [query]);
  return (
    <>
      <SearchBar placeholder="按单位名称搜索" onSearch={setQuery} />
      <PagedList
        list={list}
        keyOf={(unit) => unit.id}
        renderItem={(unit) => (
          <Cell
            title={unit.name}
            note={`${unit.groupName} · ${UNIT_KIND_LABELS[unit.kind]}`}
            value={`${unit.memberCount} 人`}
            arrow
            onClick={() => void Taro.navigateTo({ url: `${ROSTER_PAGE}?unitId=${unit.id}&unitName=${encodeURIComponent(unit.name)}` })}
          />
        )}
        emptyTitle={query ? '没有找到匹配的单位' : '还没有会员单位'}
        emptyDescription={query ? '换个关键词试试。' : '在管理后台新建会员单位后会显示在这里。'}
      />
    </>
  );
}

export default function UnitsPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <UnitList />
      </RoleGate>
    </Page>
  );
}
