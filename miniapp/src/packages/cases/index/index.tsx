import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CaseListItem } from '@zhijian/shared';
import { useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { SearchBar } from '../../../components/SearchBar';
import { AuthedImage } from '../../../components/submissions/AuthedImage';
import { usePagedList } from '../../../hooks/usePagedList';
import { useRequireSession } from '../../../hooks/useSession';
import { CASE_PAGE } from '../../../routes';
import { listCases } from '../../../services/submissions';
import { entryFileUrl } from '../../../services/entryFiles';
import '../cases.scss';

function CaseCard({ item }: { item: CaseListItem }) {
  return (
    <View onClick={() => void Taro.navigateTo({ url: `${CASE_PAGE}?id=${item.entryId}` })}>
      <Card>
        <View className="zj-case">
          {item.coverImageId ? (
            <View className="zj-case__cover">
              <AuthedImage src={entryFileUrl(item.coverImageId)} />
            </View>
          ) : null}
          <View className="zj-case__main">
            <Text className="zj-case__tier">{item.tier}</Text>
            <Text className="zj-case__title">{item.title}</Text>
            <Text className="zj-case__meta">
              {item.unitName} · {item.year} 年 {item.callTitle}
            </Text>
            <Text className="zj-case__summary">{item.summary}</Text>
          </View>
        </View>
      </Card>
    </View>
  );
}

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
        renderItem={(item) => <CaseCard item={item} />}
        emptyTitle={query ? '没有找到匹配的案例' : '案例库还是空的'}
        emptyDescription={query ? '换个关键词试试。' : '评审结果发布后，获奖的优秀案例会出现在这里。'}
      />
    </Page>
  );
}
