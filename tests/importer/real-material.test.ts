// The importer on real material: each rule on the real fragment that taught it (the national
// reports in tests/fixtures/importer-real/ are excerpts of /work/shared/corpora, kept byte for
// byte; the other fragments come from the development set), Word and HTML files made here, and
// the development set's targets.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document as DocxDocument, Packer, Paragraph } from 'docx';
import { describe, expect, test } from 'vitest';
import { classifyChrome } from '../../src/importer/chrome-patterns.ts';
import { joinLinkBreaks, splitRunTogetherParagraphs } from '../../src/importer/clean.ts';
import { extractDates } from '../../src/importer/extract-date.ts';
import { extractSpeaker } from '../../src/importer/extract-speaker.ts';
import { splitGluedHeader } from '../../src/importer/extract-title.ts';
import { classifyType } from '../../src/importer/extract-type.ts';
import { importFile, importPage, type ImportReport } from '../../src/importer/import-page.ts';
import { createEntityIndex } from '../../src/importer/link.ts';
import { findProvenance, parseManifest } from '../../src/importer/manifest.ts';
import { isUnsupportedDate, judgePage, type DevCheck, type DevTruth } from '../../src/importer/score-devset.ts';
import { documentRecordSchema } from '../../src/schema/document.ts';
import type { Person } from '../../src/schema/index.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const person = (id: string, zh: string, aliases: string[] = []): Person =>
  ({ id, name: { zh, en: '' }, aliases }) as unknown as Person;
const index = createEntityIndex({
  enterprises: [],
  directives: [],
  people: [person('li-peng', '李鹏'), person('li-keqiang', '李克强', ['李克強'])],
});
const importText = (text: string, name = 'page.txt'): ImportReport =>
  importPage(new TextEncoder().encode(text), name, { index }).report;
const importReal = (name: string) => {
  const bytes = readFileSync(join(FIXTURES, 'importer-real', name));
  return importPage(bytes, name, { index });
};

describe('the national reports (issue 16)', () => {
  test('1997: a ——date line in full-width digits, the meeting, and 国务院总理李鹏 linked by name', () => {
    const { report, draft } = importReal('gwr-1997-opening.txt');
    expect(report).toMatchObject({
      title: '1997年政府工作报告',
      type: 'report',
      date: '1997-03-01',
      date_precision: 'day',
      date_basis: 'stated',
      date_evidence: '——１９９７年３月１日在第八届全国人民代表大会第五次会议上',
      meeting: '第八届全国人民代表大会第五次会议',
      speaker: 'li-peng',
      speaker_role: '国务院总理',
      body_first_line: '各位代表：',
    });
    expect(draft?.frontmatter.meeting).toEqual({ zh: '第八届全国人民代表大会第五次会议', en: '' });
    expect(draft?.frontmatter.speaker_role).toEqual({ zh: '国务院总理', en: '' });
  });

  test('a speaker line with or without a space, and a name known only by an alias', () => {
    const people = [{ id: 'li-keqiang', names: ['李克强', '李克強'] }];
    expect(extractSpeaker(['国务院总理  李克强'.replace(/ +/, ' ')], [], people)).toMatchObject({
      id: 'li-keqiang',
      role: '国务院总理',
    });
    expect(extractSpeaker(['国务院副总理兼国家计划委员会主任李富春'], [], [])).toMatchObject({
      name: '李富春',
      role: '国务院副总理兼国家计划委员会主任',
    });
  });

  test('2020: the header and paragraphs on one line are split; the stated date wins over the wire dateline', () => {
    const line = readFileSync(join(FIXTURES, 'importer-real', 'gwr-2020-one-line.txt'), 'utf8');
    expect(
      splitRunTogetherParagraphs(line)
        .slice(0, 5)
        .map((part) => part.replace(/\s+/g, ' ')),
    ).toEqual([
      '新华社北京5月29日电',
      '政府工作报告',
      '——2020年5月22日在第十三届全国人民代表大会第三次会议上',
      '国务院总理 李克强',
      '各位代表：',
    ]);
    const { report } = importReal('gwr-2020-one-line.txt');
    expect(report).toMatchObject({
      title: '政府工作报告',
      date: '2020-05-22',
      date_basis: 'stated',
      published: '2020-05-29',
      speaker: 'li-keqiang',
      meeting: '第十三届全国人民代表大会第三次会议',
      body_first_line: '各位代表：',
    });
  });

  test('Wikisource: title line, broken links joined, zero-width spaces gone, the licence trailer never body', () => {
    const { report, draft } = importReal('gwr-2021-wikisource.txt');
    expect(report).toMatchObject({
      title: '2021年中华人民共和国国务院政府工作报告',
      date: '2021-03-05',
      date_basis: 'stated',
      speaker_role: '国务院总理',
      body_first_line: '各位代表：',
    });
    expect(report.body_last_line).toMatch(/不懈奋斗！$/);
    expect(draft!.markdown).not.toMatch(/Public domain|本作品|false|\u200b/);
    expect(
      joinLinkBreaks([
        '根据《',
        '中华人民共和国著作权法',
        '》第五条第一项，本作品不适用于该法，在',
        '中国大陆',
        '，也可能',
      ]),
    ).toEqual(['根据《中华人民共和国著作权法》第五条第一项，本作品不适用于该法，在中国大陆，也可能']);
  });

  test('a Party Congress report: its label is no part of the title, its date is the congress opening, inferred with the evidence', () => {
    const { report, draft } = importReal('cpc-15-wikisource.txt');
    expect(report).toMatchObject({
      title: '高举邓小平理论伟大旗帜，把建设有中国特色社会主义事业全面推向二十一世纪',
      type: 'report',
      date: '1997-09-12',
      date_basis: 'inferred',
      meeting: '中国共产党第十五次全国代表大会',
      body_first_line: '同志们：',
    });
    expect(draft!.frontmatter.date_note?.zh).toMatch(/十五大|第十四届中央委员会/);
    expect(draft!.markdown).not.toMatch(/Public domain|本作品来自/);
  });

  test('the latest year a text mentions is never its date (plans name target years)', () => {
    const dates = extractDates({
      header: [],
      paragraphs: ['同志们：', '到二〇一〇年，建成比较完善的社会主义市场经济体制；到2020年国民经济更加发展。'],
      pageLines: [],
    });
    expect(dates.date).toBeUndefined();
  });
});

describe('unseen real pages (issue 17)', () => {
  test('an undated draft passes as a draft; published, the checker names the missing date', () => {
    const report = importText(
      '同志们:\n这次会议的主要任务是深入学习贯彻党的二十大精神，部署今后一个时期的重点任务。\n',
    );
    expect(report.date).toBeNull();
    expect(report.warnings.join('\n')).toMatch(/no date: neither the text nor the page states one/);
    const draft = importPage(
      new TextEncoder().encode(
        '同志们:\n这次会议的主要任务是深入学习贯彻党的二十大精神，部署今后一个时期的重点任务。\n',
      ),
      'x.txt',
      { index },
    ).draft!;
    expect(documentRecordSchema.safeParse(draft.frontmatter).success).toBe(true);
    const published = documentRecordSchema.safeParse({ ...draft.frontmatter, status: 'published', review: undefined });
    expect(published.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toMatch(
      /^date: published documents need a date/m,
    );
  });

  test('site chrome is never a title (tianshui.gov.cn, toolbars, English toolbars)', () => {
    for (const line of [
      '收藏 打印 关闭 字体:[ ]',
      '公开范围: 公开',
      '颁布时间:2014-04-25',
      'Font Size: A A A',
      ' 索 引 号  20230628-112137-065  发布机构  市政府国资委',
      '22.23KB',
      'VIP专免',
      '/ 新闻中心 / 中煤要闻',
    ])
      expect(classifyChrome(line.trim()), line).toBeDefined();
    const text = readFileSync(join(FIXTURES, 'importer-dev', 'tianshui-gov-opinions.txt'), 'utf8');
    expect(importText(text)).toMatchObject({
      title: '中共天水市委 天水市人民政府关于深化国有企业改革的实施意见',
      type: 'notice',
      date: null,
      published: '2020-08-26',
    });
  });

  test('a headline is the line above the lead; the lead has no year, so there is no date (jsfyjt.com)', () => {
    const text = readFileSync(join(FIXTURES, 'importer-dev', 'jsfyjt-monthly-meeting.txt'), 'utf8');
    expect(importText(text)).toMatchObject({ title: '集团公司召开6月份月度工作推进会', type: 'news', date: null });
  });

  test('a year in a speech title, a date in a news lead, a date under the signature in Chinese numerals', () => {
    expect(
      importText(
        '在2025年全市国资国企工作会议上的讲话\n同志们：\n今天召开全市国资国企工作会议，主要任务是总结工作、部署任务。\n',
      ),
    ).toMatchObject({ date: '2025', date_precision: 'year', date_basis: 'stated' });
    const lead = readFileSync(join(FIXTURES, 'importer-dev', 'miseblog-retreat-2023.txt'), 'utf8');
    expect(importText(lead)).toMatchObject({ date: '2023-01-29', date_basis: 'stated', type: 'news' });
    const signed = extractDates({
      header: [],
      paragraphs: ['各市属国有企业：', '现将有关事项通知如下，请遵照执行。', '某市国资委', '二〇一五年七月二十四日'],
      pageLines: [],
    });
    expect(signed).toMatchObject({ date: '2015-07-24', basis: 'stated', evidence: '二〇一五年七月二十四日' });
  });

  test('a headline run into its lead and a title run into its salutation are split (mk-tips.com, xiaomilidoc.com)', () => {
    expect(
      splitGluedHeader([
        '集團召開2022年終總結大會2023年1月13日,集團2022年終總結大會在總部一會議室召開。集團高層及職工代表180余人參加會議。',
      ]).slice(0, 2),
    ).toEqual([
      '集團召開2022年終總結大會',
      '2023年1月13日,集團2022年終總結大會在總部一會議室召開。集團高層及職工代表180余人參加會議。',
    ]);
    const text = readFileSync(join(FIXTURES, 'importer-dev', 'xiaomilidoc-city-report.txt'), 'utf8');
    expect(importText(text)).toMatchObject({ type: 'report', date: '2022', body_first_line: '各位代表:' });
  });

  test('a title over a —— subtitle (fx361.cc)', () => {
    const text = readFileSync(join(FIXTURES, 'importer-dev', 'fx361-mixed-ownership-efficiency.txt'), 'utf8');
    expect(importText(text)).toMatchObject({
      title: '混合所有制改革模式对生产要素投入效率的影响',
      subtitle: '基于沪深两市上市公司的实证分析',
      type: 'other',
    });
  });

  test.each([
    [['中共天水市委 天水市人民政府关于深化国有企业改革的实施意见'], [], 'notice'],
    [
      [],
      [
        '各縣區黨委和人民政府:',
        '為認真貫徹落實省委、省政府《關于深化國有企業改革的實施意見》，結合我市實際，制定以下實施意見。',
      ],
      'notice',
    ],
    [['企业国有资产法解读(国有企业固定资产管理办法)'], [], 'other'],
    [['中华人民共和国企业国有资产法'], [], 'law'],
    [[], ['本网讯(记者 董云峰)5月24日,市委副书记、代市长柴宝良主持召开市属国有企业集团座谈会。'], 'news'],
    [[], ['8月30日,市政府組織召開專題會議研究國企改革和高質量發展工作。'], 'news'],
    [
      ['國務院國資委黨委認真學習習近平總書記近期重要講話重要指示精神'],
      ['4月29日,國務院國資委黨委召開擴大會議,認真傳達學習習近平總書記重要講話精神。'],
      'news',
    ],
    [[], ['各位代表:', '现在,我代表市人民政府,向大会报告工作,请予审议。'], 'report'],
  ])('type of %j / %j is %s', (titles, paragraphs, type) => {
    const info = classifyType(titles, paragraphs);
    expect(info.type).toBe(type);
    expect(info.reason.length).toBeGreaterThan(10);
  });
});

describe('Word and HTML files', () => {
  test('a .docx made here is read through mammoth', async () => {
    const doc = new DxDoc();
    const bytes = new Uint8Array(await Packer.toBuffer(doc.build()));
    const { report } = await importFile(bytes, 'speech.docx', { index });
    expect(report).toMatchObject({
      ok: true,
      encoding: 'docx',
      title: '在集团公司2023年工作会议上的讲话',
      type: 'speech',
      date: '2023-01-16',
      date_basis: 'stated',
      body_first_line: '同志们：',
    });
  });

  test('a saved page made here: the article is found, the site chrome left out', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>集团召开2024年党风廉政建设工作会议_某集团</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/n">新闻中心</a> | <a href="/d">党建工作</a></div>
<div class="tools">收藏 打印 关闭 字体:[大 中 小]</div>
<article><h1>集团召开2024年党风廉政建设工作会议</h1><p class="info">发布时间：2024-02-21 来源：党委办公室</p>
<p>2月20日上午，集团召开2024年党风廉政建设工作会议，总结2023年党风廉政建设和反腐败工作，部署2024年重点任务。</p>
<p>会议指出，要坚持严的基调不动摇，持续深化正风肃纪反腐，为集团高质量发展提供坚强保障。</p>
<p>会议要求，各单位要压紧压实管党治党政治责任，推动全面从严治党向纵深发展。</p></article>
<div class="footer">版权所有 © 2024 某集团 备案号：京ICP备00000000号</div></body></html>`;
    const { report, draft } = await importFile(new TextEncoder().encode(html), 'page.html', { index });
    expect(report).toMatchObject({
      title: '集团召开2024年党风廉政建设工作会议',
      type: 'news',
      date: '2024-02-20',
      date_basis: 'inferred',
      published: '2024-02-21',
    });
    expect(report.body_first_line).toMatch(/^2月20日上午/);
    expect(draft!.markdown).not.toMatch(/收藏|版权所有|首页/);
  });

  test('a PDF is refused with what to do', async () => {
    const { report } = await importFile(new TextEncoder().encode('%PDF-1.4\n...'), 'a.pdf', { index });
    expect(report.error).toMatch(/PDF.*copy its text into a \.txt file/);
  });
});

describe('--manifest', () => {
  const bytes = new TextEncoder().encode('1997年政府工作报告\n');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const manifest = parseManifest(
    JSON.stringify([
      {
        file: 'gov-work-reports/1997.txt',
        sha256,
        repository: 'ropensci/textworkshop17',
        commit: 'd26f42fd17ef481855c2221b02abb7d70148a532',
        taken_from: 'demos/chineseDemo/govReports/ (one file per report)',
        source_url: 'https://zh.wikisource.org/wiki/x',
      },
    ]),
    '/data/manifest.json',
  );

  test('fills the repository, commit, path and URL of a listed file', () => {
    expect(findProvenance(manifest, '/data/gov-work-reports/1997.txt', bytes)).toEqual({
      repository: {
        url: 'https://github.com/ropensci/textworkshop17',
        commit: 'd26f42fd17ef481855c2221b02abb7d70148a532',
        path: 'demos/chineseDemo/govReports/',
      },
      url: 'https://zh.wikisource.org/wiki/x',
    });
    expect(findProvenance(manifest, '/data/other.txt', bytes)).toBeUndefined();
  });

  test('the draft of a listed file records its repository and names its site by it', () => {
    const raw = readFileSync(join(FIXTURES, 'importer-real', 'gwr-1997-opening.txt'));
    const provenance = {
      repository: {
        url: 'https://github.com/ropensci/textworkshop17',
        commit: 'd26f42fd17ef481855c2221b02abb7d70148a532',
        path: 'demos/chineseDemo/govReports/',
      },
    };
    const { draft, report } = importPage(raw, '1997.txt', { index, provenance });
    expect(draft!.frontmatter.source).toMatchObject({
      repository: provenance.repository,
      site: { en: 'Repository ropensci/textworkshop17' },
    });
    expect(report.warnings.join('\n')).not.toMatch(/does not name its site/);
    expect(documentRecordSchema.safeParse(draft!.frontmatter).success).toBe(true);
  });

  test('refuses a file whose SHA-256 differs, and a record without a commit', () => {
    expect(() => findProvenance(manifest, '/data/gov-work-reports/1997.txt', new TextEncoder().encode('x'))).toThrow(
      /its SHA-256 is [0-9a-f]{64}, but the manifest lists gov-work-reports\/1997.txt/,
    );
    expect(() => parseManifest('[{"file":"a.txt","sha256":"x"}]', 'm.json')).toThrow(/m.json: record 1 \(a.txt\)/);
  });
});

describe('the development set', () => {
  test('meets the targets: title and type >= 90 %, stated dates >= 95 %, first lines >= 90 %, no unsupported date', () => {
    const dir = join(FIXTURES, 'importer-dev');
    const truths = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as DevTruth[];
    expect(truths.length).toBeGreaterThanOrEqual(60);
    const checks: DevCheck[] = [];
    let unsupported = 0;
    for (const truth of truths) {
      const { report } = importPage(readFileSync(join(dir, truth.file)), truth.file, { index });
      checks.push(...judgePage(truth, report));
      if (isUnsupportedDate(truth, report)) unsupported += 1;
    }
    const share = (field: string): number => {
      const mine = checks.filter((c) => c.field === field);
      return mine.filter((c) => c.ok).length / mine.length;
    };
    expect(share('title')).toBeGreaterThanOrEqual(0.9);
    expect(share('type')).toBeGreaterThanOrEqual(0.9);
    expect(share('stated_date')).toBeGreaterThanOrEqual(0.95);
    expect(share('first_line')).toBeGreaterThanOrEqual(0.9);
    expect(unsupported).toBe(0);
  });
});

/** A Word file as an editor would save one: title, date line, salutation, paragraphs. */
class DxDoc {
  build(): DocxDocument {
    const lines = [
      '在集团公司2023年工作会议上的讲话',
      '（2023年1月16日）',
      '同志们：',
      '今天召开集团公司2023年工作会议，主要任务是总结2022年工作，部署2023年重点任务。',
      '一、2022年工作回顾',
      '过去一年，集团公司深入实施国企改革三年行动，各项工作取得新成效。',
    ];
    return new DxDocument({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] });
  }
}
const DxDocument = DocxDocument;
