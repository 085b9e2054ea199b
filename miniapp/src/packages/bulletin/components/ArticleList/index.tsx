import Taro, { useDidShow } from '@tarojs/taro';
import type { ArticleListItem } from '@zhijian/shared';
import { useRef } from 'react';
import { Cell } from '../../../../components/Cell';
import { PagedList } from '../../../../components/PagedList';
import { usePagedList, type LoadPage } from '../../../../hooks/usePagedList';
import { BULLETIN_ARTICLE_PAGE } from '../../../../routes';
import { formatDateTime } from '../../../../utils/format';

interface ArticleListProps {
  load: LoadPage<ArticleListItem>;
  /** "收藏于" / "阅读于" before the time. */
  atLabel: string;
  emptyTitle: string;
  emptyDescription: string;
}

/** Articles of the reader's own (favourites, history), newest first; shown again fresh after reading. */
export function ArticleList({ load, atLabel, emptyTitle, emptyDescription }: ArticleListProps) {
  const list = usePagedList(load, []);
  const shownBefore = useRef(false);
  useDidShow(() => {
    // Coming back from an article (a favourite removed, a new read): refresh what is shown.
    if (shownBefore.current) void list.refresh();
    shownBefore.current = true;
  });
  return (
    <PagedList
      list={list}
      keyOf={(item) => item.articleId}
      renderItem={(item) => (
        <Cell
          title={item.title}
          note={`${item.issueLabel} · ${atLabel} ${formatDateTime(item.at)}`}
          arrow
          onClick={() => void Taro.navigateTo({ url: `${BULLETIN_ARTICLE_PAGE}?id=${item.articleId}` })}
        />
      )}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
    />
  );
}
