import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueText } from '../support/catalogueFactories';
import { buildDocx } from '../server/bulletinImport/helpers';
import { desktopPage, screenshot, settled, useServedH5, visible } from './browser';

const h5 = useServedH5();

function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

async function snap(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
}

/** Five back issues of 2014 (总第 11–15): three texts, a Word document, and one whose header the importer cannot number. */
let dir: string;
let files: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'catalogue-e2e-'));
  files = [];
  for (const number of [1, 2, 3]) {
    const file = path.join(dir, `2014-${number}.txt`);
    await writeFile(file, issueText(10 + number, { year: 2014, number }));
    files.push(file);
  }
  const docx = path.join(dir, '2014-4.docx');
  await writeFile(docx, await buildDocx(issueText(14, { year: 2014, number: 4 }).split('\n\n')));
  files.push(docx);
  const unnumbered = path.join(dir, '2014-无期号.txt');
  await writeFile(unnumbered, issueText(15, { year: 2014, number: null }));
  files.push(unnumbered);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('批量导入往期 in the H5 console', () => {
  it('uploads five files at once, shows progress, takes a missing 期号, imports them, lists them', async () => {
    const { page, errors } = await desktopPage(h5.browser);
    await h5.signIn(page, '秘书处（演示）');
    // The console's sidebar links the page (on a wide screen the 我的 tab is a menu item too).
    const entry = page.getByText('批量导入往期', { exact: true }).first();
    await visible(entry);
    await settled(page);
    await entry.click();
    await page.waitForURL(/#\/packages\/secretariat\/bulletin-catalogue\/index/);

    const chooser = page.waitForEvent('filechooser');
    await shown(page, '.zj-button').filter({ hasText: '选择多个简报文件' }).click();
    await (await chooser).setFiles(files);
    // Progress: each file's bar and the batch's count.
    await visible(shown(page, '.zj-catalogue__file').first(), 20_000);
    expect(await shown(page, '.zj-catalogue__file').count()).toBe(5);
    await screenshot(page, '59-catalogue-reading');
    await visible(shown(page, '.zj-catalogue__progress-text').filter({ hasText: '已读取 5/5' }), 60_000);
    await visible(shown(page, '.zj-catalogue__label').filter({ hasText: '2014 年第 4 期（总第 14 期）' }));
    const missing = shown(page, '.zj-catalogue__file').filter({ hasText: '2014-无期号.txt' });
    await visible(missing.locator('.zj-field__hint').filter({ hasText: '未读出，请填写' }).first());
    await snap(page, '60-catalogue-read');

    // Fill the missing 期号 of one issue (its header gave none of the numbers).
    const [year, number, total] = await missing.locator('.zj-catalogue__fields input').all();
    await year!.fill('2014');
    await number!.fill('5');
    await total!.fill('15');
    await visible(missing.locator('.zj-catalogue__label').filter({ hasText: '2014 年第 5 期（总第 15 期）' }));

    await shown(page, '.zj-button').filter({ hasText: '导入选中的 5 期并发布' }).click();
    await visible(shown(page, '.zj-catalogue__totals').filter({ hasText: '新建 5 期' }), 60_000);
    await visible(shown(page, '.zj-catalogue__progress-text').filter({ hasText: '已导入 5/5' }));
    await shown(page, '.zj-catalogue__report').scrollIntoViewIfNeeded();
    await snap(page, '61-catalogue-report');

    // The report downloads as a workbook.
    const download = page.waitForEvent('download');
    await shown(page, '.zj-button').filter({ hasText: '下载报告（xlsx）' }).click();
    expect((await download).suggestedFilename()).toBe('往期简报导入报告.xlsx');

    // They are in the list of issues, under 2014.
    await page.goto(`${h5.server.url}/#/pages/bulletin/index`);
    for (const number of [1, 2, 3, 4, 5]) {
      await visible(shown(page, '.zj-issue-row__label').filter({ hasText: `2014 年第 ${number} 期（总第 ${10 + number} 期）` }));
    }
    await snap(page, '62-catalogue-in-list');
    expect(errors).toEqual([]);
    await page.close();
  });
});
