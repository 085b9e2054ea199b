import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { EntryFile } from '@zhijian/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EntryForm, type EntryFormProps } from '../../../miniapp/src/packages/submit/components/EntryForm';
import EditEntryPage from '../../../miniapp/src/packages/submit/edit';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { entryFileUrl, removeEntryFile } from '../../../miniapp/src/services/entryFiles';
import { createEntry, submitEntry, updateEntry } from '../../../miniapp/src/services/submissions';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { makeCall, makeEntry } from '../../support/taro/submissionFactories';
import { taroControl } from '../../support/taro/taro';

const files = vi.hoisted(() => ({
  pickImages: vi.fn(),
  pickAttachment: vi.fn(),
  uploadEntryFile: vi.fn(),
}));
vi.mock('../../../miniapp/src/services/files', async (original) => ({
  ...(await original<object>()),
  pickImages: files.pickImages,
  pickAttachment: files.pickAttachment,
}));
vi.mock('../../../miniapp/src/services/download', () => ({ localCopy: async () => 'blob:photo', downloadExport: async () => undefined }));

/** The form as the edit page wires it: saves, submits and removals through the submissions service. */
function renderForm(props: Pick<EntryFormProps, 'entry' | 'autosaveDelayMs'> & Partial<EntryFormProps>) {
  const call = props.call ?? makeCall();
  return render(
    <EntryForm
      call={call}
      onSave={(id, draft) => (id === null ? createEntry(call.id, draft) : updateEntry(id, draft))}
      onUpload={files.uploadEntryFile}
      onRemoveFile={(file) => removeEntryFile(file.id)}
      onSubmit={submitEntry}
      onSubmitted={vi.fn()}
      fileUrl={entryFileUrl}
      {...props}
    />,
  );
}

function type(name: string, value: string) {
  const input = document.querySelector(`[name="${name}"]`) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
}

function fillEverything() {
  type('title', '红色驿站');
  fireEvent.click(screen.getByRole('radio', { name: '服务员工群众' }));
  type('summary', '为流动党员服务');
  type('body', '做法与成效');
  type('contactName', '王联系');
  type('contactPhone', '13800001111');
}

const image: EntryFile = { id: 90, kind: 'image', name: 'a.jpg', mimeType: 'image/jpeg', size: 1000, width: 10, height: 10 };

describe('the entry form', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    files.pickImages.mockReset();
    files.uploadEntryFile.mockReset();
  });

  it('says what is missing and sends nothing when submitted incomplete', async () => {
    const api = installFakeApi({});
    renderForm({ entry: null, onSubmitted: vi.fn(), autosaveDelayMs: 60_000 });
    type('contactPhone', '12345');
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    for (const message of ['请填写标题', '请选择类别', '请填写摘要', '请填写正文', '手机号应为 11 位中国大陆手机号']) {
      expect(await screen.findByText(message)).toBeInTheDocument();
    }
    expect(taroControl.toasts).toContain('还有内容未填写完整');
    expect(api.calls).toEqual([]);
  });

  it('saves a draft by itself after typing stops: created once, then updated with its version', async () => {
    const api = installFakeApi({
      'POST /api/calls/5/entries': ({ body }) => json(201, makeEntry({ title: (body as { title: string }).title, version: 1 })),
      'PATCH /api/entries/41': ({ body }) => json(200, makeEntry({ title: (body as { title: string }).title, version: 2 })),
    });
    renderForm({ entry: null, onSubmitted: vi.fn(), autosaveDelayMs: 20 });
    type('title', '红');
    type('title', '红色驿站');
    await waitFor(() => expect(api.callsTo('POST', '/api/calls/5/entries')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/calls/5/entries')[0]!.body).toMatchObject({ title: '红色驿站' });
    expect(await screen.findByText(/^已自动保存/)).toBeInTheDocument();
    type('summary', '摘要');
    await waitFor(() => expect(api.callsTo('PATCH', '/api/entries/41')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/entries/41')[0]!.body).toMatchObject({ summary: '摘要', version: 1 });
  });

  it('shows a failed autosave and keeps the text', async () => {
    installFakeApi({ 'PATCH /api/entries/41': () => apiError('conflict', '报送已在别处更新，请刷新后再修改') });
    renderForm({ entry: makeEntry(), onSubmitted: vi.fn(), autosaveDelayMs: 20 });
    type('title', '新标题');
    expect(await screen.findByText('保存失败：报送已在别处更新，请刷新后再修改')).toBeInTheDocument();
    expect((document.querySelector('[name="title"]') as HTMLInputElement).value).toBe('新标题');
  });

  it('uploads photos with their progress, creating the draft first', async () => {
    const api = installFakeApi({ 'POST /api/calls/5/entries': () => json(201, makeEntry()) });
    files.pickImages.mockResolvedValue([{ path: 'blob:1', size: 2_000_000, name: '活动.jpg' }]);
    let finish: (file: EntryFile) => void = () => undefined;
    let report: (percent: number) => void = () => undefined;
    files.uploadEntryFile.mockImplementation((_id: number, _kind: string, _file: unknown, onProgress: (p: number) => void) => {
      report = onProgress;
      return new Promise<EntryFile>((resolve) => (finish = resolve));
    });
    renderForm({ entry: null, onSubmitted: vi.fn(), autosaveDelayMs: 60_000 });
    fireEvent.click(screen.getByRole('button', { name: '添加图片' }));
    await waitFor(() => expect(files.uploadEntryFile).toHaveBeenCalledTimes(1));
    expect(api.callsTo('POST', '/api/calls/5/entries')).toHaveLength(1);
    expect(files.uploadEntryFile.mock.calls[0]!.slice(0, 2)).toEqual([41, 'image']);
    act(() => report(40));
    expect(await screen.findByText('40%')).toBeInTheDocument();
    expect(screen.getByLabelText('活动.jpg 40%')).toBeInTheDocument();
    act(() => finish(image));
    await waitFor(() => expect(screen.queryByText('40%')).not.toBeInTheDocument());
    expect(screen.getByText('图片（1/9）')).toBeInTheDocument();
  });

  it('shows a refused upload in its row', async () => {
    installFakeApi({});
    files.pickImages.mockResolvedValue([{ path: 'blob:1', size: 10, name: 'x.gif' }]);
    files.uploadEntryFile.mockRejectedValue(
      new (await import('@zhijian/shared')).ApiError(415, 'unsupported_media_type', '图片只能是 JPEG、PNG 或 WebP 格式'),
    );
    renderForm({ entry: makeEntry(), onSubmitted: vi.fn(), autosaveDelayMs: 60_000 });
    fireEvent.click(screen.getByRole('button', { name: '添加图片' }));
    expect(await screen.findByText('图片只能是 JPEG、PNG 或 WebP 格式')).toBeInTheDocument();
    expect(screen.getByText('失败')).toBeInTheDocument();
  });

  it('saves then submits a complete entry', async () => {
    const api = installFakeApi({
      'PATCH /api/entries/41': () => json(200, makeEntry({ version: 2 })),
      'POST /api/entries/41/submit': () => json(200, makeEntry({ status: 'submitted', statusLabel: '已提交' })),
    });
    const onSubmitted = vi.fn();
    renderForm({ entry: makeEntry(), onSubmitted, autosaveDelayMs: 60_000 });
    fillEverything();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(expect.objectContaining({ status: 'submitted' })));
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['PATCH /api/entries/41', 'POST /api/entries/41/submit']);
    expect(api.calls[0]!.body).toMatchObject({ title: '红色驿站', category: '服务员工群众', contactPhone: '13800001111' });
  });

  it("shows the server's refusal, e.g. after the close time", async () => {
    installFakeApi({
      'PATCH /api/entries/41': () => json(200, makeEntry({ version: 2 })),
      'POST /api/entries/41/submit': () => apiError('deadline_passed', '征集已截止，不能再提交'),
    });
    const onSubmitted = vi.fn();
    renderForm({ entry: makeEntry(), onSubmitted, autosaveDelayMs: 60_000 });
    fillEverything();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(taroControl.toasts).toContain('征集已截止，不能再提交'));
    expect(onSubmitted).not.toHaveBeenCalled();
  });

  it('names the call it is for', () => {
    installFakeApi({});
    renderForm({ entry: null, call: makeCall({ title: '小创意发挥大作用' }), autosaveDelayMs: 60_000 });
    expect(screen.getByText('小创意发挥大作用')).toBeInTheDocument();
    expect(screen.getByText('案例征集')).toBeInTheDocument();
  });

  it('asks before submitting, naming the call, and sends nothing when the answer is no', async () => {
    const api = installFakeApi({
      'PATCH /api/entries/41': () => json(200, makeEntry({ version: 2 })),
      'POST /api/entries/41/submit': () => json(200, makeEntry({ status: 'submitted', statusLabel: '已提交' })),
    });
    taroControl.modalConfirm = false;
    const onSubmitted = vi.fn();
    renderForm({ entry: makeEntry(), onSubmitted, autosaveDelayMs: 60_000 });
    fillEverything();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(taroControl.modals).toHaveLength(1));
    expect(taroControl.modals[0]).toMatchObject({ title: '提交报送', content: expect.stringContaining('小创意发挥大作用') });
    await act(async () => undefined);
    expect(api.callsTo('POST', '/api/entries/41/submit')).toEqual([]);
    expect(onSubmitted).not.toHaveBeenCalled();
  });
});

describe('the new-entry page', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ name: '王党务', roles: ['member', 'unit_admin'] })));
  });

  it("prefills the contact with the filler's own name and full phone", async () => {
    installFakeApi({
      'GET /api/calls/5': () => json(200, makeCall()),
      'GET /api/me/contact': () => json(200, { name: '王党务', phone: '13912345678' }),
    });
    taroControl.routerParams = { callId: '5' };
    render(<EditEntryPage />);
    await waitFor(() => expect(document.querySelector('[name="contactPhone"]')).toHaveValue('13912345678'));
    expect(document.querySelector('[name="contactName"]')).toHaveValue('王党务');
  });
});
