import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '@zhijian/shared';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useLoaded, type LoadedOptions } from '../../../miniapp/src/hooks/useLoaded';
import { taroControl } from '../../support/taro/taro';

/** Shows what the hook says: the data, the error, whether it is loading; buttons for reload, refresh, another key. */
function Harness({
  load,
  initialKey,
  options,
}: {
  load: (key: number) => Promise<string>;
  initialKey: number | null;
  options?: LoadedOptions;
}) {
  const [key, setKey] = useState(initialKey);
  const loaded = useLoaded(key, load, options);
  return (
    <div>
      <span data-testid="data">{loaded.data ?? ''}</span>
      <span data-testid="error">{loaded.error ?? ''}</span>
      <span data-testid="loading">{loaded.loading ? 'loading' : 'idle'}</span>
      <button type="button" onClick={loaded.reload}>
        reload
      </button>
      <button type="button" onClick={() => void loaded.refresh()}>
        refresh
      </button>
      <button type="button" onClick={() => loaded.update((current) => `${current}!`)}>
        update
      </button>
      <button type="button" onClick={() => setKey((k) => (k ?? 0) + 1)}>
        next
      </button>
    </div>
  );
}

const text = (id: string) => screen.getByTestId(id).textContent;
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('useLoaded', () => {
  it('loads nothing for a null key', () => {
    const load = vi.fn(async (key: number) => `第 ${key} 期`);
    render(<Harness load={load} initialKey={null} />);
    expect(load).not.toHaveBeenCalled();
    expect(text('loading')).toBe('idle');
  });

  it('loads the key, then shows the data; an error in Chinese, and a reload that starts over', async () => {
    let fail = true;
    const load = vi.fn(async (key: number) => {
      if (fail) throw new ApiError(404, 'not_found', '简报不存在', { reason: 'not_found', resource: '简报' });
      return `第 ${key} 期`;
    });
    render(<Harness load={load} initialKey={3} />);
    expect(text('loading')).toBe('loading');
    await waitFor(() => expect(text('error')).toBe('简报不存在'));
    expect(text('loading')).toBe('idle');
    fail = false;
    click('reload');
    await waitFor(() => expect(text('data')).toBe('第 3 期'));
    expect(text('error')).toBe('');
  });

  it('drops the answer for a key no longer shown', async () => {
    const answers: Record<number, (value: string) => void> = {};
    const load = (key: number) => new Promise<string>((resolve) => (answers[key] = resolve));
    render(<Harness load={load} initialKey={1} />);
    click('next');
    await act(async () => answers[2]!('第 2 期'));
    await act(async () => answers[1]!('第 1 期'));
    expect(text('data')).toBe('第 2 期');
  });

  it('refreshes while keeping what is shown, and takes local changes', async () => {
    let version = 1;
    render(<Harness load={async () => `版本 ${version}`} initialKey={1} />);
    await waitFor(() => expect(text('data')).toBe('版本 1'));
    click('update');
    expect(text('data')).toBe('版本 1!');
    version = 2;
    click('refresh');
    expect(text('data')).toBe('版本 1!');
    expect(text('loading')).toBe('loading');
    await waitFor(() => expect(text('data')).toBe('版本 2'));
  });

  it('refreshes each time the page shows again, when asked to', async () => {
    const load = vi.fn(async () => '简报');
    render(<Harness load={load} initialKey={1} options={{ refreshOnShow: true }} />);
    await waitFor(() => expect(text('data')).toBe('简报'));
    expect(load).toHaveBeenCalledTimes(1);
    act(() => taroControl.fireDidShow());
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });

  it('does not refresh on show unless asked to', async () => {
    const load = vi.fn(async () => '简报');
    render(<Harness load={load} initialKey={1} />);
    await waitFor(() => expect(text('data')).toBe('简报'));
    act(() => taroControl.fireDidShow());
    expect(load).toHaveBeenCalledTimes(1);
  });
});
