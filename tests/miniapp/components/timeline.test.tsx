import { render, screen } from '@testing-library/react';
import type { TimelineEvent } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../miniapp/src/components/submissions/Timeline';

const event = (
  action: TimelineEvent['action'],
  label: string,
  from: TimelineEvent['fromStatus'],
  to: TimelineEvent['toStatus'],
  extra: Partial<TimelineEvent> = {},
): TimelineEvent => ({
  action,
  label,
  fromStatus: from,
  toStatus: to,
  comment: null,
  actor: '王建华',
  at: '2026-11-20T01:00:00.000Z',
  ...extra,
});

describe('the entry timeline', () => {
  it('shows each step with who and when, the return comment, and the steps still ahead', () => {
    const { container } = render(
      <Timeline
        status="returned"
        events={[
          event('create', '创建草稿', null, 'draft'),
          event('submit', '提交', 'draft', 'submitted'),
          event('register', '登记', 'submitted', 'registered', { actor: '秘书处' }),
          event('return', '退回修改', 'registered', 'returned', { actor: '秘书处', comment: '请补充成效数据' }),
        ]}
      />,
    );
    expect(screen.getByText('退回修改')).toBeInTheDocument();
    expect(screen.getByText('登记 · 已登记')).toBeInTheDocument();
    expect(screen.getByText('请补充成效数据')).toBeInTheDocument();
    expect(screen.getAllByText(/秘书处 · 2026-11-20 09:00/)).toHaveLength(2);
    const ahead = [...container.querySelectorAll('.zj-timeline__step--ahead')].map((step) => step.textContent);
    expect(ahead).toEqual(['已登记', '初审通过', '评审中', '已评定']);
  });

  it('has nothing ahead of a final status, and the short path for news', () => {
    const { container, rerender } = render(
      <Timeline status="rated" events={[event('rate', '评定结果', 'in_review', 'rated', { comment: '一等奖', actor: '秘书处' })]} />,
    );
    expect(container.querySelectorAll('.zj-timeline__step--ahead')).toHaveLength(0);
    expect(screen.getByText('一等奖')).toBeInTheDocument();
    rerender(<Timeline status="submitted" news events={[event('submit', '提交', 'draft', 'submitted')]} />);
    expect([...container.querySelectorAll('.zj-timeline__step--ahead')].map((s) => s.textContent)).toEqual(['已采用']);
  });
});
