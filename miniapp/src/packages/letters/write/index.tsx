import Taro from '@tarojs/taro';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { useSession } from '../../../hooks/useSession';
import { LETTER_PAGE } from '../../../routes';
import { toastDone } from '../../../services/feedback';
import { addLetterPhotos, letterPhotoUrl, removeLetterPhoto, writeLetter } from '../../../services/letters';
import { LetterForm } from '../components/LetterForm';
import '../components/letters.scss';

/** 书记直通车 · 写信. */
export default function WriteLetterPage() {
  const session = useSession();
  return (
    <Page className="zj-letters-page">
      <RoleGate roles={['member']}>
        <LetterForm
          hasUnit={Boolean(session?.user.unit)}
          onWrite={writeLetter}
          onAddPhotos={addLetterPhotos}
          onRemovePhoto={removeLetterPhoto}
          photoUrl={letterPhotoUrl}
          onWritten={(letter) => {
            toastDone(letter.status === 'held' ? '已提交，内容审核后送达' : '已送达');
            void Taro.redirectTo({ url: `${LETTER_PAGE}?id=${letter.id}` });
          }}
        />
      </RoleGate>
    </Page>
  );
}
