import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyChrome } from '../../src/importer/chrome-patterns.ts';
import {
  cleanPage,
  findWrapWidth,
  isEnglishLine,
  joinWrappedLines,
  normaliseLine,
  splitRunTogetherParagraphs,
} from '../../src/importer/clean.ts';
import { removeGluedPinyin } from '../../src/importer/pinyin-glue.ts';

const SOURCES = join(import.meta.dirname, '..', '..', 'content', 'sources');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const source = (id: string): string => readFileSync(join(SOURCES, `${id}.txt`), 'utf8');

describe('removeGluedPinyin', () => {
  test.each([
    ['導(dǎo)語:二輕工作會議講話', '導語:二輕工作會議講話'],
    ['金堆城獨立工礦區(qū)剝離辦社會職能', '金堆城獨立工礦區剝離辦社會職能'],
    ['國(guó)有企業(yè)', '國有企業'],
    // A garbled character keeps no pinyin either: 科學 lost its 科 but W(xué) is still pinyin.
    ['??茖W(xué)的管理', '??茖W的管理'],
    ['國（guó）', '國'],
    ['国(guo)有', '国有'],
  ])('%s → %s', (input, expected) => {
    expect(removeGluedPinyin(input).text).toBe(expected);
  });

  test.each([['第(a)項'], ['公司(China)'], ['方案(送審稿)'], ['(彼 岸)'], ['?dǎo)”變']])('leaves %s alone', (text) => {
    expect(removeGluedPinyin(text).text).toBe(text);
  });
});

describe('normaliseLine', () => {
  test.each([
    ['\u3000\u3000本报讯（记者 李明）3月12日', '本报讯（记者 李明）3月12日'],
    ['真抓实干  攻坚克难', '真抓实干 攻坚克难'],
    ['\u00a0\u00a0\u00a0\u00a0党委办公室', '党委办公室'],
    ['推进改革。。要求：：', '推进改革。要求：'],
    ['重要的作用??梢?,我們', '重要的作用??梢?,我們'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseLine(input)).toBe(expected);
  });
});

describe('classifyChrome', () => {
  test.each([
    ['专锟解报锟斤拷 当前位置:首页 >> 综合信息>>', 'site'],
    ['发布人: 本站 发布时间: 2014-4-16 8:57:21点击数:7875', 'site'],
    ['時間:2022-08-27 10:01:00', 'meta'],
    ['導(dǎo)語:二輕工作會議講話一文來源于網友上傳,不代表本站觀點,若需要原創文章可咨詢客服老師,歡迎參考。', 'site'],
    ['字数:3079 字 浏览:3253次 下载:8次', 'meta'],
    ['== 本文免费阅读 ==', 'site'],
    ['登录 | 注册 | 返回首页', 'nav'],
    ['联系我们 | 服务条款 | 版权声明 | 地理位置 | 网站地图 | 合作单位 | 网站管理', 'site'],
    ['Copyright @ 2020 www.jntzkg.com All Rights Reserved', 'site'],
    ['联系电话:0531-87087302 传真:0531-87087333 邮编:250100 鲁ICP备11009946号', 'site'],
    ['1、本站立足于原创,非会员单篇售价50元起,是本站注册会员,有足够的积分,作品会员价多少就扣减多少;', 'site'],
    ['举报倒卖会员资料的人，举报成功免费赠送一年会员材料！', 'site'],
    ['澳门真人娱乐城 百家乐 注册即送彩金88元 www.example-casino.com', 'spam'],
    ['加微信 abc123456 领取全套资料', 'site'],
    ['· 集团公司召开2020年度总结表彰大会，表彰先进集体和先进个人', 'nav'],
    ['市国资委领导到集团公司调研指导工作，听取工作汇报 [2021-03-02]', 'nav'],
    ['（編輯：林小明）', 'meta'],
    ['廣告：名家講座 立即報名', 'meta'],
    ['2016-03-06 08:12:03 来源：新华网', 'meta'],
  ])('%s is chrome (%s)', (line, kind) => {
    expect(classifyChrome(line)).toBe(kind);
  });

  test.each([
    ['同志们:'],
    ['2019-05-20'],
    ['盛俊泰'],
    ['2014414'],
    ['——在控股集团帮扶解困和改革发展工作分析总结会上的讲话'],
    [
      '本報訊 8月4日上午9點,金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組在渭南市政府常務會議室召開第一次全體會議。',
    ],
    [
      '5、再次强调各企业应当切实承担起责任主体职责。这一点,各企业及相关同志应明白吃透,因此,要充分调动企业领导班子、广大职工的积极性。',
    ],
    ['要加大贷款贴息和会员单位的支持力度，确保积分制管理落到实处。'],
  ])('%s is text', (line) => {
    expect(classifyChrome(line)).toBeUndefined();
  });
});

describe('splitRunTogetherParagraphs', () => {
  test('splits a page scraped onto one line at its paragraph indents', () => {
    const paragraph = '国有企业改革涉及整个社会的方方面面，牵一发而动全身。既是一件大事，又是一件难事。'.repeat(3);
    const line = `\u3000\u3000${paragraph}\u3000\u3000${paragraph}\u3000\u3000谢谢大家。`;
    expect(splitRunTogetherParagraphs(line)).toEqual([
      `\u3000\u3000${paragraph}`,
      `\u3000\u3000${paragraph}`,
      '\u3000\u3000谢谢大家。',
    ]);
    expect(splitRunTogetherParagraphs(`${paragraph}\u3000\u3000的`)).toHaveLength(1);
  });
});

describe('joinWrappedLines', () => {
  test('joins a numbered heading broken mid-word (seed 001) but not a heading above its paragraph', () => {
    expect(
      joinWrappedLines([
        '1、鞏固公有制經濟主體地位,正確認識集體經濟的重要地',
        '位和作用。黨和國家對集體經濟的地位作用歷來高度重視。',
      ]),
    ).toEqual([
      '1、鞏固公有制經濟主體地位,正確認識集體經濟的重要地位和作用。黨和國家對集體經濟的地位作用歷來高度重視。',
    ]);
    expect(
      joinWrappedLines([
        '三、守正创新压实责任，确保整改工作取得实效',
        '省国资委党委巡察组要求，集团公司要在8月上旬向省国资委党委书面报告整改落实情况。',
      ]),
    ).toHaveLength(2);
  });

  test('joins a page hard-wrapped at a fixed width, and never a title into a salutation', () => {
    const wrapped = readFileSync(join(FIXTURES, 'work-report.txt'), 'utf8').split('\n').map(normaliseLine);
    // Wrapped at 76 columns: Han characters take two, digits one.
    expect(findWrapWidth(wrapped)).toBe(76);
    const joined = joinWrappedLines(wrapped);
    expect(joined).toContain(
      '（一）国企改革取得新突破。完成了市建工集团、市粮食集团的混合所有制改革，引进战略投资者4家，引入社会资本18亿元。',
    );
    expect(joinWrappedLines(['在落实省国资委党委第X巡察组反馈意见整改工作动员会上的讲话', '同志们：'])).toHaveLength(2);
  });
});

describe('cleanPage on a page wrapped with indented paragraphs (as text copied from a PDF)', () => {
  test('joins each paragraph, even across a line that ends with a full stop, and keeps the headings', () => {
    const page = cleanPage(readFileSync(join(FIXTURES, 'pdf-wrapped.txt'), 'utf8'));
    expect(page.paragraphs.map((p) => p.slice(0, 8))).toEqual([
      '关于深化市属国有',
      '为贯彻落实中央和',
      '一、总体要求',
      '坚持社会主义市场',
      '二、主要任务',
      '（一）分类推进国',
    ]);
    expect(page.paragraphs[3]).toContain(
      '在重要领域和关键环节取得决定性成果。形成更加符合我国基本经济制度和社会主义市场经济发展要求',
    );
  });
});

describe('cleanPage on the seeds', () => {
  test('keeps the speech of seed 000 from its subtitle to its signature, and nothing of the site', () => {
    const page = cleanPage(source('2014-04-14-jinan-holding-assistance-and-reform-speech'));
    expect(page.paragraphs.slice(0, 5)).toEqual([
      '真抓实干 攻坚克难',
      '确保帮扶解困和改革发展工作年底前取得决定性进展',
      '——在控股集团帮扶解困和改革发展工作分析总结会上的讲话',
      '盛俊泰',
      '2014414',
    ]);
    expect(page.paragraphs.slice(-2)).toEqual(['谢谢大家。', '党委办公室']);
    expect(page.paragraphs.join('\n')).not.toMatch(/栏目导航|锟斤拷|发布人|联系我们|ICP/);
    expect(page.above).toContain('在控股集团帮扶解困和改革发展工作分析总结会上的讲话');
  });

  test('cuts the membership pitch after the text of seed 003', () => {
    const page = cleanPage(source('2012-yiyang-sasac-petitioning-and-soe-reform-exchange-speech'));
    expect(page.paragraphs.at(-1)).toMatch(/以实际成效迎接党的十八大的胜利召开。$/);
    expect(page.below.join('\n')).toMatch(/温馨提示/);
  });

  test('drops the ads above the text of seed 004', () => {
    const page = cleanPage(source('2020-provincial-soe-group-inspection-rectification-speech'));
    expect(page.paragraphs[0]).toBe('在落实省国资委党委第X巡察组反馈意见整改工作动员会上的讲话');
    expect(page.above).toContain('会员群： 免费QQ群：');
  });

  test('removes spam between paragraphs, and says so', () => {
    const page = cleanPage(readFileSync(join(FIXTURES, 'spam-injected.txt'), 'utf8'));
    expect(page.paragraphs.join('\n')).not.toMatch(/娱乐城|www\.|微信/);
    expect(page.paragraphs.at(-1)).toMatch(/确保完成今年的改制任务。$/);
    expect(page.removedInside).toHaveLength(3);
    expect(page.warnings[0]).toMatch(/^removed 3 chrome or spam line\(s\) from inside the text/);
  });

  test('keeps an interleaved English translation out of the body', () => {
    const page = cleanPage(readFileSync(join(FIXTURES, 'law-bilingual.txt'), 'utf8'));
    expect(page.englishLines).toHaveLength(4);
    expect(page.paragraphs.every((p) => !isEnglishLine(p))).toBe(true);
    expect(page.paragraphs.at(-1)).toBe('第三条 国有资产属于国家所有即全民所有。国务院代表国家行使国有资产所有权。');
  });

  test('warns when a page stops mid-sentence', () => {
    const page = cleanPage(readFileSync(join(FIXTURES, 'cut-off.txt'), 'utf8'));
    expect(page.warnings.join('\n')).toMatch(/may be cut off/);
  });
});
