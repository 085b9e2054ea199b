import { useRouter } from '@tarojs/taro';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { acceptLetter, extendLetter, getLetter, replyToLetter } from '../../../services/letters';
import { LetterView } from '../../letters/components/LetterView';
import { HandleLetter } from '../components/HandleLetter';
import '../../letters/components/letters.scss';

function Handle({ id }: { id: number }) {
  const letter = useLoaded(id, getLetter);
  if (!letter.data)
    return letter.error ? <StateView kind="error" description={letter.error} onRetry={letter.reload} /> : <StateView kind="loading" />;
  return (
    <LetterView letter={letter.data}>
      <HandleLetter
        letter={letter.data}
        onAccept={() => acceptLetter(id)}
        onReply={(body) => replyToLetter(id, body)}
        onExtend={(input) => extendLetter(id, input)}
        onChanged={(changed) => letter.update(() => changed)}
      />
    </LetterView>
  );
}

/** A letter in the reader's inbox: read, accept, reply, extend once. */
export default function HandlePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-letters-page">
      <RoleGate roles={['party_secretary', 'secretariat']}>
        {Number.isInteger(id) && id > 0 ? <Handle id={id} /> : <StateView kind="empty" title="没有找到这封信" />}
      </RoleGate>
    </Page>
  );
}
