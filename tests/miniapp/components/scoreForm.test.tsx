import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_RUBRIC } from '@zhijian/shared';
import { describe, expect, it, vi } from 'vitest';
import { ScoreForm } from '../../../miniapp/src/packages/reviewer/components/ScoreForm';

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
