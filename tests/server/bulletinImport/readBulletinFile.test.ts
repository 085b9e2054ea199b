import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bulletinRefusals, uploadRefusals } from '@zhijian/shared';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBulletinFile, readBulletinFile } from '../../../server/src/bulletinImport';
import { buildDocx, shape, texts } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bulletin-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Node has no GB18030 encoder: invert the decoder over the two-byte range. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes = [...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : (table.get(char) ?? [])));
  return Buffer.from(bytes);
}

const ISSUE_LINES = [
  '内部刊物',
  '简报',
  '2016 年第 2 期 总第 36 期',
  '杭州市“两新”党务工作者协会编印 2016 年 2 月 18 日',
  '**【本期导读】**',
  '1、新安集团实施“四双四化”',
  '2、协会动态：协会座谈近期工作',
  '**☆新安集团实施“四双四化”**',
  '首先以理念上要解决好“企业为什么要抓党建”的问题为出发点，新安集团党建形成了“四个双”：一是绿色化学与',
  '红色保障“双品牌”。**二是生产经营与党建工作“双经营”**。',
  '一、组织覆盖',
  '党组织覆盖全部车间。',
  '**☆协会座谈近期工作**',
  '2 月 17 日上午，协会秘书处座谈近期工作。',
  '报：省委组织部、市委组织部',
  '发：协会会员',
];

describe('readBulletinFile / parseBulletinFile', () => {
  it('reads a .docx (bold headings and all) into the same structure as its text', async () => {
    const docx = await write('issue.docx', await buildDocx(ISSUE_LINES));
    const txt = await write('issue.txt', ISSUE_LINES.join('\n\n'));
    const fromDocx = await parseBulletinFile(docx);
    const fromText = await parseBulletinFile(txt);

    expect(fromDocx).toEqual(fromText);
    expect(fromDocx.issue).toMatchObject({ year: 2016, number: 2, totalNumber: 36, date: '2016-02-18' });
    expect(fromDocx.articles.map((article) => [article.section, article.title, shape(article)])).toEqual([
      [null, '新安集团实施“四双四化”', 'php'],
      ['协会动态', '协会座谈近期工作', 'p'],
    ]);
    expect(texts(fromDocx.articles[0]!)[0]).toBe(
      '首先以理念上要解决好“企业为什么要抓党建”的问题为出发点，新安集团党建形成了“四个双”：一是绿色化学与红色保障“双品牌”。二是生产经营与党建工作“双经营”。',
    );
    expect(fromDocx.articles[0]!.blocks[0]!.spans).toContainEqual({ text: '二是生产经营与党建工作“双经营”', bold: true });
    expect(fromDocx.issue.distribution).toEqual({ report: ['省委组织部', '市委组织部'], send: ['协会会员'] });
    expect(fromDocx.warnings).toEqual([]);
  });

  it('reads GB18030 text as saved by Chinese Windows', async () => {
    const file = await write('gb18030.txt', encodeGbk(ISSUE_LINES.join('\r\n')));
    const utf8 = await write('utf8.txt', ISSUE_LINES.join('\r\n'));
    expect(await readBulletinFile(file)).toBe(ISSUE_LINES.join('\r\n'));
    expect(await parseBulletinFile(file)).toEqual(await parseBulletinFile(utf8));
  });

  it.each([
    ['an empty file', 'empty.txt', '', uploadRefusals.file_empty, {}],
    ['a file of blank lines', 'blank.txt', '\n\u3000\n  \n', uploadRefusals.file_empty, {}],
    ['a .docx that is not a zip', 'broken.docx', 'this is not a Word file', uploadRefusals.file_unreadable, {}],
    ['a spreadsheet by its name', 'issue.xls', 'whatever', uploadRefusals.file_type_refused, { detected: 'xls' }],
    ['a PDF that is only a header', 'issue.pdf', '%PDF-1.4', uploadRefusals.file_unreadable, {}],
  ])('refuses %s', async (_, name, content, refusal, details) => {
    const file = await write(name, content);
    await expect(parseBulletinFile(file)).rejects.toMatchObject({ name: 'BulletinImportError', reason: refusal.reason, details });
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    const file = await write('notword.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(parseBulletinFile(file)).rejects.toMatchObject({ reason: uploadRefusals.file_unreadable.reason });
  });

  it('refuses a truncated .docx', async () => {
    const whole = await buildDocx(ISSUE_LINES);
    const file = await write('truncated.docx', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(parseBulletinFile(file)).rejects.toMatchObject({ reason: uploadRefusals.file_unreadable.reason });
  });

  it('refuses an empty Word document and a Word document that is not a newsletter', async () => {
    const empty = await write('empty.docx', await buildDocx([]));
    await expect(parseBulletinFile(empty)).rejects.toMatchObject({ reason: uploadRefusals.file_empty.reason });
    const notice = await write('notice.docx', await buildDocx(['关于召开会员大会的通知', '各会员单位：请准时参加。']));
    await expect(parseBulletinFile(notice)).rejects.toMatchObject({ reason: bulletinRefusals.not_a_bulletin.reason });
  });

  it('refuses a missing file with a Chinese message', async () => {
    await expect(parseBulletinFile(path.join(dir, 'missing.txt'))).rejects.toMatchObject({
      reason: uploadRefusals.file_unreadable.reason,
      message: '找不到文件',
    });
  });
});
