import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { SearchHit } from '@zhijian/shared';
import { useState } from 'react';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { SearchBar } from '../../../components/SearchBar';
import { usePagedList } from '../../../hooks/usePagedList';
import { useRequireSession } from '../../../hooks/useSession';
import { BULLETIN_ARTICLE_PAGE } from '../../../routes';
import { searchArticles } from '../../../services/bulletins';
import { formatChineseDate } from '../../../utils/format';
import { Highlighted } from '../components/Highlighted';
import './index.scss';

/** The server's own rule: two characters or more (counted as characters, not UTF-16 units). */
const MIN_QUERY_CHARACTERS = 2;

function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <View
      className="zj-search-hit"
      hoverClass="zj-search-hit--hover"
      onClick={() => void Taro.navigateTo({ url: `${BULLETIN_ARTICLE_PAGE}?id=${hit.articleId}` })}
    >
      <Highlighted className="zj-search-hit__title" segments={hit.title} />
      <Text className="zj-search-hit__meta">{[hit.issueLabel, formatChineseDate(hit.date)].filter(Boolean).join(' · ')}</Text>
      <Highlighted className="zj-search-hit__snippet" segments={hit.snippet} />
    </View>
  );
}

function Results({ query }: { query: string }) {
  const list = usePagedList((page, pageSize) => searchArticles(query, page, pageSize), [query]);
  return (
    <>
      {list.status === 'ready' && list.total > 0 ? <Text className="zj-search-page__count">找到 {list.total} 篇</Text> : null}
      <PagedList
        list={list}
        keyOf={(hit) => hit.articleId}
        renderItem={(hit) => <HitRow hit={hit} />}
        emptyTitle="没有找到相关文章"
        emptyDescription="换个词试试，例如“党建”“固定活动日”。"
      />
    </>
  );
}

/** Search every issue's titles and text; hits are highlighted, title hits first. */
export default function SearchPage() {
  useRequireSession();
  const [query, setQuery] = useState('');
  const [tooShort, setTooShort] = useState(false);

  function search(text: string) {
    if (Array.from(text).length < MIN_QUERY_CHARACTERS) {
      // The hint alone: the previous query's results would read as this query's.
      setTooShort(true);
      setQuery('');
      return;
    }
    setTooShort(false);
    setQuery(text);
  }

  return (
    <Page className="zj-search-page">
      <SearchBar placeholder="搜索标题和正文，至少两个字" onSearch={search} />
      {tooShort ? <Text className="zj-search-page__hint zj-search-page__hint--warn">请至少输入两个字再搜索。</Text> : null}
      {query ? (
        <Results query={query} />
      ) : tooShort ? null : (
        <Text className="zj-search-page__hint">在全部往期简报的标题和正文中查找，例如“党建”“固定活动日”“智慧党建”。</Text>
      )}
    </Page>
  );
}
