import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatePicker } from '../../../miniapp/src/components/DatePicker';

afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

function Harness({ fields, onChange }: { fields: 'month' | 'day'; onChange: (value: string) => void }) {
  const [value, setValue] = useState(fields === 'month' ? '2026-10' : '');
  return (
    <DatePicker
      label={fields === 'month' ? '开始月份' : '日期'}
      fields={fields}
      value={value}
      start="2025-01"
      end="2026-12"
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('DatePicker', () => {
  it('is the browser’s month input in H5, bounded, and reports the month picked', () => {
    const onChange = vi.fn();
    render(<Harness fields="month" onChange={onChange} />);
    const input = screen.getByLabelText('开始月份');
    expect(input).toHaveAttribute('type', 'month');
    expect(input).toHaveValue('2026-10');
    expect(input).toHaveAttribute('min', '2025-01');
    expect(input).toHaveAttribute('max', '2026-12');
    fireEvent.change(input, { target: { value: '2026-09' } });
    expect(onChange).toHaveBeenCalledWith('2026-09');
    expect(input).toHaveValue('2026-09');
  });

  it('is a date input for a day', () => {
    const onChange = vi.fn();
    render(<Harness fields="day" onChange={onChange} />);
    const input = screen.getByLabelText('日期');
    expect(input).toHaveAttribute('type', 'date');
    fireEvent.change(input, { target: { value: '2026-12-02' } });
    expect(onChange).toHaveBeenCalledWith('2026-12-02');
  });

  it('is WeChat’s date picker in month mode in the mini-program, showing the choice or a prompt', () => {
    process.env.TARO_ENV = 'weapp';
    const onChange = vi.fn();
    const { container } = render(<DatePicker label="结束月份" fields="month" value="" start="2025-01" onChange={onChange} />);
    const picker = container.querySelector('[data-mode="date"]')!;
    expect(picker).toHaveAttribute('data-fields', 'month');
    expect(picker).toHaveAttribute('data-start', '2025-01');
    expect(screen.getByText('选择月份')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('picker'), { target: { value: '2026-08' } });
    expect(onChange).toHaveBeenCalledWith('2026-08');
  });

  it('shows the problem under the field', () => {
    render(<DatePicker label="开始月份" fields="month" value="2026-10" onChange={() => undefined} error="结束月份不能早于开始月份" />);
    expect(screen.getByText('结束月份不能早于开始月份')).toBeInTheDocument();
  });
});
