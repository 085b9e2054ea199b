import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { LETTER_HANDLE_PAGE } from '../../../routes';
import { letterInbox, type InboxView } from '../../../services/letters';
import { LetterCard } from '../../letters/components/LetterView';
import '../../letters/components/letters.scss';

const VIEWS: { value: InboxView; label: string }[] = [
  { value: 'open', label: '待办' },
  { value: 'overdue', label: '已逾期' },
  { value: 'done', label: '已办结' },
];

function Inbox() {
  const [view, setView] = useState<InboxView>('open');
  const list = usePagedList((page, pageSize) => letterInbox(view, page, pageSize), [view]);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void list.refresh();
    shownBefore.current = true;
  });
  return (
    <View>
      <Chips options={VIEWS} value={view} onChange={setView} />
      <PagedList
        list={list}
        keyOf={(letter) => letter.id}
        emptyTitle={view === 'overdue' ? '没有逾期的来信' : view === 'done' ? '还没有办结的来信' : '没有待办的来信'}
        renderItem={(letter) => (
          <LetterCard letter={letter} onOpen={() => void Taro.navigateTo({ url: `${LETTER_HANDLE_PAGE}?id=${letter.id}` })} />
        )}
      />
    </View>
  );
}

/** 书记信箱 (a unit's secretaries) or 秘书处信箱: letters by deadline, overdue ones flagged. */
export default function InboxPage() {
  return (
    <Page className="zj-letters-page">
      <RoleGate roles={['party_secretary', 'secretariat']}>
        <Inbox />
      </RoleGate>
    </Page>
  );
}
