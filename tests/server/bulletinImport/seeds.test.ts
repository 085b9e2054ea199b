import { describe, expect, it } from 'vitest';
import { parseBulletinFile } from '../../../server/src/bulletinImport';
import type { BulletinArticle, ParsedBulletin } from '../../../server/src/bulletinImport';
import { seed, shape, texts } from './helpers';

/**
 * The three real issues. Expected values are read off the seed texts by hand; block shapes use
 * p = paragraph, h = sub-heading, one letter per block.
 */

type Expected = [title: string, section: string | null, shape: string];

function summary(article: BulletinArticle): Expected {
  return [article.title, article.section, shape(article)];
}

function allText(parsed: ParsedBulletin): string {
  return parsed.articles.flatMap(texts).join('\n');
}

describe('bulletin-2015-09-no33 (2015 年第 9 期 总第 33 期)', () => {
  const parsed = parseBulletinFile(seed('bulletin-2015-09-no33.txt'));

  it('reads the header', async () => {
    const { issue } = await parsed;
    expect(issue.year).toBe(2015);
    expect(issue.number).toBe(9);
    expect(issue.totalNumber).toBe(33);
    expect(issue.date).toBe('2015-11-24');
    expect(issue.publisher).toBe('杭州市“两新”党务工作者协会');
  });

  it('finds every article with its section and blocks', async () => {
    const { articles } = await parsed;
    expect(articles.map(summary)).toEqual<Expected[]>([
      ['万向职院落实党建工作责任制,发挥政治核心作用', null, 'phpphppphphp'],
      ['新世纪经贸学院党建工作：全覆盖、常态化、接地气', null, 'phphphp'],
      ['西子集团党建：以干部党员为带头先锋，搭建党员先锋智库平台', null, 'phphpphppp'],
      ['协会组织开展 2015 年课题调研', '协会动态', 'pp'],
      ['“小创意发挥大作用”两新组织党建案例大赛顺利举办', '协会动态', 'pppp'],
    ]);
    expect(articles.map((article) => article.blocks.length)).toEqual([12, 7, 10, 2, 4]);
  });

  it('keeps numbered sub-headings and long numbered paragraphs apart', async () => {
    const [first] = (await parsed).articles;
    const paragraphs = texts(first!);
    expect(paragraphs[1]).toBe('一、以目标管理为手段,落实党建工作责任制');
    expect(paragraphs[4]).toBe('二、以志愿服务为载体，强化党员奉献意识。');
    expect(paragraphs[2]).toMatch(/^1\.明确党群工作年度工作目标。学院党委/);
    expect(first!.blocks[1]).toMatchObject({ type: 'heading', level: 1 });
  });

  it('rejoins the sentences a page break split', async () => {
    const [first, , third, fourth, fifth] = (await parsed).articles;
    expect(texts(first!)[3]).toContain('签订《学生党员目标管理责任书》,新发展的党员根据发展时间同步签订责任书。');
    expect(texts(first!)[11]).toContain('将思政理论课教材中的内容重新进行整合，分成');
    expect(texts(third!)[2]).toContain('凝聚力和向心力进一步增强，真正起到了领导核心作用');
    expect(texts(third!)[8]).toContain('就容易产生心理异常，导致思想情绪波动');
    expect(texts(fourth!)[0]).toContain('为进一步挖掘和提升全市两新组织党建理论探索经验，市两新组织党务工作者协会在前期');
    expect(texts(fifth!)[0]).toMatch(/由市委“两新”工委主办，市两新组织党务工作者协会承办。$/);
  });

  it('turns **bold** markers into bold spans', async () => {
    const third = (await parsed).articles[2]!;
    const bold = third.blocks.flatMap((block) => block.spans.filter((span) => span.bold).map((span) => span.text));
    expect(bold).toEqual(['三是', '四是', '一是', '二是', '三是']);
    expect(allText(await parsed)).not.toContain('**');
  });

  it('reads the 导读 and agrees with it', async () => {
    const { toc, warnings } = await parsed;
    expect(toc.map((entry) => [entry.section, entry.title])).toEqual([
      [null, '万向职院落实党建工作责任制,发挥政治核心作用'],
      [null, '新世纪经贸学院党建工作:全覆盖、常态化、接地气'],
      [null, '西子集团党建:以干部党员为带头先锋,搭建党员先锋智库平台'],
      ['协会动态', '协会组织开展 2015 年课题调研'],
      ['协会动态', '“小创意发挥大作用”两新组织党建案例大赛顺利举办'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the distribution lists', async () => {
    expect((await parsed).issue.distribution).toEqual({
      report: [
        '省委组织部',
        '省委“两新”工委',
        '市委组织部',
        '市委“两新”工委',
        '各区、县（市）委组织部',
        '各区、县（市）委“两新”工委',
        '张仲灿',
      ],
      send: ['协会会员'],
    });
  });
});

describe('bulletin-2015-member-congress (no header, no distribution)', () => {
  const parsed = parseBulletinFile(seed('bulletin-2015-member-congress.txt'));

  it('leaves every header field unknown and says so', async () => {
    const { issue, warnings } = await parsed;
    expect(issue).toEqual({
      year: null,
      number: null,
      totalNumber: null,
      date: null,
      publisher: null,
      distribution: { report: [], send: [] },
    });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/报头缺少年份、期号、总期号、出版日期/);
    expect(warnings[1]).toMatch(/编印单位/);
    expect(warnings[2]).toMatch(/报：/);
  });

  it('finds every article with its section and blocks', async () => {
    const { articles } = await parsed;
    expect(articles.map(summary)).toEqual<Expected[]>([
      ['市委两新工委书记、市委组织部副部长戴文昌在市两新党务工作者协会一届三次会员大会上的讲话（摘要）', null, 'pppppp'],
      ['浙江荣盛集团党委建立“爱E客栈”，积极推进智慧党建', null, 'pppppp'],
      ['传化杭州公路港建立“蓝领驿家”', null, 'phphphphp'],
      ['坚持“三个结合”，思美传媒党建活力不断增强', null, 'ppp'],
      ['浙江绿城医院党支部积极开展“红色义工”活动', null, 'ppp'],
      ['市两新组织党务工作者协会召开一届三次会员大会', '协会动态', 'ppppp'],
    ]);
    expect(articles.map((article) => article.blocks.length)).toEqual([6, 6, 9, 3, 3, 5]);
  });

  it('keeps one line per paragraph and reads the short numbered lines as sub-headings', async () => {
    const [first, , third, , , sixth] = (await parsed).articles;
    expect(texts(first!)[0]).toBe('当前，两新组织党建工作面临着许多新情况新要求，需要我们继续去探索、去实践。下面，我借此机会讲五点意见：');
    expect(texts(third!).filter((_, index) => third!.blocks[index]!.type === 'heading')).toEqual([
      '1、“服务驿家”——以服务吸引蓝领',
      '2、“活力驿家”——以活动凝聚蓝领',
      '3、“成长驿家”——以学习助推蓝领',
      '4、“红色驿家”——以党建引领蓝领',
    ]);
    expect(third!.blocks[1]).toMatchObject({ type: 'heading', level: 3 });
    expect(texts(sixth!)[0]).toMatch(/^2015年3月9日，市两新组织党务工作者协会在萧山东方文化园太虚湖酒店/);
  });

  it('reads the indented 导读 with its section-only entry', async () => {
    const { toc } = await parsed;
    expect(toc).toHaveLength(6);
    expect(toc[0]!.title).toBe('市委两新工委书记、市委组织部副部长戴文昌在市两新党务工作者协会一届三次会员大会上的讲话（摘要）');
    expect(toc[5]).toEqual({ text: '协会动态', section: '协会动态', title: null });
  });
});

describe('bulletin-2016-02-no36 (2016 年第 2 期总第 36 期)', () => {
  const parsed = parseBulletinFile(seed('bulletin-2016-02-no36.txt'));

  it('reads the header with publisher and date on one line', async () => {
    const { issue, warnings } = await parsed;
    expect([issue.year, issue.number, issue.totalNumber, issue.date, issue.publisher]).toEqual([
      2016,
      2,
      36,
      '2016-02-18',
      '杭州市“两新”党务工作者协会',
    ]);
    expect(warnings).toEqual([]);
  });

  it('finds every article; the 导读 gives the last one its section', async () => {
    const { articles } = await parsed;
    expect(articles.map(summary)).toEqual<Expected[]>([
      ['建华文创园党总支着力打造“131”青春党建体系', null, 'ppppp'],
      ['新安集团实施“四双四化”，实现党建工作与生产经营深度融合，互动双赢', null, 'pppppp'],
      ['钱江新城中央商务区党委三同步打造“党建共同体”', null, 'pppppp'],
      ['杭州市注会行业党委举行“星火传承 先锋接力”网络击鼓传花活动', null, 'ppp'],
      ['杭州市委组织部两新处领导到协会座谈近期工作', '协会动态', 'pp'],
    ]);
    expect(articles.map((article) => article.blocks.length)).toEqual([5, 6, 6, 3, 2]);
  });

  it('rejoins the sentences a page break split', async () => {
    const [, second, third, fourth] = (await parsed).articles;
    expect(texts(second!)[0]).toContain('新安集团党建形成了“四个双”：一是绿色化学与红色保障“双品牌”。');
    expect(texts(second!)[1]).toMatch(/据统计，近3届支部书记中，共有20 多人得到提拔或转岗使用。$/);
    expect(texts(second!)[4]).toContain('一知：知道员工的真实需求，三解：');
    expect(texts(third!)[3]).toMatch(/^一、实现了组织覆盖与企业引入双同步。通过将工作关口前移，/);
    expect(texts(fourth!)[2]).toContain('尤其是小合唱《祝福祖国》和演绎版《游击队之歌》等视频');
  });

  it('keeps the bold runs of the second article', async () => {
    const second = (await parsed).articles[1]!;
    const bold = second.blocks.flatMap((block) => block.spans.filter((span) => span.bold).map((span) => span.text));
    expect(bold).toEqual([
      '二是生产经营与党建工作“双经营”',
      '三是生产经营骨干与党员骨干“双培养”',
      '四是党建创新成果与经营管理成果“双激励”',
      '一是基层党支部书记选举民主化',
    ]);
  });

  it('reads the distribution lists', async () => {
    expect((await parsed).issue.distribution).toEqual({
      report: [
        '省委组织部',
        '省委“两新”工委',
        '市委组织部',
        '市委“两新”工委',
        '市委组织部两新党建处',
        '各区、县（市）委组织部',
        '各区、县（市）委“两新”工委',
        '张仲灿',
        '李志龙',
      ],
      send: ['协会会员'],
    });
  });
});
