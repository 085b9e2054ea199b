import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useRequireSession } from '../../../hooks/useSession';
import { myReads } from '../../../services/bulletins';
import { ArticleList } from '../components/ArticleList';

/** 阅读记录: the articles this member has read (a read counts after the article's skim time). */
export default function ReadsPage() {
  const session = useRequireSession();
  return (
    <Page>
      {session ? (
        <ArticleList
          load={myReads}
          atLabel="阅读于"
          emptyTitle="还没有阅读记录"
          emptyDescription="在一篇文章停留片刻（按篇幅 8 至 30 秒），就会记为已读。"
        />
      ) : (
        <StateView kind="loading" />
      )}
    </Page>
  );
}
