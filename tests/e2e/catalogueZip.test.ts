import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueText } from '../support/catalogueFactories';
import { desktopPage, screenshot, settled, useServedH5, visible } from './browser';

const h5 = useServedH5();

function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

/** A folder of 2010's issues zipped on a Mac: three issues, the Finder's litter, and a bomb of zeros. */
let dir: string;
let zipPath: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'catalogue-zip-e2e-'));
  const zip = new JSZip();
  for (const number of [1, 2, 3]) zip.file(`2010年简报/2010-${number}.txt`, issueText(number, { year: 2010, number }));
  zip.file('2010年简报/.DS_Store', 'finder');
  zip.file('__MACOSX/2010年简报/._2010-1.txt', 'resource fork');
  zip.file('2010年简报/炸弹.txt', new Uint8Array(12 * 1024 * 1024));
  zipPath = path.join(dir, '2010年简报.zip');
  await writeFile(zipPath, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('批量导入往期 from a .zip of a folder', () => {
  it('opens the zip in the browser, lists its three issues, refuses the bomb, imports the three', async () => {
    const { page, errors } = await desktopPage(h5.browser);
    await h5.signIn(page, '秘书处（演示）');
    // The console's sidebar links the page.
    const link = page.getByText('批量导入往期', { exact: true }).first();
    await visible(link);
    await settled(page);
    await link.click();
    await page.waitForURL(/#\/packages\/secretariat\/bulletin-catalogue\/index/);

    await settled(page);
    const chooser = page.waitForEvent('filechooser');
    await shown(page, '.zj-button').filter({ hasText: '选择多个简报文件' }).click();
    await (await chooser).setFiles([zipPath]);
    await visible(shown(page, '.zj-catalogue__progress-text').filter({ hasText: '已读取 4/4' }), 60_000);
    expect(await shown(page, '.zj-catalogue__file').count()).toBe(4);
    for (const number of [1, 2, 3]) {
      const row = shown(page, '.zj-catalogue__file').filter({ hasText: `2010年简报.zip/2010年简报/2010-${number}.txt` });
      await visible(row.locator('.zj-catalogue__label').filter({ hasText: `2010 年第 ${number} 期（总第 ${number} 期）` }));
    }
    const bomb = shown(page, '.zj-catalogue__file').filter({ hasText: '2010年简报.zip/2010年简报/炸弹.txt' });
    await visible(bomb.locator('.zj-catalogue__error').filter({ hasText: '解压后超过 10 MB，疑似压缩炸弹，已拒绝' }));
    await settled(page);
    await screenshot(page, '63-catalogue-zip-read');

    await shown(page, '.zj-button').filter({ hasText: '导入选中的 3 期并发布' }).click();
    await visible(shown(page, '.zj-catalogue__totals').filter({ hasText: '新建 3 期' }), 60_000);
    await page.goto(`${h5.server.url}/#/pages/bulletin/index`);
    for (const number of [1, 2, 3]) {
      await visible(shown(page, '.zj-issue-row__label').filter({ hasText: `2010 年第 ${number} 期（总第 ${number} 期）` }));
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
