import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { SearchBar } from '../../../components/SearchBar';
import { CaseCard } from '../../../components/submissions/CaseCard';
import { usePagedList } from '../../../hooks/usePagedList';
import { useRequireSession } from '../../../hooks/useSession';
import { CASE_PAGE } from '../../../routes';
import { listCases } from '../../../services/submissions';
import { entryFileUrl } from '../../../services/entryFiles';

/** 案例库: every member browses and searches the published excellent cases. */
export default function CasesPage() {
  useRequireSession();
  const [query, setQuery] = useState('');
  const list = usePagedList((page, pageSize) => listCases(page, pageSize, query), [query]);
  return (
    <Page>
      <SearchBar placeholder="搜索案例标题、内容或单位" onSearch={setQuery} />
      <PagedList
        list={list}
        keyOf={(item) => item.entryId}
        renderItem={(item) => (
          <CaseCard item={item} coverUrl={entryFileUrl} onOpen={() => void Taro.navigateTo({ url: `${CASE_PAGE}?id=${item.entryId}` })} />
        )}
        emptyTitle={query ? '没有找到匹配的案例' : '案例库还是空的'}
        emptyDescription={query ? '换个关键词试试。' : '评审结果发布后，获奖的优秀案例会出现在这里。'}
      />
    </Page>
  );
}
