import { describe, expect, test } from 'vitest';
import { detectScript } from '../../src/importer/detect-script.ts';
import { extractDates, findPageDates, readRunTogetherDate } from '../../src/importer/extract-date.ts';
import { extractRegion } from '../../src/importer/extract-region.ts';
import { extractSource } from '../../src/importer/extract-source.ts';
import { extractSpeaker, romaniseName } from '../../src/importer/extract-speaker.ts';
import { composeNewsTitle, extractTitle } from '../../src/importer/extract-title.ts';
import { classifyType } from '../../src/importer/extract-type.ts';
import { findRedactions } from '../../src/importer/find-redactions.ts';
import { findMojibake } from '../../src/importer/find-mojibake.ts';

describe('extractTitle', () => {
  test('reads the ——在…上的讲话 line as the title and the motto above it as the subtitle (seed 000)', () => {
    const header = [
      '真抓实干 攻坚克难',
      '确保帮扶解困和改革发展工作年底前取得决定性进展',
      '——在控股集团帮扶解困和改革发展工作分析总结会上的讲话',
      '盛俊泰',
      '2014414',
    ];
    const info = extractTitle(
      [...header, '同志们:', '结合近期市委市政府、市国资委领导的一系列讲话精神,集团决定召开此次会议。'],
      [],
    );
    expect(info).toMatchObject({
      title: '在控股集团帮扶解困和改革发展工作分析总结会上的讲话',
      subtitle: '真抓实干 攻坚克难 / 确保帮扶解困和改革发展工作年底前取得决定性进展',
      meeting: '控股集团帮扶解困和改革发展工作分析总结会',
      basis: 'dash-line',
      headerLength: 5,
      dropFromBody: [],
    });
  });

  test('takes a lone line above the salutation as the title and out of the body (seed 003)', () => {
    const info = extractTitle(
      [
        '化解信访突出问题 促进国有企业改革',
        '尊敬的xx书记,各位领导,同仁们:',
        '我发言的题目是:《化解信访突出问题,促进国有企业改革》。',
      ],
      ['xx局着力化解国有企业改革中的突出信访问题经验交流发言'],
    );
    expect(info).toMatchObject({ title: '化解信访突出问题 促进国有企业改革', basis: 'header', dropFromBody: [0] });
    expect(info.pageTitle).toBe('xx局着力化解国有企业改革中的突出信访问题经验交流发言');
  });

  test('falls back on the page title, without the site notes, when the text has no header', () => {
    expect(
      extractTitle(
        ['同志們:', '在全國“兩會”剛剛閉幕,在全市開展保持共產黨員先進性教育活動的熱潮下。'],
        ['二輕工作會議講話', '時間:2022-08-27 10:01:00'],
      ).title,
    ).toBe('二輕工作會議講話');
    expect(
      extractTitle(
        ['第一章 总则', '第一条 为了维护国家基本经济制度，巩固和发展国有经济，制定本法。'],
        ['中华人民共和国企业国有资产法（中英文对照）'],
      ).title,
    ).toBe('中华人民共和国企业国有资产法');
    expect(
      extractTitle(
        ['各市属国有企业：', '为贯彻落实有关文件精神，现将有关事项通知如下：'],
        ['关于做好市属企业退休人员社会化管理工作的通知'],
      ).title,
    ).toBe('关于做好市属企业退休人员社会化管理工作的通知');
  });

  test('composes a headline for a news report without one, and says so (seed 002)', () => {
    const first =
      '本報訊 8月4日上午9點,金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組在渭南市政府常務會議室召開第一次全體會議。研究解決改革中存在的困難和問題。';
    expect(composeNewsTitle(first)).toBe('金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議');
    const info = extractTitle([first], []);
    expect(info.basis).toBe('composed');
    expect(info.warnings[0]).toMatch(/composed from the first sentence/);
  });
});

describe('extractDates', () => {
  test('reads the run-together 2014414 as 2014-04-14, with a warning, a note and a defect (seed 000)', () => {
    const dates = extractDates({
      header: ['——在控股集团帮扶解困和改革发展工作分析总结会上的讲话', '盛俊泰', '2014414'],
      paragraphs: ['同志们:'],
      pageLines: ['发布人: 本站 发布时间: 2014-4-16 8:57:21点击数:7875'],
    });
    expect(dates).toMatchObject({ date: '2014-04-14', precision: 'day', basis: 'inferred', published: '2014-04-16' });
    expect(dates.defect?.text).toBe('2014414');
    expect(dates.warnings[0]).toMatch(/"2014414" with its separators lost: read as 2014-04-14/);
  });

  test('keeps only the year when a run-together date reads two ways', () => {
    expect(readRunTogetherDate('2014111')).toEqual(['2014-01-11', '2014-11-01']);
    expect(readRunTogetherDate('2014111', '2014-05-01')).toEqual(['2014-01-11']);
    const dates = extractDates({ header: ['2014111'], paragraphs: [], pageLines: [] });
    expect(dates).toMatchObject({ date: '2014', precision: 'year' });
  });

  test('reads a header date written in Chinese numerals', () => {
    const dates = extractDates({ header: ['（二〇一四年四月十四日）'], paragraphs: [], pageLines: [] });
    expect(dates).toMatchObject({ date: '2014-04-14', precision: 'day', basis: 'stated' });
  });

  test('tells an upload date from a publication date', () => {
    expect(
      findPageDates(['時間:2022-08-27 10:01:00', '導語:二輕工作會議講話一文來源于網友上傳,不代表本站觀點']),
    ).toEqual({ uploaded: '2022-08-27' });
    expect(findPageDates(['来源：市国资委办公室 发布时间：2019-03-13 09:30'])).toEqual({ published: '2019-03-13' });
  });

  test('infers the year of a news report from its content, with the reason (seed 002)', () => {
    const dates = extractDates({
      header: [],
      paragraphs: [
        '本報訊 8月4日上午9點,金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議。',
        '確保按期完成任務,以優異的成績迎接黨的十九大勝利召開。',
      ],
      pageLines: [],
    });
    expect(dates).toMatchObject({ date: '2017-08-04', precision: 'day', basis: 'inferred' });
    expect(dates.note?.en).toMatch(/19th Party Congress/);
  });

  test('infers a redacted year from the five-year plan (seed 001) and reads a stated year with hidden days (seed 004)', () => {
    const redacted = extractDates({
      header: [],
      paragraphs: ['同志們:', '今年是全面實現“十五”計劃的最后一年,總結回顧**年工作。'],
      pageLines: [],
    });
    expect(redacted).toMatchObject({ date: '2005', precision: 'year', basis: 'inferred' });
    const stated = extractDates({
      header: [],
      paragraphs: ['同志们：', '2020年X月X日至X月X日，省国资委党委第X巡察组对集团公司党委进行了为期两个月的巡察。'],
      pageLines: [],
    });
    expect(stated).toMatchObject({ date: '2020', precision: 'year', basis: 'stated' });
  });

  test('reads the date under a notice, and flags a page with no date at all', () => {
    const notice = extractDates({
      header: [],
      paragraphs: ['各市属国有企业：', '现将有关事项通知如下。', '某市国资委', '2019年5月20日'],
      pageLines: [],
    });
    expect(notice).toMatchObject({ date: '2019-05-20', precision: 'day', basis: 'stated' });
    const none = extractDates({ header: [], paragraphs: ['同志们：', '今天召开会议。'], pageLines: [] });
    // Nothing states a date, so the draft has none: never the year of import.
    expect(none.date).toBeUndefined();
    expect(none.basis).toBeUndefined();
    expect(none.warnings[0]).toMatch(/^no date: neither the text nor the page states one/);
  });
});

describe('classifyType', () => {
  test.each([
    [['在控股集团帮扶解困和改革发展工作分析总结会上的讲话'], ['同志们:'], 'speech'],
    [
      ['化解信访突出问题 促进国有企业改革', 'xx局着力化解国有企业改革中的突出信访问题经验交流发言'],
      ['尊敬的xx书记,各位领导,同仁们:'],
      'exchange',
    ],
    [
      ['金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議'],
      ['本報訊 8月4日上午9點,金堆城…'],
      'news',
    ],
    [['在2016年全市国资国企工作会议上的报告'], ['同志们：'], 'report'],
    [['关于做好市属企业退休人员社会化管理工作的通知'], ['各市属国有企业：'], 'notice'],
    [['中华人民共和国企业国有资产法'], ['第一条 为了维护国家基本经济制度。'], 'law'],
    [['二輕工作會議講話'], ['同志們:'], 'speech'],
  ])('%j → %s', (titles, paragraphs, type) => {
    expect(classifyType(titles, paragraphs).type).toBe(type);
  });
});

describe('detectScript, findRedactions, findMojibake', () => {
  test('tells traditional from simplified', () => {
    expect(
      detectScript('金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組在渭南市政府常務會議室召開第一次全體會議。'),
    ).toBe('zh-Hant');
    expect(detectScript('结合近期市委市政府、市国资委领导的一系列讲话精神,集团决定召开此次会议。')).toBe('zh-Hans');
  });

  test('finds the redaction forms of the seeds', () => {
    expect(findRedactions('尊敬的xx书记,各位领导。去年完成xx路沿线8家企业改制')).toEqual(['xx']);
    expect(findRedactions('2020年X月X日至X月X日，省国资委党委第X巡察组')).toEqual(['X月X日', 'X']);
    expect(findRedactions('總結回顧**年工作')).toEqual(['**']);
    expect(findRedactions('二〇〇五年，xxx麻纺厂 Excel 2010年')).toEqual(['xxx']);
  });

  test('reports garbled passages but not a plain question mark', () => {
    expect(findMojibake('有明顯提高??偣颈辉u為市級文明機關').map((m) => m.text)).toEqual(['??偣颈辉u為']);
    expect(findMojibake('變?yōu)椤爸笇?dǎo)”').map((m) => m.kind)).toEqual(['shifted', 'shifted']);
    expect(findMojibake('专锟解报锟斤拷 当前位置')).toEqual([{ text: '锟斤拷', kind: 'kunjinkao' }]);
    expect(findMojibake('为什么这么讲呢?在帮扶解困和改革发展开始的半年多的时间里')).toEqual([]);
  });
});

describe('extractSpeaker, extractRegion, extractSource', () => {
  const people = [{ id: 'sheng-juntai', names: ['盛俊泰'] }];

  test('matches a known speaker, and keeps an unknown one as a name with a warning', () => {
    expect(extractSpeaker(['——在控股集团…上的讲话', '盛俊泰', '2014414'], [], people)).toMatchObject({
      id: 'sheng-juntai',
    });
    const unknown = extractSpeaker(['市国资委主任 赵志刚', '（2016年2月26日）'], [], people);
    expect(unknown).toMatchObject({ name: '赵志刚', role: '市国资委主任', nameEn: 'Zhao Zhigang' });
    expect(unknown.id).toBeUndefined();
    expect(unknown.warnings[0]).toMatch(/not in content\/people/);
    expect(extractSpeaker([], ['王建国在全市国企改革推进会上的讲话'], people).name).toBe('王建国');
    expect(extractSpeaker([], ['市长在全市国企改革推进会上的讲话'], people).name).toBeUndefined();
    expect(romaniseName('盛俊泰')).toBe('Sheng Juntai');
  });

  test('finds the province and city a text names most, in its script', () => {
    expect(extractRegion('陝西省金堆城礦區被列入試點。渭南市政府常務會議室。渭南市國資委。', 'zh-Hant')).toEqual({
      province: { zh: '陝西省', en: 'Shaanxi' },
      city: { zh: '渭南市', en: 'Weinan' },
      basis: 'inferred',
    });
    expect(extractRegion('全市国有企业改革', 'zh-Hans')).toBeUndefined();
  });

  test('reads the URL and publisher from the footer (seed 000)', () => {
    expect(
      extractSource(
        [
          'Copyright @ 2020 www.jntzkg.com All Rights Reserved',
          '主办单位:济南市投资控股集团有限公司 地址:济南市二环东路2717号',
        ],
        '同志们:',
      ),
    ).toEqual({ url: 'http://www.jntzkg.com/', publisher: '济南市投资控股集团有限公司', kind: 'website' });
    expect(extractSource([], '本報訊 8月4日上午9點').kind).toBe('newspaper');
  });
});
