import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { assessInfoOfficer, DEFAULT_AWARD_RULES, type AwardCandidate, type AwardObjection, type AwardReview } from '@zhijian/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CertificateSheet } from '../../../miniapp/src/packages/awards-admin/certificate';
import { CandidateCard } from '../../../miniapp/src/packages/awards-admin/components/CandidateCard';
import { ReviewProcess } from '../../../miniapp/src/packages/awards-admin/components/ReviewProcess';
import { PublicityList } from '../../../miniapp/src/packages/awards/components/PublicityList';
import { taroControl } from '../../support/taro/taro';

beforeEach(() => {
  taroControl.reset();
});

function makeCandidate(overrides: Partial<AwardCandidate> = {}): AwardCandidate {
  const { score, eligible, lines } = assessInfoOfficer(
    { reported: 8, adopted: 6, lead: 1, falseItems: 0 },
    DEFAULT_AWARD_RULES.infoOfficer,
  );
  return {
    id: 11,
    reviewId: 3,
    award: 'info_officer',
    awardLabel: '优秀信息员',
    memberId: 40,
    name: '周信息',
    unit: { id: 5, name: '滨江科技园' },
    group: { id: 2, name: '第三片组' },
    score,
    eligible,
    lines,
    recommendation: null,
    decision: null,
    ...overrides,
  };
}

function makeReview(overrides: Partial<AwardReview> = {}): AwardReview {
  return {
    id: 3,
    year: 2026,
    status: 'publicity',
    statusLabel: '公示中',
    rules: DEFAULT_AWARD_RULES,
    openedAt: '2026-12-01T02:00:00.000Z',
    publicityStartsAt: '2026-12-10T02:00:00.000Z',
    publicityEndsAt: '2026-12-17T02:00:00.000Z',
    publishedAt: null,
    bulletinArticleId: null,
    awards: [
      { award: 'unit', label: '先进集体', candidates: 10, eligible: 10, recommended: 3, selected: 2 },
      { award: 'member', label: '优秀会员', candidates: 90, eligible: 12, recommended: 5, selected: 3 },
      { award: 'info_officer', label: '优秀信息员', candidates: 8, eligible: 2, recommended: 2, selected: 1 },
    ],
    objections: { total: 1, unanswered: 1 },
    ...overrides,
  };
}

describe('the 公示 list', () => {
  const publicity = {
    reviewId: 3,
    year: 2026,
    status: 'publicity' as const,
    statusLabel: '公示中',
    publicityEndsAt: '2026-12-17T02:00:00.000Z',
    objectionsOpen: true,
    winners: [
      { candidateId: 11, award: 'unit' as const, awardLabel: '先进集体', name: '滨江科技园', unitName: '滨江科技园' },
      { candidateId: 12, award: 'member' as const, awardLabel: '优秀会员', name: '吴先锋', unitName: '城西市场' },
    ],
  };

  it('takes an objection with text while 公示 runs, checked before sending', async () => {
    const onObject = vi.fn(async () => ({ id: 1 }));
    render(<PublicityList publicity={publicity} onObject={onObject} />);
    expect(screen.getByText('2026 年度评优公示')).toBeInTheDocument();
    expect(screen.getByText('城西市场')).toBeInTheDocument();
    fireEvent.click(screen.getAllByRole('button', { name: '提出异议' })[1]!);
    fireEvent.click(screen.getByRole('button', { name: '提交异议' }));
    expect(await screen.findByText('请至少写 5 个字')).toBeInTheDocument();
    expect(onObject).not.toHaveBeenCalled();
    fireEvent.change(screen.getByPlaceholderText('请写明事实和理由（5–1000 字），仅秘书处可见'), {
      target: { value: '今年参加活动很少，请核实' },
    });
    fireEvent.click(screen.getByRole('button', { name: '提交异议' }));
    await waitFor(() => expect(onObject).toHaveBeenCalledWith(12, '今年参加活动很少，请核实'));
  });

  it('offers no objection once 公示 is over', () => {
    render(
      <PublicityList publicity={{ ...publicity, objectionsOpen: false, status: 'published', statusLabel: '已发布' }} onObject={vi.fn()} />,
    );
    expect(screen.getByText('2026 年度评优结果')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提出异议' })).not.toBeInTheDocument();
  });
});

describe('a candidate', () => {
  it('shows each figure beside its rule and the points, and a 片组长 recommends with a reason', async () => {
    const onRecommend = vi.fn(async () => undefined);
    render(<CandidateCard candidate={makeCandidate()} canRecommend canDecide={false} onRecommend={onRecommend} onDecide={vi.fn()} />);
    expect(screen.getByText('头条采用')).toBeInTheDocument();
    expect(screen.getByText('每条 10 分')).toBeInTheDocument();
    expect(screen.getByText('至少 6 条')).toBeInTheDocument();
    expect(screen.getByText(/得分 43/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '评选' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '推荐' }));
    expect(await screen.findByText('请写明推荐理由')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('写明推荐理由（2–500 字）'), { target: { value: '全年信息质量高' } });
    fireEvent.click(screen.getByRole('button', { name: '推荐' }));
    await waitFor(() => expect(onRecommend).toHaveBeenCalledWith('全年信息质量高'));
  });

  it('cannot be recommended when the rules rule it out', () => {
    const candidate = makeCandidate({ eligible: false });
    render(<CandidateCard candidate={candidate} canRecommend canDecide={false} onRecommend={vi.fn()} onDecide={vi.fn()} />);
    expect(screen.getByText('不符合条件')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '推荐' })).not.toBeInTheDocument();
  });

  it('is decided by the committee with a note once recommended', async () => {
    const onDecide = vi.fn(async () => undefined);
    const candidate = makeCandidate({ recommendation: { note: '全年信息质量高', by: '片组长甲', at: '2026-12-02T02:00:00.000Z' } });
    render(<CandidateCard candidate={candidate} canRecommend={false} canDecide onRecommend={vi.fn()} onDecide={onDecide} />);
    expect(screen.getByText('片组推荐（片组长甲）：全年信息质量高')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('写明评审意见（2–500 字）'), { target: { value: '同意评选' } });
    fireEvent.click(screen.getByRole('button', { name: '不评选' }));
    await waitFor(() => expect(onDecide).toHaveBeenCalledWith(false, '同意评选'));
  });
});

describe('the committee’s process', () => {
  const objection: AwardObjection = {
    id: 9,
    candidateId: 12,
    candidateName: '吴先锋',
    awardLabel: '优秀会员',
    text: '今年参加活动很少，请核实',
    objector: '郑党员',
    createdAt: '2026-12-11T02:00:00.000Z',
    answer: null,
    answeredAt: null,
  };
  const handlers = {
    onStartPublicity: vi.fn(),
    onAnswer: vi.fn(async () => undefined),
    onPublish: vi.fn(async () => undefined),
    onExportCandidates: vi.fn(),
    onExportWinners: vi.fn(),
  };
  const drafts = [{ id: 70, label: '2027 年第 1 期', articleCount: 2 }] as never;

  it('answers an objection, and offers publication only after 公示 with every objection answered', async () => {
    const { rerender } = render(
      <ReviewProcess review={makeReview()} objections={[objection]} drafts={drafts} now={new Date('2026-12-18T00:00:00Z')} {...handlers} />,
    );
    expect(screen.getByText('请先答复全部异议。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发布评优结果' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('写下核实情况和答复'), { target: { value: '经核实出勤符合要求' } });
    fireEvent.click(screen.getByRole('button', { name: '答复' }));
    await waitFor(() => expect(handlers.onAnswer).toHaveBeenCalledWith(9, '经核实出勤符合要求'));

    const answered = { ...objection, answer: '经核实出勤符合要求', answeredAt: '2026-12-18T00:00:00.000Z' };
    rerender(
      <ReviewProcess
        review={makeReview({ objections: { total: 1, unanswered: 0 } })}
        objections={[answered]}
        drafts={drafts}
        now={new Date('2026-12-16T00:00:00Z')}
        {...handlers}
      />,
    );
    expect(screen.getByText('公示期满且异议均已答复后可发布。')).toBeInTheDocument();
    rerender(
      <ReviewProcess
        review={makeReview({ objections: { total: 1, unanswered: 0 } })}
        objections={[answered]}
        drafts={drafts}
        now={new Date('2026-12-18T00:00:00Z')}
        {...handlers}
      />,
    );
    expect(screen.getByText('答复：经核实出勤符合要求')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '2027 年第 1 期' }));
    fireEvent.click(screen.getByRole('button', { name: '发布评优结果' }));
    await waitFor(() => expect(handlers.onPublish).toHaveBeenCalledWith(70));
  });
});

describe('the certificate', () => {
  it('names the winner, the unit and the honour', () => {
    render(
      <CertificateSheet
        certificate={{
          candidateId: 12,
          year: 2026,
          awardLabel: '优秀会员',
          title: '2026 年度优秀会员',
          name: '吴先锋',
          unitName: '城西市场',
          issuedOn: '2026-12-20',
        }}
      />,
    );
    expect(screen.getByText('荣 誉 证 书')).toBeInTheDocument();
    expect(screen.getByText(/吴先锋/)).toBeInTheDocument();
    expect(screen.getByText('城西市场')).toBeInTheDocument();
    expect(screen.getByText('2026 年度优秀会员')).toBeInTheDocument();
  });
});
