import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import SummaryPage from '../../../miniapp/src/packages/checkin-admin/summary';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeActivityDetail } from '../../support/taro/activityFactories';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const files = vi.hoisted(() => ({ pickImages: vi.fn() }));
vi.mock('../../../miniapp/src/services/files', () => files);

const photo = { path: 'wxfile://tmp/photo.jpg', size: 300_000, name: 'photo-1.jpg' };

describe('the activity summary page', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    taroControl.routerParams = { id: '9' };
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    files.pickImages.mockReset();
  });

  it('uploads a picked photo to the activity and shows the new count', async () => {
    const photos = [{ id: 1, url: '/api/files/1' }];
    let uploaded = false;
    installFakeApi({ 'GET /api/activities/9': () => json(200, makeActivityDetail({ photos: uploaded ? photos : [] })) });
    taroControl.uploadHandler = () => {
      uploaded = true;
      return json(201, photos[0]);
    };
    files.pickImages.mockResolvedValue([photo]);
    render(<SummaryPage />);
    fireEvent.click(await screen.findByRole('button', { name: '添加照片' }));

    expect(await screen.findByText('已上传照片 1 / 9 张')).toBeInTheDocument();
    expect(files.pickImages).toHaveBeenCalledWith(1);
    expect(taroControl.uploads).toHaveLength(1);
    expect(taroControl.uploads[0]).toMatchObject({
      url: expect.stringContaining('/api/activities/9/photos'),
      filePath: photo.path,
      name: 'file',
    });
  });

  it('shows the server’s refusal of a photo in its own words, and nothing when the picker is cancelled', async () => {
    installFakeApi({ 'GET /api/activities/9': () => json(200, makeActivityDetail()) });
    taroControl.uploadHandler = () => apiError('payload_too_large', '照片过大，请压缩后再上传');
    files.pickImages.mockResolvedValueOnce([]).mockResolvedValueOnce([photo]);
    render(<SummaryPage />);
    const add = await screen.findByRole('button', { name: '添加照片' });

    fireEvent.click(add);
    await waitFor(() => expect(files.pickImages).toHaveBeenCalledTimes(1));
    expect(taroControl.uploads).toHaveLength(0);

    fireEvent.click(add);
    await waitFor(() => expect(taroControl.toasts).toContain('照片过大，请压缩后再上传'));
    expect(screen.getByText('已上传照片 0 / 9 张')).toBeInTheDocument();
  });
});
