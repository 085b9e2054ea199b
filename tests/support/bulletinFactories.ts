import type { Block } from '@zhijian/shared';
import { articleSearchFields } from '../../server/src/bulletinSearch/articleSearchFields';
import type { Queryable } from '../../server/src/db/client';
import { bulletinArticles, bulletinIssues } from '../../server/src/db/schema';

let total = 1000;

export const paragraph = (text: string): Block => ({ type: 'paragraph', spans: [{ text, bold: false }] });

/** An issue with articles given as title + paragraphs; published unless told otherwise. */
export async function createIssue(
  db: Queryable,
  options: {
    year?: number;
    number?: number;
    date?: string;
    status?: 'draft' | 'published';
    articles?: { title: string; section?: string | null; paragraphs: string[] }[];
  } = {},
) {
  total += 1;
  const status = options.status ?? 'published';
  const [issue] = await db
    .insert(bulletinIssues)
    .values({
      year: options.year ?? 2026,
      number: options.number ?? total - 1000,
      totalNumber: total,
      date: options.date ?? '2026-11-01',
      publisher: '杭州市“两新”党务工作者协会',
      status,
      publishedAt: status === 'published' ? new Date('2026-11-01T01:00:00Z') : null,
      distributionSend: ['协会会员'],
    })
    .returning();
  const articles = [];
  for (const [index, article] of (options.articles ?? [{ title: '默认文章', paragraphs: ['默认正文。'] }]).entries()) {
    const blocks = article.paragraphs.map(paragraph);
    const [row] = await db
      .insert(bulletinArticles)
      .values({
        issueId: issue!.id,
        position: index + 1,
        title: article.title,
        section: article.section ?? null,
        blocks,
        ...articleSearchFields(article.title, blocks),
      })
      .returning();
    articles.push(row!);
  }
  return { issue: issue!, articles };
}
