import { useRouter } from '@tarojs/taro';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { getLetter, rateLetter, setLetterOnBoard } from '../../../services/letters';
import { LetterView } from '../components/LetterView';
import { WriterActions } from '../components/WriterActions';
import '../components/letters.scss';

function Detail({ id }: { id: number }) {
  const letter = useLoaded(id, getLetter, { refreshOnShow: true });
  if (!letter.data)
    return letter.error ? <StateView kind="error" description={letter.error} onRetry={letter.reload} /> : <StateView kind="loading" />;
  return (
    <LetterView letter={letter.data}>
      <WriterActions
        letter={letter.data}
        onRate={(rating) => rateLetter(id, rating)}
        onBoard={(onBoard, showName) => setLetterOnBoard(id, onBoard, showName)}
        onChanged={(changed) => letter.update(() => changed)}
      />
    </LetterView>
  );
}

/** One letter: its state and deadlines, the replies; for its writer, the rating and the board consent. */
export default function LetterPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-letters-page">
      {Number.isInteger(id) && id > 0 ? <Detail id={id} /> : <StateView kind="empty" title="没有找到这封信" />}
    </Page>
  );
}
