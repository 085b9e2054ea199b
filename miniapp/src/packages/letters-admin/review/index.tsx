import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { heldLetters, reviewLetter } from '../../../services/letters';
import { ReviewItem } from '../components/ReviewItem';
import '../../letters/components/letters.scss';

function Review() {
  const list = usePagedList(heldLetters, []);
  return (
    <PagedList
      list={list}
      keyOf={(letter) => letter.id}
      emptyTitle="没有待审核的来信或回复"
      renderItem={(letter) => (
        <ReviewItem letter={letter} onReview={(release) => reviewLetter(letter.id, release)} onReviewed={() => void list.refresh()} />
      )}
    />
  );
}

/** 来信内容审核: letters and replies the content check held, for the unit admin or the secretariat. */
export default function ReviewPage() {
  return (
    <Page className="zj-letters-page">
      <RoleGate roles={['unit_admin', 'secretariat']}>
        <Review />
      </RoleGate>
    </Page>
  );
}
