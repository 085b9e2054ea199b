import type { Article, Block, IssueDetail, IssueSummary, SearchHit } from '@zhijian/shared';

export const para = (text: string, bold = false): Block => ({ type: 'paragraph', spans: [{ text, bold }] });

export function makeIssueSummary(overrides: Partial<IssueSummary> = {}): IssueSummary {
  return {
    id: 1,
    label: '2016 年第 2 期（总第 36 期）',
    year: 2016,
    number: 2,
    totalNumber: 36,
    date: '2016-02-18',
    status: 'published',
    articleCount: 3,
    unreadCount: 0,
    leadTitles: ['建华文创园党总支着力打造“131”青春党建体系'],
    publishedAt: '2016-02-18T01:00:00.000Z',
    ...overrides,
  };
}

export function makeIssueDetail(overrides: Partial<IssueDetail> = {}): IssueDetail {
  return {
    ...makeIssueSummary(),
    publisher: '杭州市“两新”党务工作者协会',
    titleLines: ['内部刊物', '注意保存'],
    distribution: { report: ['市委组织部', '各区、县（市）委组织部'], send: ['协会会员'] },
    toc: [
      { articleId: 11, title: '第一篇', section: null, read: false },
      { articleId: 12, title: '第二篇', section: null, read: false },
      { articleId: 13, title: '座谈会', section: '协会动态', read: false },
    ],
    ...overrides,
  };
}

export function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 12,
    issueId: 1,
    issueLabel: '2016 年第 2 期（总第 36 期）',
    issueStatus: 'published',
    position: 2,
    title: '第二篇',
    section: null,
    blocks: [para('第二篇的正文。')],
    prev: { id: 11, title: '第一篇' },
    next: { id: 13, title: '座谈会' },
    favourite: false,
    read: false,
    secondsToRead: 8,
    ...overrides,
  };
}

export function makeHit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    articleId: 6,
    issueId: 2,
    issueLabel: '2015 年第 3 期',
    date: null,
    title: [{ text: '推行党员固定活动日', hit: false }],
    snippet: [
      { text: '…要全面推行党员', hit: false },
      { text: '固定活动日', hit: true },
      { text: '制度…', hit: false },
    ],
    titleHit: false,
    ...overrides,
  };
}
