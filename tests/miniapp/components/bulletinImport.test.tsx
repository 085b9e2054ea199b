import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ImportResult } from '@zhijian/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import BulletinImportPage from '../../../miniapp/src/packages/secretariat/bulletin-import';
import { pickDocument } from '../../../miniapp/src/packages/secretariat/services/pickFile';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { json } from '../../support/taro/fakeApi';
import { taroControl, type UploadOptions } from '../../support/taro/taro';

// Picking a file is the platform's dialog (WeChat chat files, a browser file input); the flow after it is ours.
vi.mock('../../../miniapp/src/packages/secretariat/services/pickFile', () => ({ pickDocument: vi.fn() }));

const picked = { path: 'blob:http://app.test/1', name: '简报2015第3期.docx', size: 48_000 };

function dryRunDocument(overrides: { year?: number | null; number?: number | null } = {}): ImportResult['document'] {
  return {
    issue: {
      year: overrides.year === undefined ? null : overrides.year,
      number: overrides.number === undefined ? null : overrides.number,
      totalNumber: null,
      date: null,
      publisher: '杭州市“两新”党务工作者协会',
      distribution: { report: ['市委组织部'], send: ['协会会员'] },
    },
    articles: [
      { title: '戴文昌在一届三次会员大会上的讲话（摘要）', section: null, paragraphs: ['一', '二', '三'] },
      { title: '浙江荣盛集团党委建立“爱E客栈”', section: '协会动态', paragraphs: ['一'] },
    ],
    warnings: ['没有找到期号（如“2016 年第 2 期”），请用 --year 和 --number 指定'],
  };
}

function query(upload: UploadOptions): URLSearchParams {
  return new URL(upload.url, 'http://app.test').searchParams;
}

describe('导入往期', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['secretariat'] }), 'desk-token'));
    vi.mocked(pickDocument).mockReset();
  });

  it('previews the file (dry run), takes the missing 期号, previews again and imports', async () => {
    vi.mocked(pickDocument).mockResolvedValue(picked);
    taroControl.uploadHandler = (upload) => {
      const q = query(upload);
      const year = q.get('year') ? Number(q.get('year')) : null;
      const number = q.get('number') ? Number(q.get('number')) : null;
      const document = dryRunDocument({ year, number });
      if (year !== null) document.warnings = [];
      const dryRun = q.get('dryRun') === 'true';
      return json(200, { dryRun, issueId: dryRun ? null : 41, created: true, document });
    };
    render(<BulletinImportPage />);
    fireEvent.click(screen.getByRole('button', { name: '选择简报文件' }));
    await screen.findByText('文章（2 篇）');
    expect(pickDocument).toHaveBeenCalledWith(['docx', 'txt']);
    const first = taroControl.uploads[0]!;
    expect(first).toMatchObject({ name: 'file', filePath: picked.path, fileName: picked.name });
    expect(first.header!.authorization).toBe('Bearer desk-token');
    expect(new URL(first.url, 'http://app.test').pathname).toBe('/api/bulletins/import');
    expect(query(first).get('dryRun')).toBe('true');

    expect(screen.getByText('简报2015第3期.docx（47 KB）')).toBeInTheDocument();
    expect(screen.getByText(/没有找到期号/)).toBeInTheDocument();
    expect(screen.getAllByText('未读出，请填写')).toHaveLength(4);
    expect(screen.getByText('1、戴文昌在一届三次会员大会上的讲话（摘要）')).toBeInTheDocument();
    expect(screen.getByText('2、协会动态：浙江荣盛集团党委建立“爱E客栈”')).toBeInTheDocument();
    expect(screen.getByText('报：市委组织部')).toBeInTheDocument();

    // The date is picked, not typed: the browser's date input in H5 (WeChat's picker in weapp, below).
    const date = screen.getByLabelText('日期');
    expect(date).toHaveAttribute('type', 'date');
    expect(date).toHaveValue('');
    fireEvent.change(date, { target: { value: '2015-05-20' } });
    const [year, number] = document.querySelectorAll('.zj-import__fields input');
    fireEvent.change(year!, { target: { value: '2015' } });
    fireEvent.change(number!, { target: { value: '3' } });
    // The preview no longer matches what was typed: preview again before importing.
    expect(screen.queryByRole('button', { name: '导入并发布' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '按填写的信息重新预览' }));
    await screen.findByRole('button', { name: '导入并发布' });
    expect(Object.fromEntries(query(taroControl.uploads[1]!))).toEqual({ dryRun: 'true', year: '2015', number: '3', date: '2015-05-20' });
    expect(screen.queryByText(/没有找到期号/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '导入并发布' }));
    await screen.findByText('导入完成');
    expect(Object.fromEntries(query(taroControl.uploads[2]!))).toEqual({ year: '2015', number: '3', date: '2015-05-20' });
    expect(screen.getByText('已新建并发布：2015 年第 3 期，共 2 篇文章。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看本期' }));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/issue/index?id=41' });
  });

  it('takes the missing date from WeChat’s date picker in the mini-program, never as typed text', async () => {
    process.env.TARO_ENV = 'weapp';
    vi.mocked(pickDocument).mockResolvedValue(picked);
    taroControl.uploadHandler = (upload) =>
      json(200, {
        dryRun: query(upload).get('dryRun') === 'true',
        issueId: null,
        created: true,
        document: dryRunDocument({ year: 2015, number: 3 }),
      });
    const { container } = render(<BulletinImportPage />);
    fireEvent.click(screen.getByRole('button', { name: '选择简报文件' }));
    await screen.findByText('文章（2 篇）');
    const picker = container.querySelector('.zj-date [data-mode="date"]')!;
    expect(picker).toHaveAttribute('data-fields', 'day');
    expect(screen.getByText('选择日期')).toBeInTheDocument();
    expect(container.querySelector('input[placeholder="2016-02-18"]')).toBeNull();
    fireEvent.change(screen.getByLabelText('picker'), { target: { value: '2015-05-20' } });
    expect(screen.getByText('2015-05-20')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '按填写的信息重新预览' }));
    await screen.findByRole('button', { name: '导入并发布' });
    expect(query(taroControl.uploads[1]!).get('date')).toBe('2015-05-20');
  });

  it('says when the issue is already stored and will be updated', async () => {
    vi.mocked(pickDocument).mockResolvedValue(picked);
    taroControl.uploadHandler = () =>
      json(200, { dryRun: true, issueId: null, created: false, document: dryRunDocument({ year: 2015, number: 3 }) });
    render(<BulletinImportPage />);
    fireEvent.click(screen.getByRole('button', { name: '选择简报文件' }));
    await screen.findByText(/系统中已有这一期/);
    expect(screen.getByRole('button', { name: '导入并更新这一期' })).toBeInTheDocument();
  });

  it('shows the server’s refusal of a file clearly, and imports nothing', async () => {
    vi.mocked(pickDocument).mockResolvedValue({ ...picked, name: 'photo.docx' });
    taroControl.uploadHandler = () =>
      json(415, {
        error: {
          code: 'unsupported_media_type',
          message: '不支持的文件类型（JPEG 图片），请使用 .docx 或 .txt 文件',
          details: { reason: 'unsupported-format' },
        },
      });
    render(<BulletinImportPage />);
    fireEvent.click(screen.getByRole('button', { name: '选择简报文件' }));
    await screen.findByText('无法导入');
    expect(screen.getByText('不支持的文件类型（JPEG 图片），请使用 .docx 或 .txt 文件')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /导入并/ })).not.toBeInTheDocument();
    expect(taroControl.uploads).toHaveLength(1);
  });

  it('refuses a file over 10 MB before sending it, and does nothing when the picker is cancelled', async () => {
    vi.mocked(pickDocument).mockResolvedValueOnce(null);
    render(<BulletinImportPage />);
    fireEvent.click(screen.getByRole('button', { name: '选择简报文件' }));
    await waitFor(() => expect(pickDocument).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByRole('button', { name: '选择简报文件' })).not.toHaveAttribute('data-loading'));
    expect(screen.queryByText('无法导入')).not.toBeInTheDocument();

    vi.mocked(pickDocument).mockResolvedValueOnce({ ...picked, size: 11 * 1024 * 1024 });
    fireEvent.click(screen.getByRole('button', { name: '选择简报文件' }));
    await screen.findByText('文件 11.0 MB，超过 10 MB 的上限');
    expect(taroControl.uploads).toHaveLength(0);
  });

  it('sends a file picked in the browser as multipart form data with fetch (H5)', async () => {
    const file = new File(['☆ 协会动态\n协会召开会议\n正文。'], '往期.txt', { type: 'text/plain' });
    vi.mocked(pickDocument).mockResolvedValue({ path: file.name, name: file.name, size: file.size, file });
    const sent: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(
        JSON.stringify({ dryRun: true, issueId: null, created: true, document: dryRunDocument({ year: 2015, number: 3 }) }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    });
    try {
      render(<BulletinImportPage />);
      fireEvent.click(screen.getByRole('button', { name: '选择简报文件' }));
      await screen.findByText('文章（2 篇）');
      expect(taroControl.uploads).toHaveLength(0);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.url).toBe('/api/bulletins/import?dryRun=true');
      expect(sent[0]!.init.method).toBe('POST');
      expect((sent[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer desk-token');
      const part = (sent[0]!.init.body as FormData).get('file') as File;
      expect(part.name).toBe('往期.txt');
      expect(await part.text()).toContain('协会召开会议');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reports a lost connection during upload', async () => {
    vi.mocked(pickDocument).mockResolvedValue(picked);
    taroControl.uploadHandler = () => Promise.reject({ errMsg: 'uploadFile:fail' });
    render(<BulletinImportPage />);
    fireEvent.click(screen.getByRole('button', { name: '选择简报文件' }));
    await screen.findByText('上传失败，请检查网络后重试');
  });
});
