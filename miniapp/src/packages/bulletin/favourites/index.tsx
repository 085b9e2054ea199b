import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useRequireSession } from '../../../hooks/useSession';
import { myFavourites } from '../../../services/bulletins';
import { ArticleList } from '../components/ArticleList';

/** 我的收藏: the articles this member starred in the reader. */
export default function FavouritesPage() {
  const session = useRequireSession();
  return (
    <Page>
      {session ? (
        <ArticleList
          load={myFavourites}
          atLabel="收藏于"
          emptyTitle="还没有收藏的文章"
          emptyDescription="阅读简报时点底部的“收藏”，文章就会出现在这里。"
        />
      ) : (
        <StateView kind="loading" />
      )}
    </Page>
  );
}
