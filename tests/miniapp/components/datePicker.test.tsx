import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatePicker, DateTimePicker } from '../../../miniapp/src/components/DatePicker';

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

  it('is a time input for a time of day in H5, and WeChat’s time picker in the mini-program', () => {
    const onChange = vi.fn();
    const { unmount } = render(<DatePicker label="开始时间" fields="time" value="14:00" onChange={onChange} />);
    const input = screen.getByLabelText('开始时间');
    expect(input).toHaveAttribute('type', 'time');
    expect(input).toHaveValue('14:00');
    fireEvent.change(input, { target: { value: '09:30' } });
    expect(onChange).toHaveBeenCalledWith('09:30');
    unmount();

    process.env.TARO_ENV = 'weapp';
    const picked = vi.fn();
    const { container } = render(<DatePicker label="开始时间" fields="time" value="" onChange={picked} />);
    expect(container.querySelector('[data-mode="time"]')).not.toBeNull();
    expect(screen.getByText('选择时间')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('picker'), { target: { value: '19:00' } });
    expect(picked).toHaveBeenCalledWith('19:00');
  });
});

function MomentHarness({ initial, onChange }: { initial: string; onChange: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <DateTimePicker
      label="评审截止时间"
      value={value}
      start="2026-12-01"
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('DateTimePicker', () => {
  it('shows a day and a time under one label and joins them as “YYYY-MM-DD HH:mm”', () => {
    const onChange = vi.fn();
    render(<MomentHarness initial="2026-12-09 18:00" onChange={onChange} />);
    expect(screen.getByText('评审截止时间')).toBeInTheDocument();
    const day = screen.getByLabelText('评审截止时间（日期）');
    const time = screen.getByLabelText('评审截止时间（时间）');
    expect(day).toHaveAttribute('type', 'date');
    expect(day).toHaveAttribute('min', '2026-12-01');
    expect(day).toHaveValue('2026-12-09');
    expect(time).toHaveAttribute('type', 'time');
    expect(time).toHaveValue('18:00');
    fireEvent.change(day, { target: { value: '2026-12-16' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-12-16 18:00');
    fireEvent.change(time, { target: { value: '09:30' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-12-16 09:30');
  });

  it('keeps a half-chosen moment half empty, so the page’s check can name the field', () => {
    const onChange = vi.fn();
    render(<MomentHarness initial="" onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('评审截止时间（时间）'), { target: { value: '18:00' } });
    expect(onChange).toHaveBeenLastCalledWith(' 18:00');
    expect(screen.getByLabelText('评审截止时间（日期）')).toHaveValue('');
    expect(screen.getByLabelText('评审截止时间（时间）')).toHaveValue('18:00');
  });

  it('is two WeChat pickers in the mini-program, a date one and a time one, with the error underneath', () => {
    process.env.TARO_ENV = 'weapp';
    const { container } = render(
      <DateTimePicker label="截止时间" value="" onChange={() => undefined} error="请选择截止时间的日期和时间" />,
    );
    expect(container.querySelector('[data-mode="date"]')).toHaveAttribute('data-fields', 'day');
    expect(container.querySelector('[data-mode="time"]')).not.toBeNull();
    expect(screen.getByText('选择日期')).toBeInTheDocument();
    expect(screen.getByText('选择时间')).toBeInTheDocument();
    expect(screen.getByText('请选择截止时间的日期和时间')).toBeInTheDocument();
  });
});
