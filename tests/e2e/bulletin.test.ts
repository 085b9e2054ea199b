import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phonePage, screenshot, settled, tab, useServedH5, visible } from './browser';

const h5 = useServedH5();

/** The page Taro shows now (it keeps earlier pages of the stack in the document, hidden). */
function shown(page: Page, selector: string): Locator {
  return page.locator(`${selector}:visible`);
}

/** A screenshot once Taro's page transition has finished (it slides pages in). */
async function snap(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
}

/**
 * Browser back once the current page has finished sliding in (a back during Taro's transition can
 * leave no page shown), then wait until Taro shows the earlier page again (the route changes first).
 */
async function back(page: Page, url: RegExp, selector: string): Promise<void> {
  await settled(page);
  await page.goBack();
  await page.waitForURL(url);
  await visible(shown(page, selector).first());
}

const fixtures = path.resolve(import.meta.dirname, '../fixtures/bulletin');
const NO36 = '2016 年第 2 期（总第 36 期）';
const NO33 = '2015 年第 9 期（总第 33 期）';
const CONGRESS = '2015 年第 3 期';

describe('简报 in the H5 build against the real server', () => {
  it('a demo member reads the sample issues: 导读, article, watermark, next, favourite, search', async () => {
    const { page, errors } = await phonePage(h5.browser);
    await h5.signIn(page, '党员（演示单位）');

    // The three sample issues, newest first, under their years.
    await visible(shown(page, '.zj-issue-row__label').filter({ hasText: NO36 }));
    expect(await shown(page, '.zj-list__group-title').allTextContents()).toEqual(['2016 年', '2015 年']);
    expect(await shown(page, '.zj-issue-row__label').allTextContents()).toEqual([NO36, NO33, CONGRESS]);
    await snap(page, '20-bulletin-list');

    await shown(page, '.zj-issue-row__label').filter({ hasText: NO36 }).click();
    await page.waitForURL(/#\/packages\/bulletin\/issue\/index\?id=\d+/);
    await visible(shown(page, '.zj-issue__toc-title'));
    await visible(shown(page, '.zj-issue__label').filter({ hasText: NO36 }));
    await visible(page.getByText('杭州市“两新”党务工作者协会编印').first());
    await snap(page, '21-bulletin-issue');

    await shown(page, '.zj-issue__toc-entry').filter({ hasText: '建华文创园党总支着力打造“131”青春党建体系' }).click();
    await page.waitForURL(/#\/packages\/bulletin\/article\/index\?id=\d+/);
    await visible(shown(page, '.zj-reader__title').filter({ hasText: '建华文创园党总支着力打造“131”青春党建体系' }));
    const watermark = shown(page, '.zj-watermark').first();
    await expect.poll(() => watermark.textContent()).toContain('李青 ****0003');
    expect(await watermark.textContent()).toContain('内部刊物 注意保存');
    // The watermark lies over the text but takes no taps.
    expect(await watermark.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    expect(await shown(page, '.zj-article-body__paragraph').count()).toBeGreaterThan(2);
    await snap(page, '22-bulletin-article');

    // 导读 one tap away, then the next article.
    await shown(page, '.zj-reader-bar__item').filter({ hasText: '导读' }).click();
    await visible(shown(page, '.zj-toc-sheet__entry').first());
    expect(await shown(page, '.zj-toc-sheet__entry').count()).toBe(5);
    await snap(page, '23-bulletin-toc');
    await shown(page, '.zj-toc-sheet__close').click();
    await shown(page, '.zj-reader__nav-item').filter({ hasText: '下一篇' }).click();
    const nextTitle = '新安集团实施“四双四化”，实现党建工作与生产经营深度融合，互动双赢';
    await visible(shown(page, '.zj-reader__title').filter({ hasText: nextTitle }));

    // Font size in the reader.
    await shown(page, '.zj-reader-bar__item').filter({ hasText: '字号' }).click();
    await shown(page, '.zj-font-picker__option').filter({ hasText: /^大$/ }).click();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.zj-reader')].some((el) => el.style.fontSize === '18px'));
    // The panel lies over a backdrop now; 完成 closes it.
    await shown(page, '.zj-reader__font-close').click();

    await shown(page, '.zj-reader-bar__item').filter({ hasText: '收藏' }).click();
    await visible(shown(page, '.zj-reader-bar__item').filter({ hasText: '已收藏' }));
    await snap(page, '24-bulletin-next-favourite');

    // 我的 → 我的收藏 lists it.
    await back(page, /#\/packages\/bulletin\/issue\/index/, '.zj-issue__toc-title');
    await back(page, /#\/pages\/bulletin\/index/, '.zj-issue-row__label');
    await tab(page, '我的').click();
    await page.waitForURL(/#\/pages\/me\/index/);
    await page.getByText('我的收藏', { exact: true }).click();
    await page.waitForURL(/#\/packages\/bulletin\/favourites\/index/);
    await visible(shown(page, '.zj-cell__title').filter({ hasText: nextTitle }));
    await snap(page, '25-favourites');

    // Search: a short query is refused with a hint, then real searches with highlighted hits.
    await back(page, /#\/pages\/me\/index/, '.zj-me');
    await tab(page, '简报').click();
    await page.waitForURL(/#\/pages\/bulletin\/index/);
    await shown(page, '.zj-bulletin-tab__search').click();
    await page.waitForURL(/#\/packages\/bulletin\/search\/index/);
    const box = shown(page, '.zj-search__input input');
    await box.fill('党');
    await shown(page, '.zj-search .zj-button').click();
    await visible(page.getByText('请至少输入两个字再搜索。'));

    await box.fill('固定活动日');
    await shown(page, '.zj-search .zj-button').click();
    await visible(shown(page, '.zj-search-hit').first());
    expect(await shown(page, '.zj-search-hit .zj-hit').first().textContent()).toBe('固定活动日');
    await snap(page, '26-search-fixed-day');

    await box.fill('党建');
    await shown(page, '.zj-search .zj-button').click();
    await visible(shown(page, '.zj-search-page__count'));
    await expect.poll(async () => (await shown(page, '.zj-search-hit__title .zj-hit').allTextContents()).length).toBeGreaterThan(0);
    expect(new Set(await shown(page, '.zj-search-hit .zj-hit').allTextContents())).toEqual(new Set(['党建']));
    await snap(page, '27-search-party-building');
    const firstHitTitle = (await shown(page, '.zj-search-hit__title').first().textContent())!;
    await shown(page, '.zj-search-hit').first().click();
    await page.waitForURL(/#\/packages\/bulletin\/article\/index\?id=\d+/);
    await visible(shown(page, '.zj-reader__title').filter({ hasText: firstHitTitle }));

    expect(errors).toEqual([]);
    await page.close();
  });

  it('the secretariat composes, previews and publishes an issue that the member then reads', async () => {
    const { page, errors } = await phonePage(h5.browser);
    await h5.signIn(page, '秘书处（演示）');
    await tab(page, '我的').click();
    await page.getByText('编辑简报', { exact: true }).click();
    await page.waitForURL(/#\/packages\/secretariat\/bulletins\/index/);
    await visible(page.getByText('没有草稿'));
    await shown(page, '.zj-button').filter({ hasText: '新建一期' }).click();
    await page.waitForURL(/#\/packages\/secretariat\/bulletin-edit\/index$/);

    const field = (placeholder: string) => shown(page, `input[placeholder="${placeholder}"]`);
    await field('2026').fill('2026');
    await field('1').fill('11');
    await field('可不填').fill('90');
    await shown(page, 'input[aria-label="日期"]').fill('2026-11-20');
    await shown(page, '.zj-button').filter({ hasText: '创建草稿' }).click();
    await page.waitForURL(/#\/packages\/secretariat\/bulletin-edit\/index\?id=\d+/);
    await visible(shown(page, '.zj-issue-editor__label').filter({ hasText: '2026 年第 11 期（总第 90 期）' }));

    await shown(page, '.zj-button').filter({ hasText: '添加文章' }).click();
    await page.waitForURL(/#\/packages\/secretariat\/article-edit\/index\?issueId=\d+/);
    await field('文章标题').fill('协会召开十一月会长办公会');
    await field('如：协会动态').fill('协会动态');
    await shown(page, '.zj-block-editor textarea').first().fill('11月20日，协会召开会长办公会，研究部署年终工作。');
    await shown(page, '.zj-button').filter({ hasText: '添加小标题' }).click();
    await shown(page, '.zj-block-editor textarea').nth(1).fill('一、会议要求');
    await shown(page, '.zj-button').filter({ hasText: '添加段落' }).click();
    await shown(page, '.zj-block-editor textarea').nth(2).fill('各片组按时完成党员固定活动日台账。');
    await snap(page, '30-compose-article');
    await shown(page, '.zj-button').filter({ hasText: '添加到本期' }).click();
    await page.waitForURL(/#\/packages\/secretariat\/bulletin-edit\/index\?id=\d+/);
    await visible(shown(page, '.zj-article-order__title').filter({ hasText: '1、协会召开十一月会长办公会' }));
    await snap(page, '31-compose-issue');

    // Preview exactly as members will see it.
    await shown(page, '.zj-article-order__title').first().click();
    await page.waitForURL(/#\/packages\/bulletin\/article\/index\?id=\d+&preview=1/);
    await visible(shown(page, '.zj-reader__preview'));
    await visible(shown(page, '.zj-article-body__heading--1').filter({ hasText: '一、会议要求' }));
    await snap(page, '32-compose-preview');
    await back(page, /#\/packages\/secretariat\/bulletin-edit\/index\?id=\d+/, '.zj-issue-editor__label');

    await shown(page, '.zj-button').filter({ hasText: '发布本期' }).click();
    await page.getByText('发布', { exact: true }).last().click();
    await visible(shown(page, '.zj-button').filter({ hasText: '查看阅读统计' }));
    await snap(page, '33-compose-published');

    // 导入往期 through the browser's file picker: a file without a header asks for the 期号 first.
    await back(page, /#\/packages\/secretariat\/bulletins\/index/, '.zj-desk__actions');
    await back(page, /#\/pages\/me\/index/, '.zj-me');
    await shown(page, '.zj-cell__title')
      .filter({ hasText: /^导入往期$/ })
      .click();
    await page.waitForURL(/#\/packages\/secretariat\/bulletin-import\/index/);
    const chooser = page.waitForEvent('filechooser');
    await shown(page, '.zj-button').filter({ hasText: '选择简报文件' }).click();
    await (await chooser).setFiles(path.join(fixtures, 'no-header.txt'));
    await visible(shown(page, '.zj-card__title').filter({ hasText: '文章（2 篇）' }));
    await visible(shown(page, '.zj-import__warning').filter({ hasText: '无法确定期号' }).first());
    await snap(page, '35-import-preview');
    const [year, number] = await shown(page, '.zj-import__fields input').all();
    await year!.fill('2015');
    await number!.fill('2');
    await shown(page, '.zj-button').filter({ hasText: '按填写的信息重新预览' }).click();
    await shown(page, '.zj-button').filter({ hasText: '导入并发布' }).click();
    await visible(shown(page, '.zj-import__line').filter({ hasText: '已新建并发布：2015 年第 2 期，共 2 篇文章。' }));
    await snap(page, '36-import-done');
    expect(errors).toEqual([]);
    await page.close();

    const member = await phonePage(h5.browser);
    await h5.signIn(member.page, '党员（演示单位）');
    const label = '2026 年第 11 期（总第 90 期）';
    await visible(shown(member.page, '.zj-issue-row__label').filter({ hasText: label }));
    expect(await shown(member.page, '.zj-list__group-title').allTextContents()).toEqual(['2026 年', '2016 年', '2015 年']);
    // The imported back issue sits in 2015 after 第 3 期.
    await visible(shown(member.page, '.zj-issue-row__label').filter({ hasText: /^2015 年第 2 期$/ }));
    await shown(member.page, '.zj-issue-row__label').filter({ hasText: label }).click();
    await shown(member.page, '.zj-issue__toc-entry').filter({ hasText: '协会召开十一月会长办公会' }).click();
    await visible(shown(member.page, '.zj-reader__title').filter({ hasText: '协会召开十一月会长办公会' }));
    expect(await shown(member.page, '.zj-reader__preview').count()).toBe(0);
    await snap(member.page, '34-member-reads-new-issue');
    expect(member.errors).toEqual([]);
    await member.page.close();
  });
});
