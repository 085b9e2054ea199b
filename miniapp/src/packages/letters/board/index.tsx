import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { followLetter, letterBoard } from '../../../services/letters';
import { BoardItem } from '../components/BoardItem';
import '../components/letters.scss';

function Board() {
  const list = usePagedList(letterBoard, []);
  return (
    <PagedList
      list={list}
      keyOf={(item) => item.id}
      emptyTitle="党群聊吧还没有内容"
      emptyDescription="写信人同意公开的已答复信件会出现在这里。"
      renderItem={(item) => (
        <BoardItem item={item} onFollow={(follow) => followLetter(item.id, follow)} onChanged={() => void list.refresh()} />
      )}
    />
  );
}

/** 党群聊吧: the unit's answered letters that their writers agreed to show. */
export default function BoardPage() {
  return (
    <Page className="zj-letters-page">
      <RoleGate roles={['member']}>
        <Board />
      </RoleGate>
    </Page>
  );
}
