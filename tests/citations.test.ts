import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildCitationInput, type CitationInput } from '../src/lib/citations/citation-input.ts';
import { listCitationFiles } from '../src/lib/citations/citation-files.ts';
import { formatBibtex } from '../src/lib/citations/format-bibtex.ts';
import { CITATION_STYLES, CSL_LOCALES, formatCitationStyles } from '../src/lib/citations/csl-styles.ts';
import { formatCslJson, type CslItem } from '../src/lib/citations/format-csl-json.ts';
import { createCslFormatter, parseStyleForOneEntry } from '../src/lib/citations/format-csl-style.ts';
import { readCitationStyleFiles } from '../src/build/citation-style-files.ts';
import { formatParagraphCitation } from '../src/lib/citations/format-paragraph-citation.ts';
import { formatRis } from '../src/lib/citations/format-ris.ts';
import { stripGloss } from '../src/lib/citations/strip-gloss.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { documentSchema, personSchema, type DocumentInput, type Person } from '../src/schema/index.ts';

// Citation.js ships no type declarations; this is the part of its API the tests use.
interface CslRecord {
  [field: string]: unknown;
}
const require = createRequire(import.meta.url);
const { Cite } = require('@citation-js/core') as {
  Cite: new (data: string, options: { forceType: string }) => { data: CslRecord[] };
};
require('@citation-js/plugin-ris');

const ARCHIVE = { zh: '国企改革文献库', en: 'SOE Reform Archive' };
const SITE = 'https://soe-archive.example';

/** The permalinks of a document, as the pages build them. */
function permalinks(id: string) {
  return { zh: `${SITE}/zh/documents/${id}/`, en: `${SITE}/en/documents/${id}/` };
}

const SHENG_JUNTAI: Person = personSchema.parse({
  id: 'sheng-juntai',
  name: { zh: '盛俊泰', en: 'Sheng Juntai' },
  roles: [{ title: { zh: '控股集团主要负责人', en: 'Head of Jinan Investment Holding Group' } }],
});

// Fragments of the seed texts' frontmatter, copied so that editing content/ cannot move these tests.
const JINAN: DocumentInput = {
  id: '2014-04-14-jinan-holding-assistance-and-reform-speech',
  status: 'published',
  type: 'speech',
  title: {
    zh: '在控股集团帮扶解困和改革发展工作分析总结会上的讲话',
    en: "Speech at the Holding Group's Meeting to Analyse and Review the Work of Assistance and Relief and of Reform and Development",
  },
  summary: {
    zh: '盛俊泰在济南市投资控股集团帮扶解困和改革发展工作分析总结会上的讲话。',
    en: 'Speech by Sheng Juntai.',
  },
  date: '2014-04-14',
  date_precision: 'day',
  date_basis: 'inferred',
  date_note: { zh: '原文日期行作“2014414”。', en: 'The date line reads "2014414".' },
  published: '2014-04-16',
  speaker: 'sheng-juntai',
  meeting: {
    zh: '控股集团帮扶解困和改革发展工作分析总结会',
    en: 'Jinan Investment Holding Group meeting to analyse and review the work of assistance and relief and of reform and development',
  },
  region: {
    province: { zh: '山东省', en: 'Shandong' },
    city: { zh: '济南市', en: 'Jinan' },
    basis: 'inferred',
  },
  script: 'zh-Hans',
  source: {
    site: {
      zh: '济南市投资控股集团有限公司网站（综合信息栏目）',
      en: 'Website of Jinan Investment Holding Group Co., Ltd. ("General Information" section)',
    },
    url: 'http://www.jntzkg.com/',
    publisher: { zh: '济南市投资控股集团有限公司', en: 'Jinan Investment Holding Group Co., Ltd.' },
  },
};

const YUEQING: DocumentInput = {
  id: '2005-yueqing-second-light-industry-work-conference-speech',
  status: 'published',
  type: 'speech',
  title: { zh: '二輕工作會議講話', en: 'Speech at the Second Light Industry Work Conference' },
  summary: { zh: '樂清市二輕總公司負責人在全市二輕工作會議上的講話（約2005年）。', en: 'Speech, probably in 2005.' },
  date: '2005',
  date_precision: 'year',
  date_basis: 'inferred',
  date_note: { zh: '原文隱去了年份（“**年”）。', en: 'The source hides the years (**年).' },
  uploaded: '2022-08-27',
  speaker_role: {
    zh: '樂清市二輕總公司負責人（根據總公司黨委意見講話）',
    en: 'Leader of the Yueqing Second Light Industry Corporation, speaking on behalf of its Party committee (the text does not name the speaker)',
  },
  meeting: {
    zh: '全市二輕工作會議（樂清市）',
    en: 'Yueqing City Second Light Industry work conference (held annually)',
  },
  region: {
    province: { zh: '浙江省', en: 'Zhejiang' },
    city: { zh: '樂清市', en: 'Yueqing City' },
    basis: 'inferred',
  },
  script: 'zh-Hant',
  source: {
    site: {
      zh: '未署名的範文分享網站（文章註明“來源于網友上傳”）',
      en: 'An unnamed essay-sharing website (the page says the text was uploaded by a user)',
    },
    redacted: true,
  },
};

const JINDUICHENG: DocumentInput = {
  id: '2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting',
  status: 'published',
  type: 'news',
  title: {
    zh: '金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議',
    en: 'Working Group for the Jinduicheng Independent Industrial and Mining District Pilot on Divesting Social Functions Holds Its First Plenary Meeting',
  },
  summary: { zh: '新聞報道。', en: 'News report.' },
  date: '2017-08-04',
  date_precision: 'day',
  date_basis: 'inferred',
  date_note: { zh: '報道只寫“8月4日”，沒有寫年份。', en: 'The report gives the month and day but not the year.' },
  meeting: {
    zh: '金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組第一次全體會議',
    en: 'First plenary meeting of the working group for the comprehensive reform pilot on divesting the Jinduicheng independent industrial and mining district of its social functions',
  },
  region: {
    province: { zh: '陝西省', en: 'Shaanxi' },
    city: { zh: '渭南市', en: 'Weinan' },
    district: { zh: '華州區', en: 'Huazhou District' },
    basis: 'inferred',
  },
  script: 'zh-Hant',
  source: {
    site: {
      zh: '未署名的報紙（報道以“本報訊”開頭，但沒有寫出報紙名稱）',
      en: 'An unnamed newspaper: the report opens with 本報訊 ("this paper\'s report") but does not name the paper',
    },
  },
};

function inputFor(
  frontmatter: DocumentInput,
  extra: { speaker?: Person; accessed?: string; keywords?: string[] } = {},
): CitationInput {
  const doc = documentSchema.parse(frontmatter);
  return buildCitationInput(doc, { archive: ARCHIVE, permalink: permalinks(doc.id), ...extra });
}

const jinan = inputFor(JINAN, { speaker: SHENG_JUNTAI, accessed: '2026-11-21', keywords: ['四个一批', '三严三实'] });
const yueqing = inputFor(YUEQING);
const jinduicheng = inputFor(JINDUICHENG);

/** A document whose every text field is full of characters that BibTeX, RIS and HTML treat specially. */
const awkward = inputFor({
  ...JINAN,
  id: 'awkward-characters',
  title: { zh: '关于50%股权_转让&#1号{方案}~^\\的"XX局"讲话', en: 'On <b>R&D</b> 50% & $5 {braces}' },
  meeting: { zh: '第X次会议', en: 'Meeting #1 of A_B & C' },
  source: {
    site: { zh: '网站', en: 'Site 100% {official}' },
    url: 'http://example.org/a_b?x=1&y=2#frag',
    publisher: { zh: '某公司', en: 'Smith & Sons and Partners' },
    retrieved: '2024-05-01',
  },
});

describe('buildCitationInput', () => {
  test('takes a named speaker, else the office, else (not for news) the publisher as author', () => {
    expect(jinan.author).toEqual({ kind: 'person', name: { zh: '盛俊泰', en: 'Sheng Juntai' } });
    expect(yueqing.author).toEqual({
      kind: 'role',
      role: {
        zh: '樂清市二輕總公司負責人',
        en: 'Leader of the Yueqing Second Light Industry Corporation, speaking on behalf of its Party committee',
      },
    });
    const unnamed = inputFor({ ...JINAN, speaker: undefined });
    expect(unnamed.author).toEqual({ kind: 'organisation', name: JINAN.source.publisher });
  });

  test('does not make a newspaper the author of a news item', () => {
    const paper = { zh: '渭南日報', en: 'Weinan Daily' };
    const news = inputFor({ ...JINDUICHENG, source: { ...JINDUICHENG.source, publisher: paper } });
    expect(news.author).toBeUndefined();
    expect(news.publisher).toEqual(paper);
  });

  test('writes the place in each language order and keeps whether it was inferred', () => {
    expect(jinduicheng.place).toEqual({
      zh: '陝西省渭南市華州區',
      en: 'Huazhou District, Weinan, Shaanxi',
      inferred: true,
    });
  });

  test('uses the publication date, else the upload date, as the date the source put the text out', () => {
    expect(jinan.posted).toEqual({ value: '2014-04-16', kind: 'published' });
    expect(yueqing.posted).toEqual({ value: '2022-08-27', kind: 'uploaded' });
    expect(jinduicheng.posted).toBeUndefined();
  });

  test('rejects a speaker other than the one the document names', () => {
    const doc = documentSchema.parse(YUEQING);
    expect(() =>
      buildCitationInput(doc, { archive: ARCHIVE, permalink: permalinks(doc.id), speaker: SHENG_JUNTAI }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: citation for 2005-yueqing-second-light-industry-work-conference-speech: context.speaker is "sheng-juntai" but the document's speaker is not set; pass the person doc.speaker names]`,
    );
  });
});

describe('stripGloss', () => {
  test.each([
    ['樂清市二輕總公司負責人（根據總公司黨委意見講話）', '樂清市二輕總公司負責人'],
    [
      'Head of the municipal SASAC (the text speaks of "our commission", 我委; the page title calls the office "xx Bureau"); the speaker is not named',
      'Head of the municipal SASAC',
    ],
    ['An unnamed newspaper: the report opens with 本報訊 but does not name the paper', 'An unnamed newspaper'],
    [
      'Yueqing City Second Light Industry work conference (held annually)',
      'Yueqing City Second Light Industry work conference',
    ],
    ['集团党委（扩大）会议', '集团党委（扩大）会议'],
    ['中国铝业（集团）公司', '中国铝业（集团）公司'],
    ['（只有注释）', '（只有注释）'],
  ])('%s', (text, expected) => {
    expect(stripGloss(text)).toBe(expected);
  });
});

describe('formatCitationStyles (citeproc-js with the official CSL styles)', () => {
  const styles = (input: CitationInput) => formatCitationStyles(formatCslJson(input));

  test('a named speaker: each style from the same CSL-JSON item', () => {
    expect(styles(jinan)).toMatchInlineSnapshot(`
      {
        "apa": "盛俊泰. (2014, April 14). <i>在控股集团帮扶解困和改革发展工作分析总结会上的讲话</i> [Speech]. 济南市投资控股集团有限公司. 控股集团帮扶解困和改革发展工作分析总结会, 山东省济南市. <a href="https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/">https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/</a>",
        "chicago": "盛俊泰. 2014. “在控股集团帮扶解困和改革发展工作分析总结会上的讲话.” Speech. 控股集团帮扶解困和改革发展工作分析总结会, 山东省济南市. 济南市投资控股集团有限公司, April 14. <a href="https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/">https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/</a>.",
        "gbt7714": "盛俊泰, 2014. 在控股集团帮扶解困和改革发展工作分析总结会上的讲话[Z/OL]. 济南市投资控股集团有限公司[2026-11-21]. <a href="https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/">https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/</a>.",
        "mla": "盛俊泰. “在控股集团帮扶解困和改革发展工作分析总结会上的讲话.” Speech. 济南市投资控股集团有限公司, 控股集团帮扶解困和改革发展工作分析总结会, 山东省济南市. 国企改革文献库, <a href="https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/">https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/</a>.",
      }
    `);
  });

  test('an unnamed speaker known by office, a year inferred from the content, a traditional title', () => {
    expect(styles(yueqing)).toMatchInlineSnapshot(`
      {
        "apa": "樂清市二輕總公司負責人. (ca. 2005). <i>二輕工作會議講話</i> [Speech]. 全市二輕工作會議, 浙江省樂清市. <a href="https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/">https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/</a>",
        "chicago": "樂清市二輕總公司負責人. [2005?]. “二輕工作會議講話.” Speech. 全市二輕工作會議, 浙江省樂清市. <a href="https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/">https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/</a>.",
        "gbt7714": "樂清市二輕總公司負責人, [2005]. 二輕工作會議講話[Z/OL]. (2005). <a href="https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/">https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/</a>.",
        "mla": "樂清市二輕總公司負責人. “二輕工作會議講話.” Speech. 全市二輕工作會議, 浙江省樂清市. 国企改革文献库, <a href="https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/">https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/</a>.",
      }
    `);
  });

  test('an unsigned news item gives its date once (Chicago wrote "2017, August 4, 2017" by hand)', () => {
    // The year once, the day once, outside the URL (whose id starts with the date).
    const chicago = styles(jinduicheng).chicago.replace(/https?:\S+/g, '');
    expect(chicago.match(/2017/g)).toHaveLength(1);
    expect(chicago.match(/August 4/g)).toHaveLength(1);
    expect(styles(jinduicheng)).toMatchInlineSnapshot(`
      {
        "apa": "<i>金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議</i>. (2017, August 4). [News report]. 金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組第一次全體會議, 陝西省渭南市華州區. <a href="https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/">https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/</a>",
        "chicago": "金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議. 2017. News report. August 4. <a href="https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/">https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/</a>.",
        "gbt7714": "佚名, 2017. 金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議[N/OL]. 2017-08-04. <a href="https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/">https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/</a>.",
        "mla": "金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議. News report. 4 Aug. 2017. 国企改革文献库, <a href="https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/">https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/</a>.",
      }
    `);
  });

  test('GB/T 7714 marks the kind of text: speech, news, report', () => {
    const paper = { zh: '渭南日報', en: 'Weinan Daily' };
    const news = inputFor({
      ...JINDUICHENG,
      published: '2017-08-07',
      source: { ...JINDUICHENG.source, publisher: paper },
    });
    const report = inputFor({
      ...JINAN,
      type: 'report',
      date: '2014-04',
      date_precision: 'month',
      date_basis: 'stated',
    });
    expect(styles(news).gbt7714).toContain('[N/OL]');
    expect(styles(news).gbt7714).toContain('渭南日報');
    expect(styles(report).gbt7714).toContain('[R/OL]');
  });

  test("escapes markup in the data: the HTML holds no element but the style's own", () => {
    for (const html of Object.values(styles(awkward))) {
      expect(html).not.toMatch(/<(?!\/?(?:i|b|span|a)\b)/);
      expect(html).not.toContain('<script');
    }
  });
});

describe('formatted entries are those of the styles as written', () => {
  // Each entry is formatted as a bibliography of one entry, with the bibliography's <sort> left
  // out (parseStyleForOneEntry). The entries here were recorded before that, with citeproc
  // reading each style file unaltered: one or two items of each shape (type, fields, kind of
  // author, how much of the date) of the real archive and of a 10,000-document synthetic one.
  const recorded = JSON.parse(
    readFileSync(join(import.meta.dirname, 'fixtures', 'citations', 'csl-entries.json'), 'utf8'),
  ) as { item: CslItem; html: Record<string, string> }[];

  test.each(recorded.map((entry) => [entry.item.id, entry] as const))('%s', (_id, { item, html }) => {
    expect(formatCitationStyles(item)).toEqual(html);
  });

  test("the build's worker reads the same style and locale files as the pages", () => {
    const files = readCitationStyleFiles();
    for (const { id, style } of CITATION_STYLES) expect(files.styles[id]).toBe(style);
    expect(files.locales).toEqual(CSL_LOCALES);
  });

  test("parseStyleForOneEntry drops the bibliography's <sort>, and nothing else", () => {
    const style = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><sort><key variable="issued"/></sort><layout><text variable="title"/></layout></citation>
  <bibliography><sort><key variable="title"/></sort><layout><text variable="title"/></layout></bibliography>
</style>`;
    type Node = { name: string; children: (Node | string)[] };
    const names = (node: Node): string[] =>
      node.children.flatMap((child) => (typeof child === 'string' ? [] : [child.name, ...names(child)]));
    const root = parseStyleForOneEntry(style) as Node;
    const element = (name: string) =>
      root.children.find((child): child is Node => typeof child !== 'string' && child.name === name)!;
    expect(names(element('bibliography'))).toEqual(['layout', 'text']);
    expect(names(element('citation'))).toEqual(['sort', 'key', 'layout', 'text']);
    expect(() => parseStyleForOneEntry('<locale xmlns="http://purl.org/net/xbiblio/csl"/>')).toThrow('<style>');
  });
});

describe('formatParagraphCitation', () => {
  test.each([
    [
      jinan,
      'en',
      12,
      'Sheng Juntai, "在控股集团帮扶解困和改革发展工作分析总结会上的讲话," ¶12, https://soe-archive.example/en/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/#p12',
    ],
    [
      jinan,
      'zh',
      12,
      '盛俊泰：《在控股集团帮扶解困和改革发展工作分析总结会上的讲话》，第12段，https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/#p12',
    ],
    [
      yueqing,
      'en',
      3,
      '[Leader of the Yueqing Second Light Industry Corporation, speaking on behalf of its Party committee], "二輕工作會議講話," ¶3, https://soe-archive.example/en/documents/2005-yueqing-second-light-industry-work-conference-speech/#p3',
    ],
    [
      yueqing,
      'zh',
      3,
      '樂清市二輕總公司負責人：《二輕工作會議講話》，第3段，https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/#p3',
    ],
    [
      jinduicheng,
      'en',
      1,
      '"金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議," ¶1, https://soe-archive.example/en/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/#p1',
    ],
    [
      jinduicheng,
      'zh',
      1,
      '《金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組召開第一次全體會議》，第1段，https://soe-archive.example/zh/documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting/#p1',
    ],
  ] as const)('%#: %s ¶%i', (input, lang, paragraph, expected) => {
    expect(formatParagraphCitation(input, paragraph, lang)).toBe(expected);
  });

  test('turns title marks inside a Chinese title into single ones, and double quotes into single', () => {
    const nested = { ...jinan, title: { zh: '贯彻《条例》的"三点"意见', en: '' } };
    expect(formatParagraphCitation(nested, 2, 'zh')).toMatch(/^盛俊泰：《贯彻〈条例〉的"三点"意见》，第2段，/);
    expect(formatParagraphCitation(nested, 2, 'en')).toMatch(/^Sheng Juntai, "贯彻《条例》的'三点'意见," ¶2, /);
  });

  test('rejects a paragraph number that is not a positive whole number', () => {
    expect(() => formatParagraphCitation(jinan, 0, 'en')).toThrow(RangeError);
    expect(() => formatParagraphCitation(jinan, 1.5, 'zh')).toThrow(RangeError);
  });
});

describe('formatBibtex', () => {
  test('the Jinan speech', () => {
    expect(formatBibtex(jinan)).toMatchInlineSnapshot(`
      "@misc{2014-04-14-jinan-holding-assistance-and-reform-speech,
        author = {{盛俊泰 (Sheng Juntai)}},
        title = {在控股集团帮扶解困和改革发展工作分析总结会上的讲话},
        date = {2014-04-14},
        year = {2014},
        month = apr,
        howpublished = {Speech, Jinan Investment Holding Group meeting to analyse and review the work of assistance and relief and of reform and development, Jinan, Shandong},
        organization = {{济南市投资控股集团有限公司 (Jinan Investment Holding Group Co., Ltd.)}},
        language = {Chinese},
        keywords = {四个一批, 三严三实},
        url = {https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/},
        urldate = {2026-11-21},
        note = {Translated title: Speech at the Holding Group's Meeting to Analyse and Review the Work of Assistance and Relief and of Reform and Development. Date inferred from the content: 14 April 2014. Text taken from: Website of Jinan Investment Holding Group Co., Ltd., http://www.jntzkg.com/, published 2014-04-16.},
      }
      "
    `);
  });

  test('the Yueqing speech: an office as corporate author, an approximate year', () => {
    expect(formatBibtex(yueqing)).toMatchInlineSnapshot(`
      "@misc{2005-yueqing-second-light-industry-work-conference-speech,
        author = {{樂清市二輕總公司負責人 (Leader of the Yueqing Second Light Industry Corporation, speaking on behalf of its Party committee)}},
        title = {二輕工作會議講話},
        date = {2005~},
        year = {2005},
        howpublished = {Speech, Yueqing City Second Light Industry work conference, Yueqing City, Zhejiang},
        language = {Chinese},
        url = {https://soe-archive.example/zh/documents/2005-yueqing-second-light-industry-work-conference-speech/},
        note = {Translated title: Speech at the Second Light Industry Work Conference. Date inferred from the content: c. 2005. Text taken from: An unnamed essay-sharing website, uploaded 2022-08-27.},
      }
      "
    `);
  });

  test.each([
    ['jinan', jinan],
    ['yueqing', yueqing],
    ['jinduicheng', jinduicheng],
    ['awkward', awkward],
  ])('%s parses back with a real BibTeX parser, every field intact', (_name, input) => {
    const library = parseBibtex(formatBibtex(input), { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1);
    const [entry] = library.entries;
    expect(entry?.type).toBe('misc');
    expect(entry?.key).toBe(input.id);
    const fields = entry?.fields ?? {};
    expect(fields.title).toBe(input.title.zh);
    expect(fields.date).toBe(input.date.value.slice(0, input.date.precision === 'year' ? 4 : undefined));
    expect(fields.year).toBe(input.date.value.slice(0, 4));
    expect(fields.url).toBe(input.permalink.zh);
    expect(fields.urldate).toBe(input.accessed);
    const author = input.author && (input.author.kind === 'role' ? input.author.role : input.author.name);
    expect(fields.author).toEqual(author ? [{ name: `${author.zh} (${author.en})` }] : undefined);
    expect(fields.organization).toEqual(input.publisher && [`${input.publisher.zh} (${input.publisher.en})`]);
    expect(fields.note).toContain(`Translated title: ${input.title.en}`);
    if (input.source.url) expect(fields.note).toContain(input.source.url);
  });

  test('writes the EDTF date: approximate only for a year inferred from the content', () => {
    expect(formatBibtex(yueqing)).toContain('  date = {2005~},\n');
    expect(formatBibtex(jinduicheng)).toContain('  date = {2017-08-04},\n  year = {2017},\n  month = aug,\n');
    const monthOnly = inputFor({ ...JINDUICHENG, date: '2017-08', date_precision: 'month', date_basis: 'stated' });
    expect(formatBibtex(monthOnly)).toContain('  date = {2017-08},\n  year = {2017},\n  month = aug,\n');
  });

  test('escapes the characters TeX treats as commands', () => {
    const bibtex = formatBibtex(awkward);
    expect(bibtex).toContain(
      String.raw`  title = {关于50\%股权\_转让\&\#1号\{方案\}\textasciitilde{}\textasciicircum{}\textbackslash{}的"{XX}局"讲话},`,
    );
    expect(bibtex).toContain(
      String.raw`Text taken from: Site 100\% \{official\}, http://example.org/a\_b?x=1\&y=2\#frag,`,
    );
    // No unescaped special character is left outside a command or the verbatim url field.
    const body = bibtex.split('\n').filter((line) => !line.startsWith('  url = '));
    for (const line of body) expect(line.replace(/\\(?:[#$%&_{}]|[a-z]+\{\})/g, '')).not.toMatch(/[#$%&_~^\\<>|]/);
  });
});

describe('formatRis', () => {
  test('the Jinan speech', () => {
    expect(formatRis(jinan).replace(/\r\n/g, '\n')).toMatchInlineSnapshot(`
      "TY  - GEN
      TI  - 在控股集团帮扶解困和改革发展工作分析总结会上的讲话
      TT  - Speech at the Holding Group's Meeting to Analyse and Review the Work of Assistance and Relief and of Reform and Development
      AU  - 盛, 俊泰
      PY  - 2014
      DA  - 2014/04/14/
      M3  - Speech
      PB  - 济南市投资控股集团有限公司
      CY  - 山东省济南市
      LA  - zh-Hans
      DP  - 国企改革文献库
      UR  - https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/
      Y2  - 2026/11/21/
      KW  - 四个一批
      KW  - 三严三实
      N1  - Meeting: 控股集团帮扶解困和改革发展工作分析总结会 (Jinan Investment Holding Group meeting to analyse and review the work of assistance and relief and of reform and development)
      N1  - Translated title: Speech at the Holding Group's Meeting to Analyse and Review the Work of Assistance and Relief and of Reform and Development
      N1  - Speaker: 盛俊泰 (Sheng Juntai)
      N1  - Date inferred from the content: 14 April 2014
      N1  - Text taken from: Website of Jinan Investment Holding Group Co., Ltd., http://www.jntzkg.com/, published 2014-04-16
      ER  - 
      "
    `);
  });

  test('ends every line with CRLF and the record with ER', () => {
    const ris = formatRis(yueqing);
    expect(ris.endsWith('\r\nER  - \r\n')).toBe(true);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ris.split('\r\n').slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });

  test.each([
    ['jinan', jinan, 'document', 'Speech'],
    ['yueqing', yueqing, 'document', 'Speech'],
    ['jinduicheng', jinduicheng, 'article-newspaper', undefined],
    ['awkward', awkward, 'document', 'Speech'],
  ])('%s parses back with Citation.js', (_name, input, type, genre) => {
    const [item, ...rest] = new Cite(formatRis(input), { forceType: '@ris/file' }).data;
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      type,
      // Citation.js reads TT as the title and TI as the original it translates.
      title: input.title.en,
      'original-title': input.title.zh,
      URL: input.permalink.zh,
      language: input.script,
    });
    // Citation.js reads a newspaper's date from PY (the year), other types' from DA.
    const parts = input.date.value.split('-').map(Number);
    expect(item?.issued).toEqual({ 'date-parts': [type === 'article-newspaper' ? parts.slice(0, 1) : parts] });
    expect(item?.genre).toBe(genre);
    expect(item?.accessed).toEqual(
      input.accessed ? { 'date-parts': [input.accessed.split('-').map(Number)] } : undefined,
    );
  });

  test('gives a named speaker as family and given name, an office as one name', () => {
    const [named] = new Cite(formatRis(jinan), { forceType: '@ris/file' }).data;
    expect(named?.author).toEqual([{ family: '盛', given: '俊泰' }]);
    expect(formatRis(yueqing)).toContain('\r\nAU  - 樂清市二輕總公司負責人\r\n');
  });

  test('leaves unknown date parts empty', () => {
    expect(formatRis(yueqing)).toContain('\r\nDA  - 2005///\r\n');
    expect(formatRis(jinduicheng)).toContain('\r\nDA  - 2017/08/04/\r\n');
  });
});

// The CSL-JSON 1.0.2 input schema (csl-data.json), written out here from the specification: no
// package ships it. Variables are grouped by type exactly as the schema types them.
const CSL_TYPES = [
  ...['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter'],
  ...['classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event'],
  ...['figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture'],
  ...['musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication'],
  ...['post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard'],
  ...['thesis', 'treaty', 'webpage'],
];
const CSL_NAMES = [
  ...['author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator'],
  ...['director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator'],
  ...['narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author'],
  ...['script-writer', 'series-creator', 'translator'],
];
const CSL_DATES = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'];
const CSL_STRINGS = [
  ...['citation-key', 'language', 'journalAbbreviation', 'shortTitle', 'abstract', 'annote', 'archive'],
  ...['archive_collection', 'archive_location', 'archive-place', 'authority', 'call-number', 'citation-label'],
  ...['collection-title', 'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'event'],
  ...['event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction', 'keyword', 'medium', 'note'],
  ...['original-publisher', 'original-publisher-place', 'original-title', 'part-title', 'PMCID', 'PMID', 'publisher'],
  ...['publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status'],
  ...['title', 'title-short', 'URL', 'version', 'volume-title', 'volume-title-short', 'year-suffix'],
];
const CSL_NUMBERS = [
  ...['chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue'],
  ...['locator', 'number', 'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part', 'printing'],
  ...['supplement', 'volume'],
];
const STRING_OR_NUMBER = { type: ['string', 'number'] };
const FLAG = { type: ['string', 'number', 'boolean'] };
const CSL_DATA_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json',
  type: 'array',
  items: {
    type: 'object',
    properties: Object.fromEntries([
      ['type', { type: 'string', enum: CSL_TYPES }],
      ['id', STRING_OR_NUMBER],
      ['categories', { type: 'array', items: { type: 'string' } }],
      ['custom', { type: 'object' }],
      ...CSL_NAMES.map((name) => [name, { type: 'array', items: { $ref: '#/definitions/name-variable' } }]),
      ...CSL_DATES.map((name) => [name, { $ref: '#/definitions/date-variable' }]),
      ...CSL_STRINGS.map((name) => [name, { type: 'string' }]),
      ...CSL_NUMBERS.map((name) => [name, STRING_OR_NUMBER]),
    ]),
    required: ['type', 'id'],
    additionalProperties: false,
  },
  definitions: {
    'name-variable': {
      anyOf: [
        {
          type: 'object',
          properties: {
            ...Object.fromEntries(
              ['family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix', 'literal'].map((name) => [
                name,
                { type: 'string' },
              ]),
            ),
            'comma-suffix': FLAG,
            'static-ordering': FLAG,
            'parse-names': FLAG,
          },
          additionalProperties: false,
        },
      ],
    },
    'date-variable': {
      anyOf: [
        {
          type: 'object',
          properties: {
            'date-parts': {
              type: 'array',
              items: { type: 'array', items: STRING_OR_NUMBER, minItems: 1, maxItems: 3 },
              minItems: 1,
              maxItems: 2,
            },
            season: STRING_OR_NUMBER,
            circa: FLAG,
            literal: { type: 'string' },
            raw: { type: 'string' },
          },
          additionalProperties: false,
        },
      ],
    },
  },
};
const validateCslData = new Ajv({ allErrors: true }).compile(CSL_DATA_SCHEMA);

describe('formatCslJson', () => {
  test('the Jinan speech', () => {
    expect(formatCslJson(jinan)).toMatchInlineSnapshot(`
      {
        "URL": "https://soe-archive.example/zh/documents/2014-04-14-jinan-holding-assistance-and-reform-speech/",
        "accessed": {
          "date-parts": [
            [
              2026,
              11,
              21,
            ],
          ],
        },
        "author": [
          {
            "family": "盛",
            "given": "俊泰",
          },
        ],
        "available-date": {
          "date-parts": [
            [
              2014,
              4,
              16,
            ],
          ],
        },
        "event-place": "山东省济南市",
        "event-title": "控股集团帮扶解困和改革发展工作分析总结会",
        "genre": "Speech",
        "id": "2014-04-14-jinan-holding-assistance-and-reform-speech",
        "issued": {
          "date-parts": [
            [
              2014,
              4,
              14,
            ],
          ],
        },
        "keyword": "四个一批, 三严三实",
        "language": "zh-Hans",
        "note": "Translated title: Speech at the Holding Group's Meeting to Analyse and Review the Work of Assistance and Relief and of Reform and Development
      Speaker: 盛俊泰 (Sheng Juntai)
      Date inferred from the content: 14 April 2014
      Text taken from: Website of Jinan Investment Holding Group Co., Ltd., http://www.jntzkg.com/, published 2014-04-16",
        "publisher": "济南市投资控股集团有限公司",
        "source": "国企改革文献库",
        "title": "在控股集团帮扶解困和改革发展工作分析总结会上的讲话",
        "type": "speech",
      }
    `);
  });

  test.each([
    ['jinan', jinan],
    ['yueqing', yueqing],
    ['jinduicheng', jinduicheng],
    ['awkward', awkward],
  ])('%s is valid CSL-JSON', (_name, input) => {
    const valid = validateCslData(JSON.parse(JSON.stringify([formatCslJson(input)])));
    expect(validateCslData.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the schema rejects what CSL-JSON does not allow', () => {
    expect(validateCslData([{ ...formatCslJson(jinan), pinyin: 'Sheng Juntai' }])).toBe(false);
    expect(validateCslData([{ ...formatCslJson(jinan), type: 'news' }])).toBe(false);
    expect(validateCslData([{ ...formatCslJson(jinan), issued: { 'date-parts': [[2014, 4, 14, 9]] } }])).toBe(false);
  });

  test('gives only the known date parts, and circa for a year inferred from the content', () => {
    expect(formatCslJson(yueqing).issued).toEqual({ 'date-parts': [[2005]], circa: true });
    expect(formatCslJson(jinduicheng).issued).toEqual({ 'date-parts': [[2017, 8, 4]] });
    const monthOnly = inputFor({ ...JINDUICHENG, date: '2017-08', date_precision: 'month', date_basis: 'stated' });
    expect(formatCslJson(monthOnly).issued).toEqual({ 'date-parts': [[2017, 8]] });
  });

  test('maps document types to CSL types and puts a newspaper in container-title', () => {
    const paper = { zh: '渭南日報', en: 'Weinan Daily' };
    const news = formatCslJson(inputFor({ ...JINDUICHENG, source: { ...JINDUICHENG.source, publisher: paper } }));
    expect(news).toMatchObject({ type: 'article-newspaper', 'container-title': '渭南日報' });
    expect(news).not.toHaveProperty('author');
    expect(news).not.toHaveProperty('publisher');
    expect(formatCslJson(yueqing)).toMatchObject({ type: 'speech', author: [{ literal: '樂清市二輕總公司負責人' }] });
    expect(formatCslJson(inputFor({ ...JINAN, type: 'report' })).type).toBe('report');
    expect(formatCslJson(inputFor({ ...JINAN, type: 'notice' })).type).toBe('document');
  });
});

describe('every document in content/', () => {
  const root = join(import.meta.dirname, '..', 'content');
  const asWritten = Object.fromEntries(
    CITATION_STYLES.map(({ id, style }) => [
      id,
      createCslFormatter({ style, locales: CSL_LOCALES }, { asWritten: true }),
    ]),
  );
  const read = (path: string) => {
    const split = splitFrontmatter(readFileSync(join(root, path), 'utf8'));
    if ('problem' in split) throw new Error(`${path}: ${split.problem} frontmatter`);
    return parseYaml(split.yaml) as unknown;
  };
  const documents = readdirSync(join(root, 'documents'))
    .filter((name) => name.endsWith('.md') && !name.endsWith('.en.md'))
    .map((name) => documentSchema.parse(read(`documents/${name}`)));

  test.each(documents.map((doc) => [doc.id, doc] as const))('%s cites in every format', (_id, doc) => {
    const speaker = doc.speaker ? personSchema.parse(read(`people/${doc.speaker}.md`)) : undefined;
    const input = buildCitationInput(doc, { archive: ARCHIVE, permalink: permalinks(doc.id), speaker });
    expect(parseBibtex(formatBibtex(input)).errors).toEqual([]);
    expect(new Cite(formatRis(input), { forceType: '@ris/file' }).data).toHaveLength(1);
    expect(validateCslData([formatCslJson(input)])).toBe(true);
    const formatted = formatCitationStyles(formatCslJson(input));
    for (const html of Object.values(formatted)) expect(html).toContain(input.permalink.zh);
    // The same entries as citeproc gives with the style files unaltered (see parseStyleForOneEntry).
    for (const { id } of CITATION_STYLES) expect(formatted[id]).toBe(asWritten[id]!(formatCslJson(input)));
    expect(formatted.gbt7714).toMatch(/\[(Z|N|R)\/OL\]/);
    expect(formatParagraphCitation(input, 1, 'zh')).toContain('第1段');
  });
});

describe('listCitationFiles', () => {
  // Two of the three documents list the same enterprise; the older one is given first.
  const jinan = { ...documentSchema.parse(JINAN), enterprises: ['shared'] };
  const yueqing = documentSchema.parse(YUEQING);
  const jinduicheng = { ...documentSchema.parse(JINDUICHENG), enterprises: ['shared'] };
  const enterprise = (id: string) => ({
    id,
    name: { zh: id, en: id },
    aliases: [],
    kind: 'group' as const,
    description: { zh: id, en: id },
  });
  const catalogue = {
    enterprises: new Map([
      ['shared', enterprise('shared')],
      ['unused', enterprise('unused')],
    ]),
    directives: new Map(),
    people: new Map([[SHENG_JUNTAI.id, SHENG_JUNTAI]]),
  };
  const files = new Map(
    [...listCitationFiles([jinan, yueqing, jinduicheng], catalogue, { site: SITE, base: '/soe/' })].map((file) => [
      file.path,
      file.text,
    ]),
  );

  test('gives each document a .bib, .ris and .json file with permalinks under the base path', () => {
    for (const doc of [jinan, yueqing, jinduicheng]) {
      for (const format of ['bib', 'ris', 'json']) expect(files.has(`${doc.id}.${format}`)).toBe(true);
    }
    const csl = JSON.parse(files.get(`${jinan.id}.json`)!) as CslRecord[];
    expect(csl).toHaveLength(1);
    expect(csl[0]!.URL).toBe(`${SITE}/soe/zh/documents/${jinan.id}/`);
    expect(files.get(`${jinan.id}.bib`)).toContain('Sheng');
  });

  test('gives each enterprise a file of every document that lists it, newest first', () => {
    const records = new Cite(files.get('enterprises/shared.ris')!, { forceType: '@ris/file' }).data;
    expect(records.map((record) => record.URL)).toEqual([
      `${SITE}/soe/zh/documents/${jinduicheng.id}/`,
      `${SITE}/soe/zh/documents/${jinan.id}/`,
    ]);
    expect(parseBibtex(files.get('enterprises/shared.bib')!).entries).toHaveLength(2);
    // An enterprise no document lists still has its (empty) files: its page links to them.
    expect(files.get('enterprises/unused.bib')).toBe('');
  });
});
