import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '@zhijian/shared';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { useAction, type Action, type ActionOptions } from '../../../miniapp/src/hooks/useAction';
import { FieldProblems, UserError } from '../../../miniapp/src/services/errors';
import { taroControl } from '../../support/taro/taro';
import { COLOURS } from '../../../miniapp/src/styles/tokens';

/** A button wired to an action, with everything the action tells the page shown beside it. */
function Harness<A extends unknown[], R>({ action, args }: { action: Action<A, R>; args: A }) {
  return (
    <div>
      <button type="button" onClick={() => void action.run(...args)}>
        run
      </button>
      <span data-testid="busy">{action.busy ? 'busy' : 'idle'}</span>
      <span data-testid="running">{action.running ? JSON.stringify(action.running) : ''}</span>
      <span data-testid="error">{action.error ?? ''}</span>
      <span data-testid="problems">{JSON.stringify(action.problems)}</span>
      <button type="button" onClick={() => action.reset('title')}>
        edited title
      </button>
    </div>
  );
}

function renderAction<A extends unknown[], R>(work: (...args: A) => Promise<R>, args: A, options?: ActionOptions<A, R>) {
  let latest: Action<A, R> | null = null;
  function Page() {
    const action = useAction(work, options);
    latest = action;
    return <Harness action={action} args={args} />;
  }
  render(<Page />);
  return { action: () => latest!, click: () => fireEvent.click(screen.getByRole('button', { name: 'run' })) };
}

const text = (id: string) => screen.getByTestId(id).textContent;

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useAction', () => {
  it('is busy while it runs, with the arguments of the run, and ignores a second tap meanwhile', async () => {
    const answer = deferred<string>();
    const work = vi.fn((_id: number) => answer.promise);
    const { click } = renderAction(work, [7]);
    click();
    expect(text('busy')).toBe('busy');
    expect(text('running')).toBe('[7]');
    click();
    expect(work).toHaveBeenCalledTimes(1);
    await act(async () => answer.resolve('done'));
    expect(text('busy')).toBe('idle');
    expect(text('running')).toBe('');
    click();
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('answers what the work answered, and says so in a toast when asked to', async () => {
    const { action } = renderAction(async (n: number) => n * 2, [0], { success: (result, n) => `${n} 的两倍是 ${result}` });
    let result: number | undefined;
    await act(async () => {
      result = await action().run(21);
    });
    expect(result).toBe(42);
    expect(taroControl.toasts).toEqual(['21 的两倍是 42']);
  });

  it('says nothing when it worked and no message is given', async () => {
    const { click } = renderAction(async () => 'ok', []);
    click();
    await waitFor(() => expect(text('busy')).toBe('idle'));
    expect(taroControl.toasts).toEqual([]);
  });

  it('shows a refusal in the server’s own words, in a toast and in `error`, and answers undefined', async () => {
    const { action } = renderAction(
      async () => {
        throw new ApiError(409, 'conflict', '该流动党员已编入其他服务点，请先移出', { reason: 'conflicting_data' });
      },
      [],
      { success: '不该出现' },
    );
    let result: unknown = 'unset';
    await act(async () => {
      result = await action().run();
    });
    expect(result).toBeUndefined();
    expect(text('error')).toBe('该流动党员已编入其他服务点，请先移出');
    expect(taroControl.toasts).toEqual(['该流动党员已编入其他服务点，请先移出']);
  });

  it('keeps an inline refusal on the page only, and says a generic message for an unexpected failure', async () => {
    const { click } = renderAction(
      async () => {
        throw new TypeError('x is undefined');
      },
      [],
      { inline: true },
    );
    click();
    await waitFor(() => expect(text('error')).toBe('操作失败，请稍后再试'));
    expect(taroControl.toasts).toEqual([]);
  });

  it('clears the last refusal when it runs again', async () => {
    let fail = true;
    const { click } = renderAction(
      async () => {
        if (fail) throw new UserError('网络连接失败，请检查网络后重试');
      },
      [],
      { inline: true },
    );
    click();
    await waitFor(() => expect(text('error')).toBe('网络连接失败，请检查网络后重试'));
    fail = false;
    click();
    await waitFor(() => expect(text('busy')).toBe('idle'));
    expect(text('error')).toBe('');
  });

  it('asks first and does nothing when the question is declined', async () => {
    const work = vi.fn(async (_title: string) => undefined);
    const { click } = renderAction(work, ['第二篇'], {
      confirm: (title) => ({ title: '删除文章', content: `确定删除“${title}”吗？`, confirmText: '删除' }),
      success: '已删除',
    });
    taroControl.modalConfirm = false;
    click();
    await waitFor(() => expect(taroControl.modals).toHaveLength(1));
    // In the app's palette: the confirm button brand red, not the platform's green.
    expect(taroControl.modals[0]).toEqual({
      title: '删除文章',
      content: '确定删除“第二篇”吗？',
      confirmColor: COLOURS.red,
      cancelColor: COLOURS.ink2,
    });
    expect(work).not.toHaveBeenCalled();
    expect(taroControl.toasts).toEqual([]);

    taroControl.modalConfirm = true;
    click();
    await waitFor(() => expect(work).toHaveBeenCalledWith('第二篇'));
    await waitFor(() => expect(taroControl.toasts).toEqual(['已删除']));
  });

  it('asks only when the question function says so', async () => {
    const work = vi.fn(async (_published: boolean) => undefined);
    const { action } = renderAction(work, [false], {
      confirm: (published) => (published ? { title: '更正已发布的简报', content: '党员将看到更正后的内容。' } : null),
    });
    await act(async () => {
      await action().run(false);
    });
    expect(taroControl.modals).toEqual([]);
    expect(work).toHaveBeenCalledTimes(1);
    await act(async () => {
      await action().run(true);
    });
    expect(taroControl.modals).toHaveLength(1);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('puts the fields of an invalid_fields refusal next to them, by the last part of their path', async () => {
    const { click } = renderAction(async () => {
      throw new ApiError(400, 'invalid_input', '提交的内容不符合要求：标题 标题太长', {
        reason: 'invalid_fields',
        issues: [
          { path: 'body.title', message: '标题太长', label: '标题' },
          { path: 'body.title', message: '第二条不算' },
          { path: 'body.contactPhone', message: '手机号应为 11 位中国大陆手机号' },
        ],
      });
    }, []);
    click();
    await waitFor(() => expect(text('error')).toBe('提交的内容不符合要求：标题 标题太长'));
    expect(JSON.parse(text('problems')!)).toEqual({ title: '标题太长', contactPhone: '手机号应为 11 位中国大陆手机号' });
    expect(taroControl.toasts).toEqual(['提交的内容不符合要求：标题 标题太长']);

    fireEvent.click(screen.getByRole('button', { name: 'edited title' }));
    expect(JSON.parse(text('problems')!)).toEqual({ contactPhone: '手机号应为 11 位中国大陆手机号' });
  });

  it('ignores field issues of any other refusal', async () => {
    const { click } = renderAction(async () => {
      throw new ApiError(409, 'conflict', '与现有数据冲突', { reason: 'conflicting_data', issues: [{ path: 'name', message: 'x' }] });
    }, []);
    click();
    await waitFor(() => expect(text('error')).toBe('与现有数据冲突'));
    expect(JSON.parse(text('problems')!)).toEqual({});
  });

  describe('with the endpoint’s schema as `check`', () => {
    const HostSite = z.object({ name: z.string().trim().min(1, '请填写服务点名称').max(60) });

    it('says what is missing at once, beside the field, and sends nothing', () => {
      const work = vi.fn(async (_site: z.output<typeof HostSite>) => undefined);
      function Page() {
        const action = useAction(work, { check: HostSite, inline: true });
        return <Harness action={action} args={[{ name: '  ' }]} />;
      }
      render(<Page />);
      fireEvent.click(screen.getByRole('button', { name: 'run' }));
      // Synchronously: the tap is handled and the field already says so.
      expect(JSON.parse(text('problems')!)).toEqual({ name: '请填写服务点名称' });
      expect(text('error')).toBe('');
      expect(work).not.toHaveBeenCalled();
      expect(taroControl.toasts).toEqual([]);
    });

    it('hands the parsed value to the work', async () => {
      const work = vi.fn(async (_site: z.output<typeof HostSite>) => undefined);
      function Page() {
        const action = useAction(work, { check: HostSite });
        return <Harness action={action} args={[{ name: ' 九堡流动党员之家 ' }]} />;
      }
      render(<Page />);
      fireEvent.click(screen.getByRole('button', { name: 'run' }));
      await waitFor(() => expect(work).toHaveBeenCalledWith({ name: '九堡流动党员之家' }));
    });

    it('checks before asking: an incomplete form raises no question', () => {
      const work = vi.fn(async (_site: z.output<typeof HostSite>) => undefined);
      function Page() {
        const action = useAction(work, { check: HostSite, confirm: { title: '新建服务点', content: '确定？' } });
        return <Harness action={action} args={[{ name: '' }]} />;
      }
      render(<Page />);
      fireEvent.click(screen.getByRole('button', { name: 'run' }));
      expect(taroControl.modals).toEqual([]);
      expect(JSON.parse(text('problems')!)).toEqual({ name: '请填写服务点名称' });
    });
  });

  it('takes a form’s own check as `validate`, with one message for the whole form', () => {
    const work = vi.fn(async (_title: string) => undefined);
    const { click } = renderAction(work, [''], {
      validate: (title) => {
        if (!title) throw new FieldProblems({ title: '请填写标题' }, '还有内容未填写完整');
      },
    });
    click();
    expect(JSON.parse(text('problems')!)).toEqual({ title: '请填写标题' });
    expect(text('error')).toBe('');
    expect(taroControl.toasts).toEqual(['还有内容未填写完整']);
    expect(work).not.toHaveBeenCalled();
  });
});
