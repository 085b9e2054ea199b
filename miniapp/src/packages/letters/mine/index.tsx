import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { LETTER_BOARD_PAGE, LETTER_PAGE, LETTER_WRITE_PAGE } from '../../../routes';
import { myLetters } from '../../../services/letters';
import { LetterCard } from '../components/LetterView';
import '../components/letters.scss';

function MyLetters() {
  const list = usePagedList(myLetters, []);
  const shownBefore = useRef(false);
  // Back from writing or rating: read the list again.
  useDidShow(() => {
    if (shownBefore.current) void list.refresh();
    shownBefore.current = true;
  });
  return (
    <View>
      <View className="zj-letter__actions">
        <Button block onClick={() => void Taro.navigateTo({ url: LETTER_WRITE_PAGE })}>
          写信
        </Button>
        <Button block variant="secondary" onClick={() => void Taro.navigateTo({ url: LETTER_BOARD_PAGE })}>
          党群聊吧
        </Button>
      </View>
      <PagedList
        list={list}
        keyOf={(letter) => letter.id}
        emptyTitle="还没有写过信"
        emptyDescription="有建议、问题或困难，可以直接写信给本单位书记或协会秘书处。"
        renderItem={(letter) => (
          <LetterCard letter={letter} onOpen={() => void Taro.navigateTo({ url: `${LETTER_PAGE}?id=${letter.id}` })} />
        )}
      />
    </View>
  );
}

/** 书记直通车: my letters and where each stands. */
export default function MyLettersPage() {
  return (
    <Page className="zj-letters-page">
      <RoleGate roles={['member']}>
        <MyLetters />
      </RoleGate>
    </Page>
  );
}
