import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ImportResult } from '@zhijian/shared';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import BulletinCataloguePage from '../../../miniapp/src/packages/secretariat/bulletin-catalogue';
import { withZipEntries } from '../../../miniapp/src/packages/secretariat/bulletin-catalogue/zipEntries';
import { importIssue, previewImport } from '../../../miniapp/src/services/bulletinDesk';
import { pickDocuments, type PickedFile } from '../../../miniapp/src/packages/secretariat/services/pickFile';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeMe, makeSignedIn } from '../../support/taro/factories';

// The zip code is wired in at build time for H5 only (zipEntries.ts reads TARO_ENV when loaded).
vi.hoisted(() => {
  process.env.TARO_ENV = 'h5';
});

// Picking is the browser's dialog and reading is the server's dry run; opening the zip in between is ours.
vi.mock('../../../miniapp/src/packages/secretariat/services/pickFile', () => ({ pickDocuments: vi.fn() }));
vi.mock('../../../miniapp/src/services/bulletinDesk', () => ({
  previewImport: vi.fn(),
  importIssue: vi.fn(),
  downloadImportReport: vi.fn(),
}));

const MB = 1024 * 1024;

function issueText(total: number): string {
  return `简报\n2014 年第 ${total - 10} 期 总第 ${total} 期\n☆ 第 ${total} 期的文章\n正文。`;
}

/** The offsets of the central directory records of a zip, in order. */
function centralRecords(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 1) if (view.getUint32(at, true) === 0x02014b50) found.push(at);
  return found;
}

/**
 * A folder's zip: three issues, the macOS and Windows litter, an honest entry too big, and a bomb
 * whose headers claim 1 KB while it inflates to 12 MB.
 */
async function folderZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const total of [11, 12, 13]) zip.file(`往期/2014-${total - 10}.txt`, issueText(total));
  zip.file('往期/.DS_Store', 'x');
  zip.file('__MACOSX/往期/._2014-1.txt', 'x');
  zip.file('往期/Thumbs.db', 'x');
  zip.folder('往期/空文件夹');
  zip.file('往期/大文件.txt', new Uint8Array(11 * MB));
  zip.file('往期/炸弹.txt', new Uint8Array(12 * MB));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  for (const at of centralRecords(bytes)) {
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
    if (name !== '往期/炸弹.txt') continue;
    view.setUint32(at + 24, 1024, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, 1024, true);
  }
  return bytes;
}

function pickedOf(name: string, bytes: Uint8Array | string): PickedFile {
  const file = new File([bytes as BlobPart], name);
  return { path: name, name, size: file.size, file };
}

function dryRun(total: number): ImportResult {
  return {
    dryRun: true,
    issueId: null,
    created: true,
    document: {
      issue: { year: 2014, number: total - 10, totalNumber: total, date: null, publisher: null, distribution: { report: [], send: [] } },
      articles: [{ title: `第 ${total} 期的文章`, section: null, paragraphs: ['正文。'] }],
      warnings: [],
    },
  } as ImportResult;
}

describe('a .zip of a folder in 批量导入往期', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['secretariat'] }), 'desk-token'));
    vi.mocked(pickDocuments).mockReset();
    vi.mocked(previewImport).mockReset();
  });

  it('opens the zip: each issue named zipname/path, litter skipped, the bomb and the oversize entry refused, the rest kept', async () => {
    const items = await withZipEntries([pickedOf('往期.zip', await folderZip()), pickedOf('2014-9.txt', issueText(19))], {
      maxEntryBytes: 10 * MB,
    });
    expect(items.map((item) => (item.refused === undefined ? item.file.name : item.name))).toEqual([
      '往期.zip/往期/2014-1.txt',
      '往期.zip/往期/2014-2.txt',
      '往期.zip/往期/2014-3.txt',
      '往期.zip/往期/大文件.txt',
      '往期.zip/往期/炸弹.txt',
      '2014-9.txt',
    ]);
    expect(items[3]).toEqual({ name: '往期.zip/往期/大文件.txt', refused: '解压后超过 10 MB，疑似压缩炸弹，已拒绝' });
    expect(items[4]).toEqual({ name: '往期.zip/往期/炸弹.txt', refused: '解压后超过 10 MB，疑似压缩炸弹，已拒绝' });
    const first = items[0]!;
    expect(first.refused).toBeUndefined();
    if (first.refused === undefined) expect(await first.file.file!.text()).toBe(issueText(11));
  });

  it('refuses a zip over the entry or total caps from its directory alone, as one item', async () => {
    const bytes = await folderZip();
    expect(await withZipEntries([pickedOf('往期.zip', bytes)], { maxEntries: 5 })).toEqual([
      { name: '往期.zip', refused: '压缩包内最多 5 个文件' },
    ]);
    expect(await withZipEntries([pickedOf('往期.zip', bytes)], { maxTotalBytes: 5 * MB })).toEqual([
      { name: '往期.zip', refused: '压缩包解压后合计不能超过 5 MB' },
    ]);
    expect(await withZipEntries([pickedOf('坏.zip', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))])).toEqual([
      { name: '坏.zip', refused: '压缩包已损坏或无法读取' },
    ]);
  });

  it('tells a zip by its bytes: a .docx (a zip with content types) and a renamed zip', async () => {
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    const word = pickedOf('简报.docx', await docx.generateAsync({ type: 'uint8array' }));
    const folder = new JSZip();
    folder.file('2014-1.txt', issueText(11));
    const renamed = pickedOf('往期.dat', await folder.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const items = await withZipEntries([word, renamed]);
    expect(items.map((item) => (item.refused === undefined ? item.file.name : item.name))).toEqual(['简报.docx', '往期.dat/2014-1.txt']);
    expect(items[0]).toEqual({ file: word });
  });

  it('lists the zip’s issues in the page, reads each through the dry run, and shows the bomb as one refused item', async () => {
    vi.mocked(pickDocuments).mockResolvedValue([pickedOf('往期.zip', await folderZip())]);
    vi.mocked(previewImport).mockImplementation(async (file) => dryRun(10 + Number(/2014-(\d)/.exec(file.name)![1])));
    render(<BulletinCataloguePage />);
    fireEvent.click(screen.getByRole('button', { name: '选择多个简报文件' }));
    await screen.findByText('已读取 5/5', undefined, { timeout: 10_000 });
    expect(vi.mocked(pickDocuments).mock.calls[0]![0]).toContain('zip');
    expect(vi.mocked(previewImport).mock.calls.map(([file]) => file.name)).toEqual([
      '往期.zip/往期/2014-1.txt',
      '往期.zip/往期/2014-2.txt',
      '往期.zip/往期/2014-3.txt',
    ]);
    for (const total of [11, 12, 13])
      expect(screen.getByText(new RegExp(`^2014 年第 ${total - 10} 期（总第 ${total} 期） · 1 篇文章`))).toBeTruthy();
    expect(screen.getByText('往期.zip/往期/炸弹.txt')).toBeTruthy();
    expect(screen.getAllByText('解压后超过 10 MB，疑似压缩炸弹，已拒绝')).toHaveLength(2);
    await waitFor(() => expect(screen.getByRole('button', { name: '导入选中的 3 期并发布' })).toBeTruthy());
  });

  it('reads the first 50 files of a larger zip and lists each of the rest as not read, by name', async () => {
    const zip = new JSZip();
    for (let total = 11; total <= 63; total += 1) zip.file(`往期/${total}.txt`, issueText(total));
    vi.mocked(pickDocuments).mockResolvedValue([pickedOf('五十多期.zip', await zip.generateAsync({ type: 'uint8array' }))]);
    vi.mocked(previewImport).mockImplementation(async (file) => dryRun(Number(/(\d+)\.txt$/.exec(file.name)![1])));
    render(<BulletinCataloguePage />);
    fireEvent.click(screen.getByRole('button', { name: '选择多个简报文件' }));
    await screen.findByText('已读取 53/53', undefined, { timeout: 20_000 });
    expect(vi.mocked(previewImport)).toHaveBeenCalledTimes(50);
    for (const total of [61, 62, 63]) expect(screen.getByText(`五十多期.zip/往期/${total}.txt`)).toBeTruthy();
    expect(screen.getAllByText('一次最多读取 50 个文件，本批未读取：请在本批完成后再选择它')).toHaveLength(3);
  }, 30_000);
});

describe('the date of an issue in 批量导入往期', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['secretariat'] }), 'desk-token'));
    vi.mocked(pickDocuments).mockReset();
    vi.mocked(previewImport).mockReset();
    vi.mocked(importIssue).mockReset();
  });

  it('is picked with the date picker, not typed, and goes with that issue’s import', async () => {
    vi.mocked(pickDocuments).mockResolvedValue([pickedOf('2014-1.txt', issueText(11)), pickedOf('2014-2.txt', issueText(12))]);
    vi.mocked(previewImport).mockImplementation(async (file) => dryRun(10 + Number(/2014-(\d)/.exec(file.name)![1])));
    vi.mocked(importIssue).mockImplementation(async (file) => ({
      ...dryRun(10 + Number(/2014-(\d)/.exec(file.name)![1])),
      dryRun: false,
      issueId: 7,
    }));
    render(<BulletinCataloguePage />);
    fireEvent.click(screen.getByRole('button', { name: '选择多个简报文件' }));
    await screen.findByText('已读取 2/2');
    const dates = screen.getAllByLabelText('日期');
    expect(dates).toHaveLength(2);
    for (const date of dates) expect(date).toHaveAttribute('type', 'date');
    expect(screen.getAllByText('未读出，请填写')).toHaveLength(2);
    fireEvent.change(dates[0]!, { target: { value: '2014-03-18' } });
    expect(dates[0]).toHaveValue('2014-03-18');

    fireEvent.click(await screen.findByRole('button', { name: '导入选中的 2 期并发布' }));
    await waitFor(() => expect(importIssue).toHaveBeenCalledTimes(2));
    expect(vi.mocked(importIssue).mock.calls.map(([file, query]) => [file.name, query.date])).toEqual([
      ['2014-1.txt', '2014-03-18'],
      ['2014-2.txt', undefined],
    ]);
  });
});
