import { bulletinRefusals, uploadRefusals } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';
import { BulletinImportError, parseBulletin, parseBulletinFile } from '../../../server/src/bulletinImport';
import { fixture, shape, texts } from './helpers';

/** The association's other layouts, one small fixture or inline text per variant. */

const HEADER = ['2016 年第 2 期 总第 36 期', '杭州市“两新”党务工作者协会编印 2016 年 2 月 18 日'];
const FOOTER = ['报：市委组织部', '发：协会会员'];

function issueText(...body: string[]): string {
  return [...HEADER, ...body, ...FOOTER].join('\n\n');
}

describe('header', () => {
  it('reads the compact form: no spaces, 总 right after 期, publisher and date on one line', async () => {
    const parsed = await parseBulletinFile(fixture('compact-header.txt'));
    const { year, number, totalNumber, date, publisher } = parsed.issue;
    expect([year, number, totalNumber, date, publisher]).toEqual([2017, 3, 45, '2017-04-06', '杭州市“两新”党务工作者协会']);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the spaced form over several lines and skips the title page', async () => {
    const parsed = await parseBulletinFile(fixture('spaced-header.txt'));
    const { year, number, totalNumber, date, publisher } = parsed.issue;
    expect([year, number, totalNumber, date, publisher]).toEqual([2015, 9, 33, '2015-11-24', '杭州市“两新”党务工作者协会']);
    expect(parsed.articles.map((article) => article.title)).not.toContain('简 报');
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the whole header on one line and Chinese numerals', () => {
    const oneLine = parseBulletin('2016 年第 2 期 总第 36 期 杭州市“两新”党务工作者协会编印 2016 年 2 月 18 日\n☆标题\n正文。');
    expect([oneLine.issue.year, oneLine.issue.number, oneLine.issue.totalNumber, oneLine.issue.date]).toEqual([2016, 2, 36, '2016-02-18']);
    expect(oneLine.issue.publisher).toBe('杭州市“两新”党务工作者协会');

    const chinese = parseBulletin('二〇一六年第二期（总第三十六期）\n二〇一六年二月十八日\n☆标题\n正文。');
    expect([chinese.issue.year, chinese.issue.number, chinese.issue.totalNumber, chinese.issue.date]).toEqual([2016, 2, 36, '2016-02-18']);
  });

  it('warns about an impossible date and a date that does not fit the year', () => {
    const impossible = parseBulletin('2016 年第 2 期 总第 36 期\n2016 年 2 月 30 日\n☆标题\n正文。');
    expect(impossible.issue.date).toBeNull();
    expect(impossible.warnings).toContain('报头中的日期“2016 年 2 月 30 日”不存在，已忽略');

    const offYear = parseBulletin('2016 年第 2 期 总第 36 期\n2013 年 2 月 18 日\n☆标题\n正文。');
    expect(offYear.warnings.some((warning) => warning.includes('2013-02-18'))).toBe(true);
  });

  it('warns about a title-page line it does not know', () => {
    const parsed = parseBulletin(['2016 年第 2 期 总第 36 期', '主编：某某', '☆标题', '正文。'].join('\n'));
    expect(parsed.warnings).toContain('报头部分有未识别的内容，已忽略：“主编：某某”');
  });
});

describe('overrides', () => {
  it('fill missing header fields without a warning about them', () => {
    const parsed = parseBulletin('☆标题\n正文。', { year: 2015, number: 1, totalNumber: 25, date: '2015-03-09' });
    const { year, number, totalNumber, date } = parsed.issue;
    expect([year, number, totalNumber, date]).toEqual([2015, 1, 25, '2015-03-09']);
    expect(parsed.warnings.filter((warning) => warning.includes('报头缺少年份'))).toEqual([]);
  });

  it('win over parsed values, with a warning', () => {
    const parsed = parseBulletin(issueText('☆标题', '正文。'), { number: 3 });
    expect(parsed.issue.number).toBe(3);
    expect(parsed.warnings).toContain('报头中的期号为 2，已按 --number 改为 3');
  });
});

describe('导读', () => {
  it.each([
    ['numbered', ['1、甲公司开展活动', '2、乙公司开展培训']],
    ['bulleted and numbered', ['- 1、甲公司开展活动', '- 2、乙公司开展培训']],
    ['with spaces', ['-  1 、 甲公司开展活动', '   2、乙公司开展培训']],
    ['with dots', ['1.甲公司开展活动', '2. 乙公司开展培训']],
    ['with brackets', ['（1）甲公司开展活动', '(2)乙公司开展培训']],
  ])('reads the %s form', (_, entries) => {
    const parsed = parseBulletin(
      issueText('【本期导读】', ...entries, '☆甲公司开展活动', '甲公司开展活动。', '☆乙公司开展培训', '乙公司开展培训。'),
    );
    expect(parsed.toc.map((entry) => entry.title)).toEqual(['甲公司开展活动', '乙公司开展培训']);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads a marker written with spaces and no 导读 at all', () => {
    const spaced = parseBulletin(issueText(' 【本期导读 】', '1、甲公司开展活动', '☆甲公司开展活动', '正文。'));
    expect(spaced.toc).toHaveLength(1);
    const none = parseBulletin(issueText('☆甲公司开展活动', '正文。'));
    expect(none.toc).toEqual([]);
    expect(none.warnings).toEqual([]);
  });

  it('matches across ASCII and full-width punctuation and a final full stop', async () => {
    const parsed = await parseBulletinFile(fixture('spaced-header.txt'));
    expect(parsed.toc.map((entry) => entry.title)).toEqual([
      '丙学院落实党建工作责任制,发挥政治核心作用',
      '协会组织开展课题调研',
      '党建案例大赛顺利举办',
    ]);
    expect(parsed.articles.map((article) => [article.section, article.title])).toEqual([
      [null, '丙学院落实党建工作责任制，发挥政治核心作用'],
      ['协会动态', '协会组织开展课题调研'],
      ['协会动态', '党建案例大赛顺利举办'],
    ]);
  });

  it('says where 导读 and ☆ headings disagree, and still imports every article', async () => {
    const parsed = await parseBulletinFile(fixture('toc-mismatch.txt'));
    expect(parsed.articles.map((article) => article.title)).toEqual(['庚公司党建工作经验', '癸商会党委开展主题教育', '壬园区党建联盟成立']);
    expect(parsed.warnings).toEqual([
      '本期导读与正文不一致：导读 3 条，正文 ☆ 文章 3 篇',
      '导读第 2 条“辛集团开展志愿服务”在正文中没有对应的 ☆ 文章',
      '正文文章“癸商会党委开展主题教育”不在本期导读中',
    ]);
  });

  it('reports a count mismatch', () => {
    const parsed = parseBulletin(issueText('【本期导读】', '1、甲公司开展活动', '☆甲公司开展活动', '正文。', '☆乙公司开展培训', '正文。'));
    expect(parsed.warnings[0]).toBe('本期导读与正文不一致：导读 1 条，正文 ☆ 文章 2 篇');
  });

  it('reads 导读 entries written with ☆ themselves', () => {
    const parsed = parseBulletin(
      issueText('【本期导读】', '☆甲公司开展活动', '☆协会动态：协会召开会议', '☆甲公司开展活动', '正文。', '☆协会召开会议', '正文。'),
    );
    expect(parsed.toc.map((entry) => [entry.section, entry.title])).toEqual([
      [null, '甲公司开展活动'],
      ['协会动态', '协会召开会议'],
    ]);
    expect(parsed.articles.map((article) => [article.section, article.title])).toEqual([
      [null, '甲公司开展活动'],
      ['协会动态', '协会召开会议'],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('splits articles by the 导读 titles when no heading carries ☆', async () => {
    const parsed = await parseBulletinFile(fixture('no-star.txt'));
    expect(parsed.articles.map((article) => [article.title, texts(article)])).toEqual([
      ['子公司党支部创新组织生活', ['子公司党支部把组织生活搬到生产一线。']],
      ['丑集团党委开展党员承诺践诺', ['丑集团党委组织党员公开承诺，年底集中评议。']],
    ]);
    expect(parsed.warnings).toEqual(['正文中没有以 ☆ 开头的标题，已按本期导读中的标题划分文章']);
  });
});

describe('☆ headings and sections', () => {
  it('reads headings with and without a space, indented by spaces or U+3000', async () => {
    const parsed = await parseBulletinFile(fixture('compact-header.txt'));
    expect(parsed.articles.map((article) => [article.section, article.title, shape(article)])).toEqual([
      [null, '甲公司党支部开展主题党日活动', 'p'],
      [null, '乙集团党委建立党员先锋指数', 'hphp'],
      ['协会动态', '协会召开秘书长会议', 'p'],
    ]);
    expect(parsed.articles[1]!.blocks[0]).toMatchObject({ type: 'heading', level: 2 });
  });

  it('takes the title of a bare ☆协会动态 from the next line', async () => {
    const parsed = await parseBulletinFile(fixture('no-header.txt'));
    expect(parsed.articles.map((article) => [article.section, article.title, texts(article).length])).toEqual([
      [null, '戊医院党支部积极开展“红色义工”活动', 2],
      ['协会动态', '市两新组织党务工作者协会召开一届三次会员大会', 2],
    ]);
  });

  it('reads a heading that Word made bold or a list item', () => {
    const parsed = parseBulletin(issueText('**☆甲公司开展活动**', '正文。', '- ☆ 乙公司开展培训', '正文。'));
    expect(parsed.articles.map((article) => article.title)).toEqual(['甲公司开展活动', '乙公司开展培训']);
  });

  it('names a bare ☆协会动态 by its section when no title line follows', () => {
    const parsed = parseBulletin(issueText('☆协会动态', '2 月 17 日上午，协会秘书处座谈近期工作，研究全年工作安排。'));
    expect(parsed.articles[0]).toMatchObject({ section: '协会动态', title: '协会动态' });
    expect(texts(parsed.articles[0]!)).toHaveLength(1);
    expect(parsed.warnings).toEqual(['第 1 篇文章“☆协会动态”之后没有单独的标题行，已用“协会动态”作标题']);
  });

  it('splits 协会动态之一：TITLE and 协会动态：TITLE, but not an ordinary colon title', () => {
    const parsed = parseBulletin(
      issueText(
        '☆协会动态之一：协会召开会长会议。',
        '正文。',
        '☆协会动态：协会举办培训班',
        '正文。',
        '☆西子集团党建：以干部党员为带头先锋',
        '正文。',
      ),
    );
    expect(parsed.articles.map((article) => [article.section, article.title])).toEqual([
      ['协会动态', '协会召开会长会议'],
      ['协会动态', '协会举办培训班'],
      [null, '西子集团党建：以干部党员为带头先锋'],
    ]);
  });

  it('lets a 导读 entry “5、协会动态：TITLE” give its section to a plain ☆ heading', () => {
    const parsed = parseBulletin(issueText('【本期导读】', '- 1、协会动态：协会召开会长会议', '☆协会召开会长会议', '正文。'));
    expect(parsed.articles[0]).toMatchObject({ section: '协会动态', title: '协会召开会长会议' });
    expect(parsed.warnings).toEqual([]);
  });
});

describe('distribution', () => {
  it('reads tab-indented lists with ASCII commas and semicolons', async () => {
    const parsed = await parseBulletinFile(fixture('compact-header.txt'));
    expect(parsed.issue.distribution).toEqual({
      report: ['市委组织部', '市委“两新”工委', '各区、县（市）委组织部'],
      send: ['协会会员', '各片组组长'],
    });
  });

  it('follows a list onto the next line, reads 报送 / 抄送, both labels on one line, and skips the footer', () => {
    const text = [
      ...HEADER,
      '☆标题',
      '正文。',
      '报送：省委组织部，市委组织部、',
      '　　各区、县(市)委组织部，张仲灿',
      '抄送：协会会员, 各片组',
      '（共印 100 份）',
    ].join('\n');
    expect(parseBulletin(text).issue.distribution).toEqual({
      report: ['省委组织部', '市委组织部', '各区、县(市)委组织部', '张仲灿'],
      send: ['协会会员', '各片组'],
    });
    const inline = parseBulletin([...HEADER, '☆标题', '正文。', '报：市委组织部 发：协会会员'].join('\n'));
    expect(inline.issue.distribution).toEqual({ report: ['市委组织部'], send: ['协会会员'] });
  });

  it('does not take a body line starting with 发 for the 发： line', () => {
    const parsed = parseBulletin([...HEADER, '☆标题', '发展党员工作稳步推进。', ...FOOTER].join('\n'));
    expect(texts(parsed.articles[0]!)).toEqual(['发展党员工作稳步推进。']);
  });

  it('warns when there is none', () => {
    const parsed = parseBulletin([...HEADER, '☆标题', '正文。'].join('\n'));
    expect(parsed.issue.distribution).toEqual({ report: [], send: [] });
    expect(parsed.warnings).toEqual(['没有找到报送范围（“报：”“发：”）']);
  });
});

describe('Word conversion debris', () => {
  it('drops bookmarks and page numbers, rejoins the split sentence, keeps bold and list items', async () => {
    const parsed = await parseBulletinFile(fixture('word-debris.txt'));
    const [article] = parsed.articles;
    expect(article!.title).toBe('己集团党委推行“书记直通车”');
    expect(shape(article!)).toBe('phll');
    expect(texts(article!)).toEqual([
      '己集团党委设立“书记直通车”，员工可直接向党委书记提出意见建议。一是线上留言，二是线下面谈，党委书记每周集中答复一次，做到件件有回音、事事有着落，让员工的心声被听见。今年以来共收到建议 120 条。',
      '主要做法',
      '建立台账，逐条登记。',
      '限时答复，跟踪落实。',
    ]);
    expect(article!.blocks[0]!.spans.filter((span) => span.bold)).toEqual([
      { text: '一是', bold: true },
      { text: '二是', bold: true },
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('normalises odd whitespace and a byte-order mark', () => {
    const parsed = parseBulletin(`\uFEFF${HEADER.join('\r\n')}\r\n☆\u00A0标题\u3000\r\n\u3000\u3000正文\u2002内容。\u200B\r\n`);
    expect(parsed.articles[0]!.title).toBe('标题');
    expect(texts(parsed.articles[0]!)).toEqual(['正文 内容。']);
  });
});

describe('sub-headings and page-break repair', () => {
  function blocksOf(...body: string[]) {
    const parsed = parseBulletin(issueText('☆标题', ...body));
    return { shape: shape(parsed.articles[0]!), texts: texts(parsed.articles[0]!), blocks: parsed.articles[0]!.blocks };
  }

  it('reads 一、/（一）/1、/1./（1） short lines as headings of levels 1, 2, 3', () => {
    const { blocks } = blocksOf('一、总体要求', '（一）工作目标', '1、目标', '正文。', '2.措施', '正文。', '（3）保障', '正文。');
    expect(blocks.map((block) => (block.type === 'heading' ? block.level : block.type))).toEqual([
      1,
      2,
      3,
      'paragraph',
      3,
      'paragraph',
      3,
      'paragraph',
    ]);
  });

  it('reads a run of same-level numbered lines as list items', () => {
    const { shape: result, texts: items } = blocksOf('三、主要做法', '1、建立台账', '2、限时答复', '3、跟踪落实', '正文。');
    expect(result).toBe('hlllp');
    expect(items.slice(1, 4)).toEqual(['1、建立台账', '2、限时答复', '3、跟踪落实']);
  });

  it('reads a numbered line with more than one sentence or over 40 characters as a paragraph', () => {
    const long = `一、${'很长的标题'.repeat(8)}。`;
    const { shape: result } = blocksOf('一、加强组织建设。健全党组织。', '正文。', long, '正文。');
    expect(result).toBe('pppp');
  });

  it('reads a whole-line bold run and a short stand-alone line as headings, but not the last line', () => {
    const { shape: result } = blocksOf('**主要做法**', '正文。', '开展免费义诊活动', '正文。', '（西子集团党委）');
    expect(result).toBe('hphpp');
  });

  it('does not join a short open line, or a paragraph that starts its own enumeration', () => {
    const open = '党委结合实际情况开展了形式多样的主题活动并且取得了良好的效果和';
    const { texts: result } = blocksOf(open, '二是加强学习。', '市两新组织党务工作者协会召开会员大会', '会议表彰了先进。');
    expect(result).toEqual([open, '二是加强学习。', '市两新组织党务工作者协会召开会员大会', '会议表彰了先进。']);
  });

  it('keeps a space when the page break falls between two Latin words', () => {
    const { texts: result } = blocksOf('党委开发了党建应用，员工在手机上即可参加学习，这个应用名叫 Party', 'Cloud，很受欢迎。');
    expect(result).toEqual(['党委开发了党建应用，员工在手机上即可参加学习，这个应用名叫 Party Cloud，很受欢迎。']);
  });
});

describe('refusals', () => {
  it('refuses text that is not a newsletter', async () => {
    await expect(parseBulletinFile(fixture('not-a-bulletin.txt'))).rejects.toMatchObject({
      name: 'BulletinImportError',
      reason: bulletinRefusals.not_a_bulletin.reason,
    });
  });

  it('refuses text with no content', () => {
    expect(() => parseBulletin(' \n\u3000\n[bookmark: _GoBack]\n')).toThrow(BulletinImportError);
    expect(() => parseBulletin('\n\n')).toThrow(
      expect.objectContaining({ reason: uploadRefusals.file_empty.reason, message: expect.stringMatching(/没有任何文字/) }),
    );
  });

  it('imports an issue that has a header but no article, with a warning', () => {
    const parsed = parseBulletin([...HEADER, ...FOOTER].join('\n'));
    expect(parsed.articles).toEqual([]);
    expect(parsed.warnings).toContain('没有找到任何文章（以 ☆ 开头的标题）');
  });
});
