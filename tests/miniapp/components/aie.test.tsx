import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Profile, Wish } from '@zhijian/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ProfileCard } from '../../../miniapp/src/packages/aie/components/ProfileCard';
import { WishCard } from '../../../miniapp/src/packages/aie/components/WishCard';
import { WishDetail, type WishHandlers } from '../../../miniapp/src/packages/aie/components/WishDetail';
import ProfilePage from '../../../miniapp/src/packages/aie/profile';
import AieTab from '../../../miniapp/src/pages/aie';
import { saveSession } from '../../../miniapp/src/services/session';
import { installFakeApi, json } from '../../support/taro/fakeApi';

// Photos are fetched with the sign-in; here they are local copies already.
vi.mock('../../../miniapp/src/services/download', () => ({ localCopy: async () => 'blob:photo', downloadExport: async () => undefined }));
import { makeMe, makeSignedIn } from '../../support/taro/factories';

const NO_ACTIONS: Wish['actions'] = {
  claim: false,
  giveUp: false,
  markContacted: false,
  uploadPhotos: false,
  markRealised: false,
  confirm: false,
  review: false,
  revokeClaim: false,
  takeDown: false,
};

function makeWish(overrides: Partial<Wish> = {}): Wish {
  return {
    id: 7,
    scope: 'unit',
    scopeLabel: '本单位',
    wisher: { id: null, name: '王某', masked: true },
    unit: { id: 1, name: '建华文创园党总支' },
    title: '一台助听器',
    reason: '老党员听力下降，参加组织生活听不清发言',
    estimatedValue: 300,
    deadline: '2026-12-31',
    status: 'open',
    statusLabel: '待认领',
    heldReason: null,
    takedownReason: null,
    claimer: null,
    claimedAt: null,
    contactBy: null,
    returned: false,
    photos: [],
    thankYou: null,
    thankYouHeld: false,
    points: null,
    actions: { ...NO_ACTIONS, claim: true },
    timeline: [{ action: 'published', label: '发布心愿', actor: '王建华', note: null, at: '2026-11-20T01:00:00.000Z' }],
    createdAt: '2026-11-20T01:00:00.000Z',
    ...overrides,
  };
}

function handlers() {
  return {
    onClaim: vi.fn<() => void>(),
    onGiveUp: vi.fn<() => void>(),
    onContacted: vi.fn<() => void>(),
    onAddPhotos: vi.fn<() => void>(),
    onRealised: vi.fn<() => void>(),
    onConfirm: vi.fn<(thankYou: string) => void>(),
    onReview: vi.fn<(approve: boolean, note: string) => void>(),
    onRevoke: vi.fn<(reason: string) => void>(),
    onTakeDown: vi.fn<(reason: string) => void>(),
  } satisfies WishHandlers;
}

const photoUrl = (id: number) => `/photo/${id}`;

describe('WishDetail', () => {
  it('shows the masked wisher and only the buttons the server allows', () => {
    const on = handlers();
    render(<WishDetail wish={makeWish()} busy={false} photoUrl={photoUrl} handlers={on} />);
    expect(screen.getByText(/心愿人：王某（建华文创园党总支）/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('认领心愿'));
    expect(on.onClaim).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('已联系心愿人')).toBeNull();
    expect(screen.queryByText('管理')).toBeNull();
  });

  it('walks the claimer through contact, photos and realised, with the contact deadline', () => {
    const on = handlers();
    const claimed = makeWish({
      status: 'claimed',
      statusLabel: '已认领',
      wisher: { id: 3, name: '王秀英', masked: false },
      claimer: { id: 5, name: '李青' },
      contactBy: '2026-11-27T01:00:00.000Z',
      actions: { ...NO_ACTIONS, markContacted: true, giveUp: true },
    });
    const { rerender } = render(<WishDetail wish={claimed} busy={false} photoUrl={photoUrl} handlers={on} />);
    expect(screen.getByText(/心愿人：王秀英/)).toBeInTheDocument();
    expect(screen.getByText(/前联系心愿人，否则认领自动释放/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('已联系心愿人'));
    expect(on.onContacted).toHaveBeenCalled();
    const contacted = makeWish({
      ...claimed,
      status: 'contacted',
      statusLabel: '已联系',
      contactBy: null,
      photos: [{ id: 11, width: 320, height: 240 }],
      actions: { ...NO_ACTIONS, uploadPhotos: true, markRealised: true, giveUp: true },
    });
    rerender(<WishDetail wish={contacted} busy={false} photoUrl={photoUrl} handlers={on} />);
    expect(screen.getByText('心愿实现的照片（1/9）')).toBeInTheDocument();
    fireEvent.click(screen.getByText('上传照片'));
    fireEvent.click(screen.getByText('心愿已实现'));
    expect(on.onAddPhotos).toHaveBeenCalled();
    expect(on.onRealised).toHaveBeenCalled();
  });

  it('gives the admin the reason box, revoke and take down', () => {
    const on = handlers();
    const wish = makeWish({ status: 'claimed', statusLabel: '已认领', actions: { ...NO_ACTIONS, revokeClaim: true, takeDown: true } });
    render(<WishDetail wish={wish} busy={false} photoUrl={photoUrl} handlers={on} />);
    fireEvent.click(screen.getByText('撤销认领'));
    expect(on.onRevoke).toHaveBeenCalledWith('');
    fireEvent.click(screen.getByText('下架心愿'));
    expect(on.onTakeDown).toHaveBeenCalled();
    expect(screen.queryByText('审核通过')).toBeNull();
  });

  it('lets the wisher confirm with a thank-you, and shows the points earned once done', () => {
    const on = handlers();
    render(
      <WishDetail
        wish={makeWish({ status: 'realised', statusLabel: '已实现', actions: { ...NO_ACTIONS, confirm: true } })}
        busy={false}
        photoUrl={photoUrl}
        handlers={on}
      />,
    );
    fireEvent.click(screen.getByText('确认完成'));
    expect(on.onConfirm).toHaveBeenCalledWith('');
    render(
      <WishDetail
        wish={makeWish({ status: 'completed', statusLabel: '已完成', points: 2, thankYou: '谢谢', actions: NO_ACTIONS })}
        busy={false}
        photoUrl={photoUrl}
        handlers={on}
      />,
    );
    expect(screen.getByText('认领人获得公益积分 2 分')).toBeInTheDocument();
    expect(screen.getByText(/感谢留言：谢谢/)).toBeInTheDocument();
  });
});

describe('WishCard and ProfileCard', () => {
  it('marks a wish back in the pool and opens it on a tap', () => {
    const onOpen = vi.fn();
    render(<WishCard wish={makeWish({ returned: true })} onOpen={onOpen} />);
    expect(screen.getByText(/重新开放认领/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('一台助听器'));
    expect(onOpen).toHaveBeenCalledWith(7);
  });

  it('shows skills, promises and commitments', () => {
    const profile: Profile = {
      memberId: 3,
      name: '李青',
      unit: { id: 1, name: '建华文创园党总支' },
      skills: ['摄影', '文案写作'],
      promises: '为园区企业义务拍摄党建活动照片',
      public: true,
      heldReason: null,
      commitments: [
        { id: 1, year: 2026, title: '带好一名新员工', content: '结对帮带', dueOn: '2026-06-30', status: 'kept', statusLabel: '已完成' },
      ],
      updatedAt: '2026-11-20T01:00:00.000Z',
    };
    render(<ProfileCard profile={profile} />);
    expect(screen.getByText('摄影')).toBeInTheDocument();
    expect(screen.getByText(/服务承诺：为园区企业义务拍摄党建活动照片/)).toBeInTheDocument();
    expect(screen.getByText('【已完成】带好一名新员工（2026-06-30 前）')).toBeInTheDocument();
  });
});

describe('the 客栈 tab', () => {
  beforeEach(() => {
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
  });

  it('shows wishes to claim, the 圆梦榜, the links to 志愿活动 and 传帮带, and people', async () => {
    installFakeApi({
      'GET /api/wishes': () => json(200, { items: [makeWish({ returned: true })], total: 4, page: 1, pageSize: 3 }),
      'GET /api/wish-ranking': () => json(200, { items: [{ memberId: 5, name: '赵敏', unitName: '建华文创园党总支', realised: 3 }] }),
      'GET /api/profiles': () =>
        json(200, {
          items: [
            {
              memberId: 3,
              name: '李青',
              unit: null,
              skills: ['摄影'],
              promises: '义务拍照',
              public: false,
              heldReason: null,
              commitments: [],
              updatedAt: null,
            },
          ],
          total: 1,
          page: 1,
          pageSize: 3,
        }),
    });
    render(<AieTab />);
    expect(await screen.findByText('一台助听器')).toBeInTheDocument();
    expect(screen.getByText('4 个待认领')).toBeInTheDocument();
    expect(screen.getByText('圆梦榜：赵敏 3 个')).toBeInTheDocument();
    expect(screen.getByText('志愿活动')).toBeInTheDocument();
    expect(screen.getByText('传帮带')).toBeInTheDocument();
    expect(screen.getByText('摄影 · 义务拍照')).toBeInTheDocument();
    expect(screen.queryByText('审核与发布')).toBeNull();
  });
});

describe('making a commitment', () => {
  beforeEach(() => {
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
  });

  it('sends the due day as picked, YYYY-MM-DD', async () => {
    const profile: Profile = {
      memberId: 3,
      name: '李青',
      unit: null,
      skills: [],
      promises: '',
      public: false,
      heldReason: null,
      commitments: [],
      updatedAt: null,
    };
    const server = installFakeApi({
      'GET /api/me/profile': () => json(200, profile),
      'GET /api/me/commitments': () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      'POST /api/me/commitments': () =>
        json(201, {
          id: 4,
          year: 2026,
          title: '带好一名新员工',
          content: '结对帮带半年',
          dueOn: '2026-12-20',
          status: 'in_progress',
          statusLabel: '进行中',
        }),
    });
    render(<ProfilePage />);
    fireEvent.change(await screen.findByPlaceholderText('如：带好一名新员工'), { target: { value: '带好一名新员工' } });
    fireEvent.change(screen.getByPlaceholderText('写明做什么、做到什么程度'), { target: { value: '结对帮带半年' } });
    const due = screen.getByLabelText('完成期限');
    expect(due).toHaveAttribute('type', 'date');
    fireEvent.change(due, { target: { value: '2026-12-20' } });
    fireEvent.click(screen.getByRole('button', { name: '作出承诺' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/me/commitments')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/me/commitments')[0]!.body).toEqual({
      title: '带好一名新员工',
      content: '结对帮带半年',
      dueOn: '2026-12-20',
    });
  });
});
