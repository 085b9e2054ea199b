/**
 * A back catalogue made by the tests: issue N of a run, as the text of a printed newsletter
 * (header with 年份、期号、总期, publisher, date, two ☆ articles, the 报/发 block).
 */
export function issueText(totalNumber: number, options: { year?: number; number?: number | null; title?: string } = {}): string {
  const year = options.year ?? 2013 + Math.floor((totalNumber - 1) / 10);
  const number = options.number === undefined ? ((totalNumber - 1) % 10) + 1 : options.number;
  const header = number === null ? `${year} 年 总第 ${totalNumber} 期` : `${year} 年第 ${number} 期 总第 ${totalNumber} 期`;
  const month = String(((totalNumber - 1) % 10) + 1).padStart(2, '0');
  return [
    '内部刊物',
    '注意保存',
    '简 报',
    header,
    '杭州市“两新”党务工作者协会编印',
    `${year} 年 ${Number(month)} 月 18 日`,
    `☆${options.title ?? `第 ${totalNumber} 期党建工作交流`}`,
    `本期介绍会员单位在党员固定活动日中的做法，这是总第 ${totalNumber} 期的第一篇文章。`,
    '☆协会动态',
    `协会秘书处召开第 ${totalNumber} 次工作例会，部署下一阶段工作。`,
    '报：市委组织部',
    '发：协会会员',
  ].join('\n\n');
}
