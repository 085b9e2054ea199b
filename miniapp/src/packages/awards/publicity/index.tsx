import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { awardPublicity, objectToWinner } from '../../../services/awards';
import { PublicityList } from '../components/PublicityList';
import '../components/awards.scss';

/** 评优公示: the lists in 公示 (objections open until the end) and the published ones. */
export default function PublicityPage() {
  const loaded = useLoaded('award-publicity', awardPublicity, { refreshOnShow: true });
  return (
    <Page className="zj-awards-page">
      {!loaded.data ? (
        loaded.error ? (
          <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
        ) : (
          <StateView kind="loading" />
        )
      ) : loaded.data.length === 0 ? (
        <StateView kind="empty" title="暂无评优公示" />
      ) : (
        loaded.data.map((publicity) => <PublicityList key={publicity.reviewId} publicity={publicity} onObject={objectToWinner} />)
      )}
    </Page>
  );
}
