import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Photo } from '../../../miniapp/src/components/Photo';
import { taroControl } from '../../support/taro/taro';

const copies = vi.hoisted(() => ({ fail: false }));
vi.mock('../../../miniapp/src/services/download', () => ({
  localCopy: async (url: string) => {
    if (copies.fail) throw new Error('offline');
    return `blob:${url}`;
  },
  downloadExport: async () => undefined,
}));

afterEach(() => {
  process.env.TARO_ENV = 'h5';
  copies.fail = false;
  taroControl.reset();
});

describe('Photo', () => {
  it('shows a thumbnail from the local copy, filling its box without stretching', async () => {
    const { container } = render(<Photo src="/files/1" label="活动照片" />);
    const button = await screen.findByRole('button', { name: '查看大图：活动照片' });
    expect(button).toHaveClass('zj-photo--cover');
    expect(container.querySelector('img')).toHaveAttribute('src', 'blob:/files/1');
  });

  it('shows a photo to read at the width of its box, in its own shape', async () => {
    render(<Photo src="/files/2" fit="width" />);
    expect(await screen.findByRole('button', { name: '查看大图：照片' })).toHaveClass('zj-photo--width');
  });

  it('opens large in a lightbox in H5, and closes on a tap or Esc', async () => {
    render(<Photo src="/files/1" label="作品图片" />);
    fireEvent.click(await screen.findByRole('button', { name: '查看大图：作品图片' }));
    const dialog = screen.getByRole('dialog', { name: '作品图片' });
    expect(dialog.querySelector('img')).toHaveAttribute('src', 'blob:/files/1');
    fireEvent.click(dialog);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '查看大图：作品图片' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens WeChat’s photo viewer in the mini-program', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<Photo src="/files/3" />);
    fireEvent.click(await screen.findByRole('button', { name: '查看大图：照片' }));
    expect(taroControl.previews).toEqual([{ current: 'blob:/files/3', urls: ['blob:/files/3'] }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when the photo cannot be read', async () => {
    copies.fail = true;
    render(<Photo src="/files/4" />);
    expect(await screen.findByText('图片无法显示')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
