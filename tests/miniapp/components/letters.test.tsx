import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { LETTER_ANONYMITY_NOTE, type BoardLetter, type Letter } from '@zhijian/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HandleLetter } from '../../../miniapp/src/packages/letters-admin/components/HandleLetter';
import { ReviewItem } from '../../../miniapp/src/packages/letters-admin/components/ReviewItem';
import { TimelinessRow } from '../../../miniapp/src/packages/letters-admin/timeliness';
import { BoardItem } from '../../../miniapp/src/packages/letters/components/BoardItem';
import { LetterForm } from '../../../miniapp/src/packages/letters/components/LetterForm';
import { LetterCard, LetterView } from '../../../miniapp/src/packages/letters/components/LetterView';
import { WriterActions } from '../../../miniapp/src/packages/letters/components/WriterActions';
import { taroControl } from '../../support/taro/taro';

// Photos are fetched with the token to a local copy; here the copy is named after its address.
vi.mock('../../../miniapp/src/services/download', () => ({ localCopy: async (url: string) => `local:${url}` }));

function makeLetter(overrides: Partial<Letter> = {}): Letter {
  return {
    id: 7,
    recipient: 'secretary',
    recipientLabel: '本单位书记',
    kind: 'suggestion',
    kindLabel: '建议',
    body: '建议党群服务中心周六上午也开放',
    anonymous: false,
    writer: { name: '李青', unitName: '建华文创园党总支' },
    mine: true,
    status: 'pending',
    statusLabel: '待受理',
    writtenOn: '2026-09-30',
    acceptDueOn: '2026-10-09',
    replyDueOn: null,
    dueOn: '2026-10-09',
    overdue: false,
    extension: null,
    rating: null,
    ratingLabel: null,
    reopened: false,
    onBoard: false,
    boardShowsName: false,
    replies: [],
    photos: [],
    createdAt: '2026-09-30T02:00:00.000Z',
    acceptedAt: null,
    ...overrides,
  };
}

beforeEach(() => {
  taroControl.reset();
});

describe('the letter form', () => {
  it('says exactly what 不向书记显示我的姓名 means, checks before sending, and sends the anonymous choice', async () => {
    const onWrite = vi.fn(async () => makeLetter({ anonymous: true }));
    const onWritten = vi.fn();
    render(<LetterForm hasUnit onWrite={onWrite} onWritten={onWritten} />);
    expect(screen.getByText(LETTER_ANONYMITY_NOTE)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('请选择类别')).toBeInTheDocument();
    expect(screen.getByText('请至少写 5 个字')).toBeInTheDocument();
    expect(onWrite).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('radio', { name: '反映问题' }));
    fireEvent.change(screen.getByPlaceholderText('写下您的建议、反映的问题或需要的帮助（5–1000 字）'), {
      target: { value: '楼道灯坏了很久没人修' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: '不向书记显示我的姓名' }));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(onWritten).toHaveBeenCalled());
    expect(onWrite).toHaveBeenCalledWith({
      recipient: 'secretary',
      kind: 'problem',
      body: '楼道灯坏了很久没人修',
      anonymous: true,
      photoIds: [],
    });
  });

  it('adds up to three photos, lets one be removed, and sends the ones kept', async () => {
    let next = 40;
    const onAddPhotos = vi.fn(async (max: number) =>
      Array.from({ length: Math.min(max, 2) }, () => ({ id: (next += 1), width: 40, height: 30 })),
    );
    const onWrite = vi.fn(async () => makeLetter());
    const onRemovePhoto = vi.fn(async () => ({ ok: true }));
    render(
      <LetterForm
        hasUnit
        onWrite={onWrite}
        onWritten={vi.fn()}
        onAddPhotos={onAddPhotos}
        onRemovePhoto={onRemovePhoto}
        photoUrl={(id) => `blob:photo-${id}`}
      />,
    );
    expect(screen.getByText('照片（选填，最多 3 张，仅收信人可见）')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: '移除照片' })).toHaveLength(2));
    expect(onAddPhotos).toHaveBeenLastCalledWith(3);
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: '移除照片' })).toHaveLength(3));
    expect(onAddPhotos).toHaveBeenLastCalledWith(1);
    // Three taken: no more to add.
    expect(screen.queryByRole('button', { name: '添加照片' })).not.toBeInTheDocument();
    fireEvent.click(screen.getAllByRole('button', { name: '移除照片' })[1]!);
    expect(screen.getAllByRole('button', { name: '移除照片' })).toHaveLength(2);
    expect(onRemovePhoto).toHaveBeenCalledExactlyOnceWith(42);
    expect(screen.getByRole('button', { name: '添加照片' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: '建议' }));
    fireEvent.change(screen.getByPlaceholderText('写下您的建议、反映的问题或需要的帮助（5–1000 字）'), {
      target: { value: '小区门口的宣传栏破损了' },
    });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(onWrite).toHaveBeenCalled());
    expect(onWrite).toHaveBeenCalledWith(expect.objectContaining({ photoIds: [41, 43] }));
  });

  it('offers only the secretariat to someone without a unit', () => {
    render(<LetterForm hasUnit={false} onWrite={vi.fn()} onWritten={vi.fn()} />);
    expect(screen.queryByRole('radio', { name: '本单位书记' })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '协会秘书处' })).toBeInTheDocument();
  });
});

describe('a letter as its reader sees it', () => {
  it('shows 匿名来信 and no name for an anonymous letter, with the deadline and the overdue flag', () => {
    const letter = makeLetter({ anonymous: true, writer: null, mine: false, overdue: true });
    render(<LetterCard letter={letter} onOpen={vi.fn()} />);
    expect(screen.getByText(/匿名来信/)).toBeInTheDocument();
    expect(screen.queryByText(/李青/)).not.toBeInTheDocument();
    expect(screen.getByText('受理期限：2026年10月9日（已逾期）')).toBeInTheDocument();
    expect(screen.getByText('待受理 · 逾期')).toBeInTheDocument();
  });

  it('shows the extension and its reason, and the replies', () => {
    render(
      <LetterView
        letter={makeLetter({
          status: 'replied',
          statusLabel: '已回复',
          dueOn: null,
          extension: { days: 5, reason: '需要与街道协调' },
          replies: [{ id: 1, body: '已安排周六开放', held: false, createdAt: '2026-10-12T02:00:00.000Z' }],
        })}
      />,
    );
    expect(screen.getByText('已延期 5 个工作日：需要与街道协调')).toBeInTheDocument();
    expect(screen.queryByText(/评价/)).not.toBeInTheDocument();
    expect(screen.getByText('已安排周六开放')).toBeInTheDocument();
  });

  it('shows the letter’s photos from their members-only address', async () => {
    render(
      <LetterView
        letter={makeLetter({
          mine: false,
          photos: [
            { id: 51, width: 40, height: 30 },
            { id: 52, width: 40, height: 30 },
          ],
        })}
      />,
    );
    await waitFor(() => expect(document.querySelectorAll('.zj-letter__photo img')).toHaveLength(2));
    const sources = Array.from(document.querySelectorAll('.zj-letter__photo img')).map((img) => img.getAttribute('src'));
    expect(sources).toEqual([
      expect.stringMatching(/^local:.*\/api\/letter-photos\/51$/),
      expect.stringMatching(/\/api\/letter-photos\/52$/),
    ]);
  });
});

describe('the writer’s actions', () => {
  it('asks before 不满意 sends the letter back, then rates', async () => {
    const onRate = vi.fn(async () => makeLetter({ status: 'reopened', reopened: true }));
    const onChanged = vi.fn();
    render(
      <WriterActions
        letter={makeLetter({ status: 'replied', statusLabel: '已回复' })}
        onRate={onRate}
        onBoard={vi.fn()}
        onChanged={onChanged}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '不满意' }));
    await waitFor(() => expect(onRate).toHaveBeenCalledWith('unsatisfied'));
    expect(taroControl.modals[0]).toMatchObject({ title: '评价为不满意' });
    expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ status: 'reopened' }));
  });

  it('offers the board without the name only, for an anonymous letter', async () => {
    const onBoard = vi.fn(async () => makeLetter({ onBoard: true }));
    render(
      <WriterActions letter={makeLetter({ status: 'rated', anonymous: true })} onRate={vi.fn()} onBoard={onBoard} onChanged={vi.fn()} />,
    );
    expect(screen.queryByRole('button', { name: '同意公开并显示姓名' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '同意公开（不显示姓名）' }));
    await waitFor(() => expect(onBoard).toHaveBeenCalledWith(true, false));
  });

  it('calls the first rating what it was once the letter was reopened and replied again', () => {
    render(
      <LetterView letter={makeLetter({ status: 'replied', reopened: true, rating: 'unsatisfied', ratingLabel: '不满意', dueOn: null })} />,
    );
    expect(screen.getByText('首次答复评价：不满意')).toBeInTheDocument();
  });

  it('shows nothing to a reader or before a reply', () => {
    const { container } = render(
      <WriterActions letter={makeLetter({ mine: false, status: 'replied' })} onRate={vi.fn()} onBoard={vi.fn()} onChanged={vi.fn()} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('the secretary’s handling', () => {
  it('accepts, checks a reply before sending it, and sends it', async () => {
    const onAccept = vi.fn(async () => makeLetter({ status: 'accepted' }));
    const onReply = vi.fn(async () => makeLetter({ status: 'replied' }));
    render(
      <HandleLetter letter={makeLetter({ mine: false })} onAccept={onAccept} onReply={onReply} onExtend={vi.fn()} onChanged={vi.fn()} />,
    );
    fireEvent.click(screen.getByRole('button', { name: '受理' }));
    await waitFor(() => expect(onAccept).toHaveBeenCalled());
    fireEvent.click(screen.getByRole('button', { name: '发送答复' }));
    expect(await screen.findByText('回复至少 5 个字')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('写下答复（5–2000 字），写信人会收到通知'), { target: { value: '已和物业商定周六开放' } });
    fireEvent.click(screen.getByRole('button', { name: '发送答复' }));
    await waitFor(() => expect(onReply).toHaveBeenCalledWith('已和物业商定周六开放'));
  });

  it('extends once with a number of working days and a reason', async () => {
    const onExtend = vi.fn(async () => makeLetter({ status: 'accepted', extension: { days: 5, reason: '需要协调' } }));
    render(
      <HandleLetter
        letter={makeLetter({ mine: false, status: 'accepted' })}
        onAccept={vi.fn()}
        onReply={vi.fn()}
        onExtend={onExtend}
        onChanged={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '申请延期' }));
    fireEvent.click(screen.getByRole('radio', { name: '5 个工作日' }));
    fireEvent.change(screen.getByPlaceholderText('写信人可以看到理由'), { target: { value: '需要协调' } });
    fireEvent.click(screen.getByRole('button', { name: '确认延期' }));
    await waitFor(() => expect(onExtend).toHaveBeenCalledWith({ days: 5, reason: '需要协调' }));
  });
});

describe('党群聊吧 and the secretariat’s figures', () => {
  it('shows a board letter without a name unless given, and toggles 我也关注', async () => {
    const item: BoardLetter = {
      id: 3,
      kindLabel: '建议',
      body: '建议设立党员先锋岗',
      writerName: null,
      replies: [{ body: '下月起设岗', createdAt: '2026-10-12T02:00:00.000Z' }],
      followCount: 2,
      following: false,
      createdAt: '2026-10-01T02:00:00.000Z',
    };
    const onFollow = vi.fn(async () => ({ following: true, followCount: 3 }));
    const onChanged = vi.fn();
    render(<BoardItem item={item} onFollow={onFollow} onChanged={onChanged} />);
    expect(screen.getByText(/党员来信/)).toBeInTheDocument();
    expect(screen.getByText('书记答复：下月起设岗')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '我也关注' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith({ following: true, followCount: 3 }));
    expect(onFollow).toHaveBeenCalledWith(true);
  });

  it('shows a unit’s counts only', () => {
    render(
      <TimelinessRow
        row={{
          unitId: 1,
          unitName: '建华文创园党总支',
          total: 3,
          waiting: 2,
          overdueNow: 1,
          everOverdue: 1,
          replied: 1,
          satisfied: 1,
          fair: 0,
          unsatisfied: 0,
        }}
      />,
    );
    expect(screen.getByText('当前逾期 1')).toBeInTheDocument();
    expect(screen.getByText('满意 1 / 基本满意 0 / 不满意 0')).toBeInTheDocument();
  });
});

describe('content review', () => {
  it('lets a held letter through at once, and asks before refusing it', async () => {
    const onReview = vi.fn(async () => makeLetter());
    const onReviewed = vi.fn();
    render(
      <ReviewItem
        letter={makeLetter({ status: 'held', statusLabel: '内容待审核', mine: false, anonymous: true, writer: null })}
        onReview={onReview}
        onReviewed={onReviewed}
      />,
    );
    expect(screen.getByText(/匿名来信/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '审核通过' }));
    await waitFor(() => expect(onReview).toHaveBeenCalledWith(true));
    expect(taroControl.modals).toEqual([]);
    // The first action is over (its buttons take clicks again) only once onReviewed has run.
    await waitFor(() => expect(onReviewed).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: '不通过' }));
    await waitFor(() => expect(onReview).toHaveBeenCalledWith(false));
    expect(taroControl.modals[0]).toMatchObject({ title: '不通过这条来信' });
    expect(onReviewed).toHaveBeenCalledTimes(2);
  });
});
