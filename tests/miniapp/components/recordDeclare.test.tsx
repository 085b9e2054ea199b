import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { bonusRefusals, DEFAULT_RECORD_SETTINGS, MAX_BONUS_PHOTOS } from '@zhijian/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DeclareForm } from '../../../miniapp/src/packages/record/components/DeclareForm';
import DeclarePage from '../../../miniapp/src/packages/record/declare';
import type { PickedFile } from '../../../miniapp/src/services/files';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiError, apiRefusal, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { makeClaim, makeSettingsView } from '../../support/taro/recordFactories';
import { taroControl } from '../../support/taro/taro';

const files = vi.hoisted(() => ({ pickImages: vi.fn() }));
vi.mock('../../../miniapp/src/services/files', () => files);

function photos(count: number, from = 1): PickedFile[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `wxfile://tmp/photo-${from + i}.jpg`,
    size: 200_000,
    name: `photo-${from + i}.jpg`,
  }));
}

function renderForm(overrides: Partial<Parameters<typeof DeclareForm>[0]> = {}) {
  const props = {
    kinds: DEFAULT_RECORD_SETTINGS.bonusKinds,
    today: '2026-11-25',
    onPickPhotos: vi.fn(async () => [] as PickedFile[]),
    onDeclare: vi.fn(async () => makeClaim()),
    onUploadPhoto: vi.fn(async () => ({ id: 1, width: 10, height: 10 })),
    onDeclared: vi.fn(),
    ...overrides,
  };
  render(<DeclareForm {...props} />);
  return props;
}

function fill(description: string, day?: string) {
  fireEvent.change(screen.getByPlaceholderText('做了什么、在哪里、有什么成效（至少 5 个字）'), { target: { value: description } });
  if (day !== undefined) fireEvent.change(screen.getByLabelText('事迹日期'), { target: { value: day } });
}

describe('the declare form', () => {
  it('lists the kinds with their ranges, and says what is missing before sending anything', async () => {
    const props = renderForm();
    expect(screen.getByRole('radio', { name: '志愿服务（1–3 分）' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '获得表彰（2–5 分）' })).toBeInTheDocument();
    const day = screen.getByLabelText('事迹日期');
    expect(day).toHaveValue('2026-11-25');
    expect(day).toHaveAttribute('max', '2026-11-25');

    fill('好');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(await screen.findByText('请选择加分项目')).toBeInTheDocument();
    expect(screen.getByText('请写明具体事迹（至少 5 个字）')).toBeInTheDocument();
    expect(props.onDeclare).not.toHaveBeenCalled();

    // A day after today, and none: the browser's date input keeps no impossible day (2026-02-30
    // leaves it empty), so what is left to say is that the day is missing, by its name.
    fireEvent.click(screen.getByRole('radio', { name: '志愿服务（1–3 分）' }));
    fill('参加社区志愿服务半天', '2026-11-26');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(await screen.findByText('事迹日期不能晚于今天')).toBeInTheDocument();
    fill('参加社区志愿服务半天', '2026-02-30');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(day).toHaveValue('');
    expect(await screen.findByText('请选择事迹日期')).toBeInTheDocument();
    expect(props.onDeclare).not.toHaveBeenCalled();

    // Too long is refused too (the box stops at 1000, a paste past it is checked anyway).
    fill('长'.repeat(1001), '2026-11-25');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    await waitFor(() => expect(document.querySelector('.zj-textarea__error')).toHaveTextContent('1000'));
    expect(props.onDeclare).not.toHaveBeenCalled();

    fill('参加社区志愿服务半天', '2026-11-25');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    await waitFor(() => expect(props.onDeclared).toHaveBeenCalledWith(makeClaim(), []));
    expect(props.onDeclare).toHaveBeenCalledWith({ kindKey: 'volunteer', occurredOn: '2026-11-25', description: '参加社区志愿服务半天' });
  });

  it('keeps at most nine photos, says how many were left out, and stops offering more', async () => {
    const onPickPhotos = vi.fn(async (max: number) => photos(max === MAX_BONUS_PHOTOS ? 4 : 7, 5));
    renderForm({ onPickPhotos });
    const add = screen.getByRole('button', { name: '添加照片' });

    fireEvent.click(add);
    expect(await screen.findByText('照片（4/9）')).toBeInTheDocument();
    expect(onPickPhotos).toHaveBeenLastCalledWith(9);

    // The picker answered seven where five were room: five are kept.
    fireEvent.click(add);
    expect(await screen.findByText('照片（9/9）')).toBeInTheDocument();
    expect(onPickPhotos).toHaveBeenLastCalledWith(5);
    expect(screen.getByText('每条申报最多 9 张照片，多选的 2 张未添加')).toBeInTheDocument();
    expect(add).toBeDisabled();
    expect(document.querySelectorAll('.zj-declare__photo')).toHaveLength(9);

    fireEvent.click(screen.getByRole('button', { name: '删除照片 1' }));
    expect(screen.getByText('照片（8/9）')).toBeInTheDocument();
    expect(add).not.toBeDisabled();
  });

  it('uploads the photos to the claim once it is made, and reports the ones that failed', async () => {
    const onUploadPhoto = vi
      .fn()
      .mockResolvedValueOnce({ id: 1 })
      .mockRejectedValueOnce(new Error('network'))
      .mockResolvedValueOnce({ id: 3 });
    const props = renderForm({ onPickPhotos: async () => photos(3), onUploadPhoto });
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await screen.findByText('照片（3/9）');
    fireEvent.click(screen.getByRole('radio', { name: '传帮带（1–3 分）' }));
    fill('带教两名新入职员工');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));

    await waitFor(() => expect(props.onDeclared).toHaveBeenCalled());
    expect(onUploadPhoto.mock.calls.map(([claimId, photo]) => [claimId, (photo as PickedFile).name])).toEqual([
      [41, 'photo-1.jpg'],
      [41, 'photo-2.jpg'],
      [41, 'photo-3.jpg'],
    ]);
    expect(props.onDeclared).toHaveBeenCalledWith(makeClaim(), [{ name: 'photo-2.jpg', message: '操作失败，请稍后再试' }]);
  });
});

describe('the 申报加分 page', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
    files.pickImages.mockReset();
  });

  it('declares with the kinds in force, uploads each photo to the new claim, then opens 我的记录', async () => {
    const api = installFakeApi({
      'GET /api/record-settings': () => json(200, makeSettingsView()),
      'POST /api/me/bonuses': (request) => json(201, makeClaim({ id: 77, ...(request.body as object) })),
    });
    taroControl.uploadHandler = () => json(201, { id: 5, width: 100, height: 80 });
    files.pickImages.mockResolvedValue(photos(2));
    render(<DeclarePage />);

    fireEvent.click(await screen.findByRole('radio', { name: '获得表彰（2–5 分）' }));
    fill('获评区级优秀志愿者');
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await screen.findByText('照片（2/9）');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));

    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'redirectTo', url: '/packages/record/records/index' }));
    expect(api.callsTo('POST', '/api/me/bonuses')[0]!.body).toMatchObject({ kindKey: 'honour', description: '获评区级优秀志愿者' });
    expect(taroControl.uploads.map((upload) => [upload.url, upload.name, upload.filePath])).toEqual([
      [expect.stringContaining('/api/bonuses/77/photos'), 'file', 'wxfile://tmp/photo-1.jpg'],
      [expect.stringContaining('/api/bonuses/77/photos'), 'file', 'wxfile://tmp/photo-2.jpg'],
    ]);
    expect(taroControl.toasts).toContain('申报已提交');
  });

  it('shows the server’s refusal under the form and stays', async () => {
    installFakeApi({
      'GET /api/record-settings': () => json(200, makeSettingsView()),
      'POST /api/me/bonuses': () => apiRefusal(bonusRefusals.bonus_year_closed, { year: 2025 }),
    });
    render(<DeclarePage />);
    fireEvent.click(await screen.findByRole('radio', { name: '志愿服务（1–3 分）' }));
    fill('参加社区志愿服务半天');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(await screen.findByText('2025 年度先锋指数已结账，不能再申报或认定该年度的加分')).toBeInTheDocument();
    expect(taroControl.uploads).toHaveLength(0);
    expect(taroControl.navigations).toEqual([]);
  });

  it('says when one photo of the claim was refused, and still opens 我的记录 with the claim made', async () => {
    installFakeApi({
      'GET /api/record-settings': () => json(200, makeSettingsView()),
      'POST /api/me/bonuses': () => json(201, makeClaim()),
    });
    let uploads = 0;
    taroControl.uploadHandler = () =>
      (uploads += 1) === 1
        ? apiError('unsupported_media_type', '只接受 JPEG、PNG 或 WebP 图片')
        : json(201, { id: 6, width: 1, height: 1 });
    files.pickImages.mockResolvedValue(photos(2));
    render(<DeclarePage />);
    fireEvent.click(await screen.findByRole('radio', { name: '志愿服务（1–3 分）' }));
    fill('参加社区志愿服务半天');
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await screen.findByText('照片（2/9）');
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));

    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'redirectTo', url: '/packages/record/records/index' }));
    expect(taroControl.toasts).toContain('申报已提交，1 张照片未能上传（只接受 JPEG、PNG 或 WebP 图片），可在我的记录中补传');
  });
});
