import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent, readContentBody } from '../src/checker/check-content.ts';
import { loadContentFiles } from '../src/checker/load-content.ts';
import { catalogueEntities, compareOldestFirst, selectDocuments } from '../src/lib/archive-index.ts';
import { toSimplified } from '../src/lib/script-convert.ts';
import { listBlockTexts } from '../src/lib/search-records.ts';
import { countPhrase, findPhrase, locatePhrase } from '../src/lib/trends/count.ts';
import { chooseCover, countPhraseInIndex, figuresByYear, filterDocs, measureValue } from '../src/lib/trends/query.ts';
import { renderTrendChart } from '../src/lib/svg/render-trend-chart.ts';
import { indexUsage, readUsage } from '../src/lib/trends/usage.ts';
import type { IndexedDocument } from '../src/lib/archive-index.ts';
import { findPhraseSentences } from '../src/lib/trends/sentences.ts';
import { parseTrendsState, serializeTrendsState, splitPhrases } from '../src/lib/trends/trends-state.ts';
import {
  pairToken,
  readTokenCounts,
  readTokenPositions,
  TREND_FILES,
  type TrendDocs,
} from '../src/lib/trends/trend-index.ts';
import { joinParts, trendBucketCount, TrendPartBuilder } from '../src/lib/trends/trend-parts.ts';
import { bucketOf, roundUpCoarse } from '../src/lib/search-index/format.ts';
import { foldChineseText } from '../src/lib/trends/fold.ts';
import { listPhraseUnits, listUnits } from '../src/lib/trends/units.ts';

describe('counting a phrase in a text', () => {
  test('overlapping occurrences each count: 三三三 holds 三三 twice', () => {
    expect(countPhrase('三三三', listPhraseUnits('三三', 'zh'), 'zh')).toBe(2);
    expect(countPhrase('三三三三', listPhraseUnits('三三三', 'zh'), 'zh')).toBe(2);
  });

  test('a phrase split across a line break or a space counts once; punctuation keeps words apart', () => {
    const phrase = listPhraseUnits('国有企业', 'zh');
    expect(countPhrase('深化国有\n企业改革', phrase, 'zh')).toBe(1);
    expect(countPhrase('深化国有\r\n  企业改革', phrase, 'zh')).toBe(1);
    expect(countPhrase('国有，企业', phrase, 'zh')).toBe(0);
    expect(locatePhrase('深化国有\n企业改革', phrase, 'zh')).toEqual([[2, 7]]);
  });

  test('characters, not their co-occurrence: 国有 and 企业 apart are not 国有企业', () => {
    expect(countPhrase('国有资产和民营企业', listPhraseUnits('国有企业', 'zh'), 'zh')).toBe(0);
  });

  test('traditional texts count under their simplified form', () => {
    const text = foldChineseText('深化國有企業改革，國營企業轉制。', true);
    expect(countPhrase(text, listPhraseUnits('国有企业', 'zh'), 'zh')).toBe(1);
    expect(countPhrase(text, listPhraseUnits('国营企业', 'zh'), 'zh')).toBe(1);
  });

  test('compatibility forms fold: full-width letters and digits', () => {
    expect(countPhrase('ＳＡＳＡＣ在２０１４年', listPhraseUnits('sasac在2014', 'zh'), 'zh')).toBe(1);
  });

  test('English phrases are words, whatever the case, hyphens or line breaks', () => {
    const phrase = listPhraseUnits('state-owned enterprises', 'en');
    expect(phrase).toEqual(['state', 'owned', 'enterprises']);
    expect(
      countPhrase('State-owned\nenterprises and state owned enterprises; stateowned enterprises', phrase, 'en'),
    ).toBe(2);
    expect(listUnits("the enterprise's", 'en').values).toEqual(['the', "enterprise's"]);
  });

  test('findPhrase finds every start', () => {
    expect(findPhrase(['a', 'b', 'a', 'b', 'a'], ['a', 'b', 'a'])).toEqual([0, 2]);
    expect(findPhrase(['a'], [])).toEqual([]);
  });
});

describe('chooseCover', () => {
  test('covers every unit with the cheapest pairs, first and last always', () => {
    expect(chooseCover([5])).toEqual([0]);
    expect(chooseCover([5, 5])).toEqual([0, 1]);
    // 国有|有企|企业|业改|改革: the common pairs in the middle are avoided where they can be.
    expect(chooseCover([10, 1, 100, 1, 10])).toEqual([0, 1, 3, 4]);
    expect(chooseCover([1, 100, 1, 100, 1])).toEqual([0, 2, 4]);
  });
});

// The fixture archive's documents, counted through the index and by a plain loop over their bodies.
const ARCHIVE = join(import.meta.dirname, 'fixtures', 'search-archive');

function loadFixture() {
  const result = checkContent(loadContentFiles(ARCHIVE));
  if (result.errors > 0) throw new Error(JSON.stringify(result.problems));
  const documents = selectDocuments(result.entries.documents).sort(compareOldestFirst);
  return { documents, catalogue: catalogueEntities(result.entries) };
}

describe('the trends index', () => {
  const { documents, catalogue } = loadFixture();
  // Tokenised in three parts of consecutive pages, joined as the build joins them; several
  // buckets, so that the hash spreads tokens over files.
  const manifest = { buckets: 7, positionBuckets: 5 };
  const builders = [new TrendPartBuilder(), new TrendPartBuilder(), new TrendPartBuilder()];
  const docs: TrendDocs = { lang: 'zh', years: [], type: [], speaker: [], size: [], types: [], speakers: [] };
  const plain: { year: number; type: string; speaker?: string; text: string }[] = [];
  for (const [page, doc] of documents.entries()) {
    const builder = builders[Math.floor((page * builders.length) / documents.length)]!;
    const body = readContentBody(doc.file);
    const blocks = listBlockTexts(body).map((block) => foldChineseText(block, doc.script === 'zh-Hant'));
    docs.years.push(Number(doc.date.slice(0, 4)));
    if (!docs.types.includes(doc.type)) docs.types.push(doc.type);
    docs.type.push(docs.types.indexOf(doc.type));
    const person = doc.speaker ? catalogue.people.get(doc.speaker) : undefined;
    if (person && !docs.speakers.some((own) => own.id === person.id))
      docs.speakers.push({ id: person.id, ...person.name });
    docs.speaker.push(person ? docs.speakers.findIndex((own) => own.id === person.id) : -1);
    docs.size.push(builder.addChinese(blocks));
    // The independent count: OpenCC on each paragraph, whitespace removed, indexOf moving one
    // character on after each match (so overlapping matches count).
    plain.push({
      year: Number(doc.date.slice(0, 4)),
      type: doc.type,
      speaker: doc.speaker,
      text: listBlockTexts(body)
        .map((block) => (doc.script === 'zh-Hant' ? toSimplified(block) : block).replace(/\s+/g, ''))
        .join('\u0000'),
    });
  }
  const files = new Map(joinParts(builders.map((own) => own.encode(manifest.buckets, manifest.positionBuckets))));
  const load = (path: string) => Promise.resolve(files.get(path)!);
  const plainCount = (text: string, phrase: string) => {
    let count = 0;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) count += 1;
    return count;
  };

  test('has documents from several years, one of them in traditional script', () => {
    expect(new Set(docs.years).size).toBeGreaterThanOrEqual(4);
    expect(documents.some((doc) => doc.script === 'zh-Hant')).toBe(true);
  });

  test.each([
    '企',
    '企业',
    '国有企业',
    '改革',
    '深化改革',
    '职工',
    '党的建设',
    '企业改革',
    '剥离企业办社会职能',
    '的',
    '国资委',
    '转型升级',
    '不存在的说法',
  ])('%s: per year, documents and occurrences as a plain loop over the bodies counts them', async (phrase) => {
    const found = await countPhraseInIndex(listPhraseUnits(phrase, 'zh'), manifest, load);
    const rows = figuresByYear(docs, filterDocs(docs, { types: [], speakers: [] }), found);
    const expected = new Map<number, { documents: number; occurrences: number }>();
    for (const doc of plain) {
      const count = plainCount(doc.text, phrase);
      const row = expected.get(doc.year) ?? { documents: 0, occurrences: 0 };
      expected.set(doc.year, { documents: row.documents + (count > 0 ? 1 : 0), occurrences: row.occurrences + count });
    }
    for (const row of rows) {
      expect({ year: row.year, ...expected.get(row.year) }).toEqual({
        year: row.year,
        documents: expected.has(row.year) ? row.documents : undefined,
        occurrences: expected.has(row.year) ? row.occurrences : undefined,
      });
      if (!expected.has(row.year)) expect([row.documents, row.occurrences]).toEqual([0, 0]);
    }
    const total = [...expected.values()].reduce((sum, row) => sum + row.occurrences, 0);
    if (phrase !== '不存在的说法') expect(total).toBeGreaterThan(0);
    if ([...phrase].length > 2 && total > 0) expect(found.cover.length).toBeGreaterThan(1);
    expect(rows.reduce((sum, row) => sum + row.occurrences, 0)).toBe(total);
  });

  test("a long phrase asks for its first and last pairs' positions with the counts, not a round trip later", async () => {
    const units = listPhraseUnits('剥离企业办社会职能', 'zh');
    const pairs = units.slice(1).map((unit, i) => pairToken(units[i]!, unit));
    const asked: string[] = [];
    let release!: () => void;
    const countsArrive = new Promise<void>((done) => (release = done));
    const cached = new Map<string, Promise<Uint8Array>>();
    const slowLoad = (path: string) => {
      asked.push(path);
      let file = cached.get(path);
      if (!file) cached.set(path, (file = countsArrive.then(() => files.get(path)!)));
      return file;
    };
    const counting = countPhraseInIndex(units, manifest, slowLoad);
    await Promise.resolve();
    // Before any counts file has come: both ends' positions files are already asked for.
    const ends = [pairs[0]!, pairs[pairs.length - 1]!].map((pair) =>
      TREND_FILES.positions(bucketOf(pair, manifest.positionBuckets)),
    );
    for (const path of ends) expect(asked).toContain(path);
    release();
    const found = await counting;
    // The same count as loading one file after another.
    expect(found).toEqual(await countPhraseInIndex(units, manifest, load));
    expect(found.pages.length).toBeGreaterThan(0);
  });

  test('a phrase in traditional text is counted under simplified', async () => {
    const traditional = plain.filter((_, i) => documents[i]!.script === 'zh-Hant');
    const expected = traditional.reduce((sum, doc) => sum + plainCount(doc.text, '国有企业'), 0);
    expect(expected).toBeGreaterThan(0);
    const found = await countPhraseInIndex(listPhraseUnits('国有企业', 'zh'), manifest, load);
    const pages = documents.flatMap((doc, page) => (doc.script === 'zh-Hant' ? [page] : []));
    const fromIndex = pages.reduce((sum, page) => sum + (found.counts[[...found.pages].indexOf(page)] ?? 0), 0);
    expect(fromIndex).toBe(expected);
  });

  test('filters by type and speaker, and rates per 10,000 characters of the year', async () => {
    const found = await countPhraseInIndex(listPhraseUnits('企业', 'zh'), manifest, load);
    const type = plain[0]!.type;
    const rows = figuresByYear(docs, filterDocs(docs, { types: [type], speakers: [] }), found);
    for (const row of rows) {
      const kept = plain.filter((doc) => doc.year === row.year && doc.type === type);
      expect(row.occurrences).toBe(kept.reduce((sum, doc) => sum + plainCount(doc.text, '企业'), 0));
      const characters = kept.reduce((sum, doc) => sum + doc.text.replace(/\u0000/g, '').length, 0);
      expect(row.units).toBe(characters);
      if (characters > 0) {
        expect(measureValue(row, { what: 'occurrences', per: '10k' })).toBeCloseTo(
          (row.occurrences * 10_000) / characters,
        );
      }
    }
    const speaker = docs.speakers[0]!.id;
    const bySpeaker = figuresByYear(docs, filterDocs(docs, { types: [], speakers: [speaker] }), found);
    const expectedDocs = plain.filter((doc) => doc.speaker === speaker && plainCount(doc.text, '企业') > 0).length;
    expect(bySpeaker.reduce((sum, row) => sum + row.documents, 0)).toBe(expectedDocs);
  });
});

describe('sentences for a year', () => {
  test('each sentence holding the phrase once, every occurrence marked', () => {
    const paragraph = '一是深化国有企业改革。二是国有企业要讲\n政治，国有企业党委要带头。三是其他。';
    const sentences = findPhraseSentences(paragraph, listPhraseUnits('国有企业', 'zh'), 'zh');
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      '一是深化国有企业改革。',
      '二是国有企业要讲\n政治，国有企业党委要带头。',
    ]);
    const second = sentences[1]!;
    expect(second.marks.map(([start, end]) => second.text.slice(start, end))).toEqual(['国有企业', '国有企业']);
  });

  test('English sentences end at a full stop before a space', () => {
    const sentences = findPhraseSentences(
      'We met in 1993. State-owned enterprises were reformed. Others were not.',
      listPhraseUnits('state-owned enterprises', 'en'),
      'en',
    );
    expect(sentences).toEqual([{ text: 'State-owned enterprises were reformed.', marks: [[0, 23]] }]);
  });
});

describe('the trends page state', () => {
  test('round-trips through the URL', () => {
    const state = parseTrendsState('?q=国营企业,国有企业&per=10k&what=documents&type=report&speaker=li-peng&year=1993');
    expect(state).toEqual({
      phrases: ['国营企业', '国有企业'],
      per: '10k',
      what: 'documents',
      types: ['report'],
      speakers: ['li-peng'],
      year: 1993,
    });
    expect(parseTrendsState(serializeTrendsState(state))).toEqual(state);
  });

  test('phrases split at commas of either width and 、, six at most, each once', () => {
    expect(splitPhrases('国营企业，国有企业、国营企业, a,b,c,d,e')).toEqual([
      '国营企业',
      '国有企业',
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('readUsage', () => {
  const doc = (id: string, date: string, characters: number, mentions: Record<string, number>) =>
    ({ id, date, characters, mentions }) as unknown as IndexedDocument;
  const documents = [
    doc('c', '1995-01-01', 500, { 'directives/y': 2 }),
    doc('b', '1993-05-01', 1000, { 'directives/x': 3 }),
    doc('a', '1993-02-01', 3000, { 'directives/x': 1, 'directives/y': 1 }),
  ];
  const index = indexUsage(documents);

  test('per year: documents naming the entity, its mentions, and the characters of every text', () => {
    const usage = readUsage(index, 'directives/x');
    expect(usage.rows).toEqual([
      { year: 1993, documents: 2, occurrences: 4, units: 4000 },
      { year: 1994, documents: 0, occurrences: 0, units: 0 },
      { year: 1995, documents: 0, occurrences: 0, units: 500 },
    ]);
    expect(usage.documents.map((own) => own.id)).toEqual(['a', 'b']);
    expect(measureValue(usage.rows[0]!, { what: 'occurrences', per: '10k' })).toBe(10);
  });

  test('one index serves every entity, each counted apart; one never named has every year and no use', () => {
    // An independent count: a plain loop over the documents for each entity.
    for (const key of ['directives/x', 'directives/y', 'directives/z'] as const) {
      const usage = readUsage(index, key);
      for (const row of usage.rows) {
        const ofYear = documents.filter((own) => own.date.startsWith(String(row.year)));
        expect(row.documents).toBe(ofYear.filter((own) => own.mentions[key]).length);
        expect(row.occurrences).toBe(ofYear.reduce((sum, own) => sum + (own.mentions[key] ?? 0), 0));
      }
      expect(usage.rows.map((row) => row.year)).toEqual([1993, 1994, 1995]);
    }
    expect(readUsage(index, 'directives/y').documents.map((own) => own.id)).toEqual(['a', 'c']);
    expect(readUsage(index, 'directives/z').documents).toEqual([]);
    // Reading does not change the index: the same entity read twice gives the same figures.
    expect(readUsage(index, 'directives/x')).toEqual(readUsage(index, 'directives/x'));
  });

  test('an archive without documents has no years', () => {
    expect(readUsage(indexUsage([]), 'directives/x')).toEqual({ rows: [], documents: [] });
  });
});

describe('renderTrendChart', () => {
  test('one line per phrase, one link per year, values in the tooltips', () => {
    const svg = renderTrendChart(
      [
        { label: '国营企业', values: [5, 2, 0] },
        { label: '国有企业', values: [0, 1, 7] },
      ],
      {
        idPrefix: 'trend',
        title: 'Use per year',
        description: 'two phrases',
        lang: 'zh-Hans',
        years: [1990, 1991, 1992],
        formatValue: String,
        yearHref: (year) => `?q=x&year=${year}`,
        selectedYear: 1991,
      },
    );
    expect(svg.match(/class="series series-\d"/g)).toHaveLength(2);
    expect(svg.match(/<a href="\?q=x&amp;year=\d{4}">/g)).toHaveLength(3);
    expect(svg).toContain('<title>1992\n国营企业: 0\n国有企业: 7</title>');
    expect(svg.match(/column--selected/g)).toHaveLength(1);
    expect(svg).not.toMatch(/style=/);
  });
});

test('the index reads Chinese text into the same units as listUnits', () => {
  const blocks = ['深化国有\n企业改革，ＳＡＳＡＣ在２０１４年 Reform 𠀀字', '三三三　国营企业'];
  const fast = new TrendPartBuilder();
  const plain = new TrendPartBuilder();
  expect(fast.addChinese(blocks)).toBe(plain.add(blocks.map((block) => listUnits(block, 'zh').values)));
  expect(joinParts([fast.encode(3, 2)])).toEqual(joinParts([plain.encode(3, 2)]));
});

describe('the trends index in parts', () => {
  const { documents } = loadFixture();
  const texts = documents.map((doc) =>
    listBlockTexts(readContentBody(doc.file)).map((block) => foldChineseText(block, doc.script === 'zh-Hant')),
  );
  /** The bucket files of the fixture's texts cut into parts after the pages in `cuts`. */
  const build = (list: readonly string[][], cuts: readonly number[], buckets = 5, positionBuckets = 4) => {
    const parts: Uint8Array[] = [];
    let from = 0;
    for (const to of [...cuts, list.length]) {
      const builder = new TrendPartBuilder();
      for (const blocks of list.slice(from, to)) builder.addChinese(blocks);
      parts.push(builder.encode(buckets, positionBuckets));
      from = to;
    }
    return joinParts(parts);
  };
  const whole = build(texts, []);
  const file = (files: [string, Uint8Array][], path: string) => files.find(([own]) => own === path)![1];

  test('joined parts give the bytes of one pass, however the pages are cut', () => {
    const n = texts.length;
    expect(n).toBeGreaterThan(4);
    expect(build(texts, [1])).toEqual(whole);
    expect(build(texts, [Math.floor(n / 3), Math.floor((2 * n) / 3)])).toEqual(whole);
    expect(
      build(
        texts,
        Array.from({ length: n - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(whole);
  });

  test("a token's counts after joining are its counts in each document, pages numbered across parts", () => {
    const n = texts.length;
    const cut = Math.floor(n / 2);
    const joined = build(texts, [cut], 1, 1);
    const counts = readTokenCounts(file(joined, 'c/0.bin'), pairToken('企', '业'));
    const plain = texts.map((blocks) => blocks.reduce((sum, block) => sum + block.split('企业').length - 1, 0));
    expect([...counts.pages]).toEqual(plain.flatMap((count, page) => (count > 0 ? [page] : [])));
    expect([...counts.counts]).toEqual(plain.filter((count) => count > 0));
    expect(counts.pages.some((page) => page >= cut)).toBe(true);
    expect(counts.pages.some((page) => page < cut)).toBe(true);
  });

  test('an edit in one part: that part made again and joined gives the bytes of a pass over the edited texts', () => {
    const n = texts.length;
    const cuts = [Math.floor(n / 3), Math.floor((2 * n) / 3)];
    const edited = texts.map((blocks, page) => (page === cuts[0]! + 1 ? [...blocks, '深化国有企业改革。'] : blocks));
    const rebuilt = build(edited, cuts);
    expect(rebuilt).toEqual(build(edited, []));
    expect(rebuilt).not.toEqual(whole);
    // Only the buckets of the tokens the sentence holds changed.
    const changed = rebuilt.filter(([path, bytes], i) => !equalBytes(bytes, whole[i]![1]) && path.startsWith('c/'));
    expect(changed.length).toBeGreaterThan(0);
  });

  test('tokens with one hash stay apart, ordered by name', () => {
    // One bucket holds every token; a part whose tokens all share a bucket joins like any other.
    const joined = build([['三三三'], ['三三', '三']], [1], 1, 1);
    const counts = readTokenCounts(file(joined, 'c/0.bin'), '三');
    expect([...counts.pages]).toEqual([0, 1]);
    expect([...counts.counts]).toEqual([3, 3]);
    const pairs = readTokenCounts(file(joined, 'c/0.bin'), pairToken('三', '三'));
    expect([...pairs.counts]).toEqual([2, 1]);
    expect(readTokenPositions(file(joined, 'p/0.bin'), pairToken('三', '三'), pairs).map((list) => [...list])).toEqual([
      [0, 1],
      [0],
    ]);
  });
});

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

test('bucket counts follow a coarse series: a new document rarely changes them', () => {
  expect([1, 15, 16, 17, 33, 4349].map(roundUpCoarse)).toEqual([1, 15, 16, 18, 36, 4608]);
  expect(trendBucketCount(43_500_000)).toBe(4608);
  expect(trendBucketCount(43_500_000 + 5_000)).toBe(4608);
  expect(trendBucketCount(0)).toBe(1);
});
