import Taro from '@tarojs/taro';
import { UNIT_KIND_LABELS, type Unit } from '@zhijian/shared';
import { useState } from 'react';
import { type Column } from '../../../components/DataTable';
import { PagedTable } from '../../../components/DataTable/PagedTable';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { SearchBar } from '../../../components/SearchBar';
import { usePagedList } from '../../../hooks/usePagedList';
import { ROSTER_PAGE } from '../../../routes';
import { listUnits } from '../../../services/organisation';

const COLUMNS: Column<Unit>[] = [
  { key: 'name', title: '单位', render: (u) => u.name, sortBy: (u) => u.name },
  { key: 'group', title: '片组', render: (u) => u.groupName, sortBy: (u) => u.groupName },
  { key: 'kind', title: '类型', render: (u) => UNIT_KIND_LABELS[u.kind], sortBy: (u) => UNIT_KIND_LABELS[u.kind] },
  { key: 'members', title: '党员', render: (u) => `${u.memberCount} 人`, sortBy: (u) => u.memberCount, align: 'right' },
];

function UnitList() {
  const [query, setQuery] = useState('');
  const list = usePagedList<Unit>((page, pageSize) => listUnits(page, pageSize, query), [query], 100);
  return (
    <>
      <SearchBar placeholder="按单位名称搜索" onSearch={setQuery} />
      <PagedTable
        list={list}
        label="会员单位"
        columns={COLUMNS}
        keyOf={(unit) => unit.id}
        filterPlaceholder="在已显示的单位中按名称、片组或类型筛选"
        onRowClick={(unit) => void Taro.navigateTo({ url: `${ROSTER_PAGE}?unitId=${unit.id}&unitName=${encodeURIComponent(unit.name)}` })}
        empty={query ? '没有找到匹配的单位，换个关键词试试。' : '还没有会员单位'}
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
