import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_RUBRIC } from '@zhijian/shared';
import { describe, expect, it, vi } from 'vitest';
import { ScoreForm } from '../../../miniapp/src/packages/reviewer/components/ScoreForm';
import { taroControl } from '../../support/taro/taro';

function type(name: string, value: string) {
  fireEvent.change(document.querySelector(`[name="${name}"]`) as HTMLInputElement, { target: { value } });
}

describe('the scoring form', () => {
  it("flags a score outside its criterion's range at once and will not save it", () => {
    const onSaveDraft = vi.fn();
    render(<ScoreForm rubric={DEFAULT_RUBRIC} initial={null} canEdit onSaveDraft={onSaveDraft} onSubmit={vi.fn()} />);
    type('innovation', '26');
    expect(screen.getByText('“创新性”的分数应在 0 到 25 之间')).toBeInTheDocument();
    type('effectiveness', '-1');
    expect(screen.getByText('“实效性”的分数应在 0 到 25 之间')).toBeInTheDocument();
    type('durability', 'abc');
    expect(screen.getByText('请输入数字')).toBeInTheDocument();
    const draft = screen.getByRole('button', { name: '保存草稿' });
    expect(draft).toBeDisabled();
    fireEvent.click(draft);
    expect(onSaveDraft).not.toHaveBeenCalled();
  });

  it('asks for every criterion and an opinion before submitting', () => {
    const onSubmit = vi.fn();
    render(<ScoreForm rubric={DEFAULT_RUBRIC} initial={null} canEdit onSaveDraft={vi.fn()} onSubmit={onSubmit} />);
    type('innovation', '20');
    fireEvent.click(screen.getByRole('button', { name: '提交评分' }));
    expect(screen.getByText('请为“实效性”打分')).toBeInTheDocument();
    expect(screen.getByText('请填写评审意见')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the weighted total and submits numbers', () => {
    const onSubmit = vi.fn();
    render(<ScoreForm rubric={DEFAULT_RUBRIC} initial={null} canEdit onSaveDraft={vi.fn()} onSubmit={onSubmit} />);
    expect(screen.getByText('加权得分：各项打分后显示')).toBeInTheDocument();
    type('innovation', '25');
    type('effectiveness', '20');
    type('durability', '17.5');
    type('replicability', '15');
    expect(screen.getByText('加权得分：77.5 / 100')).toBeInTheDocument();
    type('opinion', '做法新颖，成效明显。');
    fireEvent.click(screen.getByRole('button', { name: '提交评分' }));
    expect(onSubmit).toHaveBeenCalledWith({
      scores: { innovation: 25, effectiveness: 20, durability: 17.5, replicability: 15 },
      opinion: '做法新颖，成效明显。',
    });
  });

  it('is read-only once submitted', () => {
    render(
      <ScoreForm
        rubric={DEFAULT_RUBRIC}
        initial={{ scores: { innovation: 20, effectiveness: 20, durability: 20, replicability: 20 }, opinion: '已提交的意见' }}
        canEdit={false}
        onSaveDraft={vi.fn()}
        onSubmit={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: '提交评分' })).not.toBeInTheDocument();
    expect(screen.getByText('加权得分：80 / 100')).toBeInTheDocument();
    type('innovation', '1');
    expect((document.querySelector('[name="innovation"]') as HTMLInputElement).value).toBe('20');
  });
});

describe('the scoring form on a phone', () => {
  const draftForm = (props: Partial<Parameters<typeof ScoreForm>[0]> = {}) => (
    <ScoreForm rubric={DEFAULT_RUBRIC} initial={null} canEdit draftKey="review.7" onSaveDraft={vi.fn()} onSubmit={vi.fn()} {...props} />
  );

  it('keeps unsaved scores and opinion when the page is left, and restores them with a note', () => {
    const first = render(draftForm());
    type('innovation', '21');
    type('opinion', '思路清楚，还可推广。');
    first.unmount();

    render(draftForm());
    expect(screen.getByText('已恢复未保存的内容')).toBeInTheDocument();
    expect((document.querySelector('[name="innovation"]') as HTMLInputElement).value).toBe('21');
    expect((document.querySelector('[name="opinion"]') as HTMLTextAreaElement).value).toBe('思路清楚，还可推广。');
  });

  it('keeps one copy per review, drops it once saved, and can discard a restored one', () => {
    const other = render(draftForm({ draftKey: 'review.8' }));
    type('innovation', '5');
    other.unmount();

    const first = render(draftForm());
    expect(screen.queryByText('已恢复未保存的内容')).not.toBeInTheDocument();
    type('innovation', '21');
    // What the page shows after 保存草稿: the saved review equals what is typed.
    first.rerender(draftForm({ initial: { scores: { innovation: 21 }, opinion: '' } }));
    first.unmount();
    render(draftForm({ initial: { scores: { innovation: 21 }, opinion: '' } }));
    expect(screen.queryByText('已恢复未保存的内容')).not.toBeInTheDocument();
    cleanup();

    render(draftForm({ draftKey: 'review.8' }));
    fireEvent.click(screen.getByText('放弃'));
    expect((document.querySelector('[name="innovation"]') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText('已恢复未保存的内容')).not.toBeInTheDocument();
  });

  it('warns before leaving with unsaved changes: the browser tab in H5, the back button in the mini-program', () => {
    const h5 = render(draftForm());
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(false);
    type('innovation', '21');
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(true);
    h5.unmount();
    taroControl.storage.clear();

    process.env.TARO_ENV = 'weapp';
    render(draftForm());
    expect(taroControl.alertBeforeUnload).toBeNull();
    type('innovation', '21');
    expect(taroControl.alertBeforeUnload).toContain('评分尚未保存');
    type('innovation', '');
    expect(taroControl.alertBeforeUnload).toBeNull();
  });

  it('opens the numeric keyboard for scores', () => {
    render(draftForm());
    for (const criterion of DEFAULT_RUBRIC)
      expect(document.querySelector(`[name="${criterion.key}"]`)).toHaveAttribute('inputmode', 'decimal');
  });

  it('shows a submitted review as a record: every box read-only, no buttons', () => {
    render(
      draftForm({
        canEdit: false,
        initial: { scores: { innovation: 20, effectiveness: 20, durability: 20, replicability: 20 }, opinion: '已提交的意见' },
      }),
    );
    for (const criterion of DEFAULT_RUBRIC) expect(document.querySelector(`[name="${criterion.key}"]`)).toBeDisabled();
    expect(document.querySelector('[name="opinion"]')).toBeDisabled();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
