import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { assembleIndex, planIndexParts, writeIndexPart } from '../src/build/write-search-index.ts';
import type { CheckedEntry } from '../src/checker/check-content.ts';
import { catalogueEntities } from '../src/lib/archive-index.ts';
import { buildChineseEntry, joinText } from '../src/lib/search-index/entry.ts';
import { useTranslations } from '../src/i18n/index.ts';
import {
  bucketCount,
  bucketOf,
  chooseTokens,
  completeWord,
  groupWords,
  ByteReader,
  decodeFacets,
  decodePageLengths,
  decodePostings,
  encodeFacets,
  encodePostings,
  findPostings,
  INDEX_FILES,
  writeVarint,
  type IndexManifest,
  type SearchFragment,
} from '../src/lib/search-index/format.ts';
import { joinSections, PartPostingsBuilder, readSectionOffsets } from '../src/lib/search-index/postings.ts';
import {
  countFacets,
  filterPages,
  intersectPostings,
  orderPages,
  scoreMatches,
  unionPostings,
} from '../src/lib/search-index/search.ts';
import { hanToken, queryTokens, readTokens, TokenCounts } from '../src/lib/search-index/tokens.ts';
import { simplifyCharacters } from '../src/lib/script-convert.ts';
import type { Document } from '../src/schema/index.ts';

// Fragments of the seed texts (../shared/seeds), as the index reads them.
const JINDUICHENG = '金堆城钼业集团有限公司剥离企业办社会职能和解决历史遗留问题，“三供一业”分离移交。';
const YUEQING = '壯大集體經濟，發展二輕工業'; // a traditional seed, before conversion
const SASAC = '市国资委（SASAC）于２０１４年召开会议';

describe('tokens of the Chinese index', () => {
  test('every character and every neighbouring pair of a Han run, Latin words and digits in lower case', () => {
    const tokens = new TokenCounts();
    const length = tokens.add(SASAC);
    const counts = new Map(tokens.entries());
    expect([...counts.keys()]).toEqual(
      expect.arrayContaining(['国', '国资', '资委', 'sasac', '2014', '年', '年召', '会议']),
    );
    // Punctuation ends a run: no pair spans 委（ or ）于.
    expect(counts.has('委于')).toBe(false);
    expect(counts.size).toBe(4 + 3 + 2 + 1 + 5 + 4);
    expect(length).toBe(12); // 4 + 2 words + 6 characters: 市国资委, sasac, 2014, 于, 年召开会议
  });

  test('counts repeat, weighted', () => {
    const tokens = new TokenCounts();
    tokens.add('国资委国资委', 5);
    tokens.add('國', 1); // characters of every Han block, compatibility ones folded
    tokens.add('\u3400\u9fff\ufa0e');
    const counts = new Map(tokens.entries());
    expect(counts.get('国资')).toBe(10);
    expect(counts.get('委国')).toBe(5);
    expect(counts.get('國')).toBe(1);
    expect(counts.get('\u3400\u9fff')).toBe(1);
    expect(counts.get('\u9fff\ufa0e')).toBe(1);
    for (const [key] of tokens.hanCounts) expect(hanToken(key).length).toBeLessThanOrEqual(2);
  });

  test('characters are simplified one by one, as queries are', () => {
    expect(simplifyCharacters('壯大集體經濟')).toBe('壮大集体经济');
    expect(simplifyCharacters('国资委 SASAC')).toBe('国资委 SASAC');
  });

  test('a query needs a character alone, or every pair of neighbouring characters of a run', () => {
    expect(queryTokens('钼')).toEqual(['钼']);
    expect(queryTokens('国资委')).toEqual(['国资', '资委']);
    expect(queryTokens('剥离企业办社会职能')).toEqual(['剥离', '离企', '企业', '业办', '办社', '社会', '会职', '职能']);
    expect(queryTokens('巡察 整改')).toEqual(['巡察', '整改']);
    expect(queryTokens('ＳＡＳＡＣ 国资委 functions')).toEqual(['sasac', '国资', '资委', 'function']);
    expect(queryTokens('“三供一业”')).toEqual(['三供', '供一', '一业']);
    expect(queryTokens('')).toEqual([]);
  });

  test('every query token of a phrase is a token of a text holding it', () => {
    const tokens = new TokenCounts();
    tokens.add(JINDUICHENG);
    const counts = new Map(tokens.entries());
    for (const phrase of ['剥离企业办社会职能', '三供一业', '金堆城钼业集团', '钼']) {
      for (const token of queryTokens(phrase)) expect(counts.has(token), `${phrase}: ${token}`).toBe(true);
    }
  });
});

/** Adds a page of this text to a part, each occurrence of a token weighing `weight`. */
function addPage(builder: PartPostingsBuilder, text: string, weight = 1): void {
  readTokens(text, weight, builder);
  builder.endPage();
}

describe('the files of the Chinese index', () => {
  test('varints of any size read back', () => {
    const out: number[] = [];
    for (const value of [0, 1, 127, 128, 300, 2 ** 31 + 5]) writeVarint(out, value);
    const reader = new ByteReader(Uint8Array.from(out));
    expect([0, 1, 2, 3, 4, 5].map(() => reader.varint())).toEqual([0, 1, 127, 128, 300, 2 ** 31 + 5]);
    expect(reader.done).toBe(true);
    expect(() => new ByteReader(Uint8Array.of(0x80)).varint()).toThrow(/ends inside a number/);
  });

  test('postings read back, and a token is found in its bucket', () => {
    const bytes = encodePostings([0, 3, 4, 900], [1, 5, 2, 1]);
    expect(decodePostings(bytes, 4)).toEqual({
      pages: Int32Array.from([0, 3, 4, 900]),
      counts: Int32Array.from([1, 5, 2, 1]),
    });
    const builder = new PartPostingsBuilder();
    addPage(builder, '国资', 2);
    addPage(builder, '钼');
    const part = builder.encode(1);
    const { offsets } = readSectionOffsets(part);
    const bucket = joinSections([{ start: 0, section: part.subarray(offsets[0], offsets[1]) }]);
    expect(findPostings(bucket, '国资')).toEqual({ pages: Int32Array.of(0), counts: Int32Array.of(2) });
    expect(findPostings(bucket, '国')?.counts).toEqual(Int32Array.of(2));
    expect(findPostings(bucket, '钼')?.pages).toEqual(Int32Array.of(1));
    expect(findPostings(bucket, '钼业')).toBeUndefined();
  });

  test('buckets are spread by hash, the same for the same token, and grow with the archive', () => {
    expect(bucketOf('国资', 1000)).toBe(bucketOf('国资', 1000));
    const used = new Set(['国资', '资委', '剥离', '企业', '办社', '会职', '职能', '钼'].map((t) => bucketOf(t, 1000)));
    expect(used.size).toBeGreaterThan(5);
    expect(bucketCount(0)).toBe(1);
    expect(bucketCount(10_000_000)).toBeGreaterThan(bucketCount(1_000_000));
  });

  test('the bucket count holds still while the archive grows a little, and never packs a bucket fuller', () => {
    // A small archive: one bucket per 10,000 characters.
    expect(bucketCount(95_000)).toBe(10);
    // 43.5 million characters (10,000 synthetic documents): one more document of 4,000
    // characters, or ten, leave the count (and so every kept part of the index) as it was.
    const large = 43_489_576;
    expect(bucketCount(large + 4_000)).toBe(bucketCount(large));
    expect(bucketCount(large + 40_000)).toBe(bucketCount(large));
    for (const characters of [0, 1, 9_999, 160_001, 1_000_000, large, 1e9]) {
      const count = bucketCount(characters);
      expect(characters / count).toBeLessThanOrEqual(10_000);
      expect(bucketCount(characters + 1)).toBeGreaterThanOrEqual(count);
    }
  });

  test('parts joined give the same bucket as one part of the same pages', () => {
    const pages = ['国资钼钼', '国资国资国资', '改革', '国资改革改革改革改革', '钼'];
    const buckets = 3;
    const build = (slice: string[]) => {
      const builder = new PartPostingsBuilder();
      slice.forEach((page) => addPage(builder, page));
      return builder.encode(buckets);
    };
    const section = (part: Uint8Array, b: number) => {
      const { offsets } = readSectionOffsets(part);
      return part.subarray(offsets[b], offsets[b + 1]);
    };
    const whole = build(pages);
    const parts = [
      { start: 0, bytes: build(pages.slice(0, 2)) },
      { start: 2, bytes: build(pages.slice(2, 3)) },
      { start: 3, bytes: build(pages.slice(3)) },
    ];
    for (let b = 0; b < buckets; b += 1) {
      const joined = joinSections(parts.map(({ start, bytes }) => ({ start, section: section(bytes, b) })));
      expect(joined).toEqual(joinSections([{ start: 0, section: section(whole, b) }]));
    }
    const all = Array.from({ length: buckets }, (_, b) => joinSections([{ start: 0, section: section(whole, b) }]));
    const find = (token: string) => findPostings(all[bucketOf(token, buckets)]!, token);
    expect(find('国资')).toEqual({ pages: Int32Array.of(0, 1, 3), counts: Int32Array.of(1, 3, 1) });
    expect(find('钼')?.pages).toEqual(Int32Array.of(0, 4));
  });

  test('the vocabulary completes a half-typed word with its most frequent completions', () => {
    const groups = groupWords([
      ['jinduicheng', 3],
      ['jinan', 5],
      ['j', 9],
      ['2014', 2],
      ['\u56fd', 4],
    ]);
    expect([...groups.keys()].sort()).toEqual(['20', 'ji']);
    expect(groups.get('ji')).toEqual([
      ['jinan', 5],
      ['jinduicheng', 3],
    ]);
    expect(completeWord(groups.get('ji')!, 'jin')).toEqual(['jinan', 'jinduicheng']);
    expect(completeWord(groups.get('ji')!, 'jind')).toEqual(['jinduicheng']);
    expect(completeWord(groups.get('ji')!, 'jin', 1)).toEqual(['jinan']);
  });

  test('common pairs of a checked phrase are left out of the lookup, keeping the rarest if all are common', () => {
    const common = { 企业: 10_000, 社会: 9_600, 国资: 9_400, 资委: 9_300 };
    const phrase = queryTokens('剥离企业办社会');
    expect(chooseTokens(phrase, new Set(phrase), common)).toEqual(['剥离', '离企', '业办', '办社']);
    expect(chooseTokens(['国资', '资委'], new Set(['国资', '资委']), common)).toEqual(['资委']);
    // Tokens the page does not check (a lone character, an English word) always stay.
    expect(chooseTokens(['国资', '资委'], new Set(), common)).toEqual(['国资', '资委']);
    expect(chooseTokens(['sasac', '国资'], new Set(['国资']), common)).toEqual(['sasac', '国资']);
  });

  test('facets read back', () => {
    const facets = {
      names: ['type', 'year'],
      values: [
        ['讲话', '新闻'],
        ['2005', '2017'],
      ],
      pages: [
        [[0], [0]],
        [[1], []],
      ],
    };
    expect(decodeFacets(encodeFacets(facets))).toEqual(facets);
  });
});

describe('answering a query', () => {
  const postings = (pages: number[], counts: number[] = pages.map(() => 1)) => ({
    pages: Int32Array.from(pages),
    counts: Int32Array.from(counts),
  });

  test('the pages of any of several tokens, counts summed', () => {
    expect(unionPostings([postings([1, 5], [2, 1]), postings([0, 5], [1, 3])])).toEqual(postings([0, 1, 5], [1, 2, 4]));
  });

  test('pages holding every token, with each count', () => {
    const matches = intersectPostings([postings([0, 2, 5, 9], [1, 2, 3, 4]), postings([2, 9], [7, 8])]);
    expect([...matches.pages]).toEqual([2, 9]);
    expect(matches.counts.map((counts) => [...counts])).toEqual([
      [2, 4],
      [7, 8],
    ]);
    expect([...intersectPostings([postings([1]), postings([2])]).pages]).toEqual([]);
    expect([...intersectPostings([]).pages]).toEqual([]);
  });

  test('a rarer token and a higher count rank higher; a short page beats a long one', () => {
    const lengths = Int32Array.from([100, 100, 100, 1000]);
    // Page 3 holds the token twice as often as page 1, but is ten times as long.
    const matches = intersectPostings([postings([0, 1, 3], [1, 5, 10])]);
    const scores = scoreMatches(matches, [3], lengths);
    expect(orderPages(matches.pages, scores, 'relevance')).toEqual([1, 3, 0]);
    expect(orderPages(matches.pages, scores, 'newest')).toEqual([3, 1, 0]);
    expect(orderPages(matches.pages, scores, 'oldest')).toEqual([0, 1, 3]);
    // Equal scores: newer first.
    expect(orderPages([0, 1], Float64Array.of(1, 1), 'relevance')).toEqual([1, 0]);
  });

  test('filters: values of one filter are alternatives, filters combine; counts over the pages', () => {
    const facets = {
      names: ['type', 'year', 'enterprise'],
      values: [
        ['讲话', '新闻'],
        ['2005', '2017'],
        ['金钼集团', '济南控股'],
      ],
      pages: [
        [[0], [0], []],
        [[1], [1], [0, 1]],
        [[0], [1], [0]],
      ],
    };
    expect(filterPages([0, 1, 2], facets, { type: ['讲话'] })).toEqual([0, 2]);
    expect(filterPages([0, 1, 2], facets, { type: ['讲话', '新闻'], year: ['2017'] })).toEqual([1, 2]);
    expect(filterPages([0, 1, 2], facets, { enterprise: ['济南控股'] })).toEqual([1]);
    expect(filterPages([0, 1, 2], facets, { year: ['1999'] })).toEqual([]);
    expect(filterPages([0, 1, 2], facets, { speaker: ['盛俊泰'] })).toEqual([]);
    expect(countFacets([1, 2], facets)).toEqual({
      type: { 新闻: 1, 讲话: 1 },
      year: { 2017: 2 },
      enterprise: { 金钼集团: 2, 济南控股: 1 },
    });
  });
});

describe('a document in the Chinese index', () => {
  const catalogue = catalogueEntities({
    enterprises: [
      {
        id: 'jinduicheng',
        name: { zh: '金堆城钼业集团有限公司', en: 'Jinduicheng Molybdenum Group Co., Ltd.' },
        aliases: ['金钼集团'],
      } as never,
    ],
    directives: [],
    people: [],
  });
  const doc = {
    id: 'x',
    title: { zh: '金堆城獨立工礦區', en: 'Jinduicheng' },
    summary: { zh: '剝離企業辦社會職能', en: '' },
    date: '2017-08-04',
    date_precision: 'day',
    type: 'news',
    script: 'zh-Hant',
    enterprises: ['jinduicheng'],
    directives: [],
    people: [],
  } as unknown as Document;

  test('holds every text in simplified, the entities’ names and aliases, and where each paragraph starts', () => {
    const tokens = new TokenCounts();
    const entry = buildChineseEntry(doc, `${YUEQING}\n\n${JINDUICHENG}`, catalogue, tokens, useTranslations('zh'));
    expect(entry.fragment.title).toBe('金堆城獨立工礦區'); // shown as written
    expect(entry.fragment.text.startsWith('金堆城独立工矿区剥离企业办社会职能金堆城钼业集团有限公司金钼集团')).toBe(
      true,
    );
    const [first, second] = entry.fragment.paras;
    expect(entry.fragment.text.slice(first, second)).toBe('壮大集体经济，发展二轻工业');
    expect(entry.fragment.text.slice(second)).toBe(JINDUICHENG);
    expect(entry.fragment.url).toBe('/zh/documents/x/');
    expect(entry.fragment.enterprises).toEqual(['金堆城钼业集团有限公司']);
    // The title weighs 5, the summary 2, the body 1.
    const counts = new Map(tokens.entries());
    expect(counts.get('独立')).toBe(5);
    expect(counts.get('剥离')).toBe(3);
    expect(counts.get('金钼')).toBe(2);
  });

  test('joins Chinese without spaces and keeps Latin words apart', () => {
    expect(joinText(['国资委', 'SASAC', '2014', '年'])).toBe('国资委SASAC 2014年');
  });
});

describe('writing and joining parts', () => {
  const work = mkdtempSync(join(tmpdir(), 'search-index-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const catalogue = catalogueEntities({ enterprises: [], directives: [], people: [] });
  const texts = [JINDUICHENG, YUEQING, SASAC, '国有企业改革', '三供一业移交'];
  const entries = texts.map(
    (text, n) =>
      ({
        id: `d${n}`,
        title: { zh: `文献${n}`, en: `Document ${n}` },
        summary: { zh: '', en: '' },
        date: `200${n}-01-01`,
        date_precision: 'day',
        type: 'speech',
        script: n === 1 ? 'zh-Hant' : 'zh-Hans',
        enterprises: [],
        directives: [],
        people: [],
        status: 'published',
        characters: text.length,
        file: {
          relative: `documents/d${n}.md`,
          display: `d${n}.md`,
          bytes: new TextEncoder().encode(`---\n---\n${text}\n`),
        },
      }) as unknown as CheckedEntry,
  );

  const facets = { names: ['year'], values: [texts.map((_, n) => `200${n}`)], pages: texts.map((_, n) => [[n]]) };
  /** Writes `docs` in parts of `budget` characters under `<work>/<name>/parts/`; returns the parts' folders. */
  const writeParts = async (name: string, docs: CheckedEntry[], budget: number, buckets: number) => {
    const folders = [];
    for (const [p, part] of planIndexParts(docs, budget).entries()) {
      const folder = join(work, name, 'parts', String(p));
      await writeIndexPart(folder, part.documents, buckets, (doc, sink) =>
        buildChineseEntry(
          doc,
          new TextDecoder().decode(doc.file.bytes).replace(/^---\n---\n/, ''),
          catalogue,
          sink,
          useTranslations('zh'),
        ),
      );
      folders.push({ folder, start: part.start });
    }
    return folders;
  };

  test('parts are runs of consecutive pages within the budget', () => {
    // 41, 13, 21, 6 and 6 characters: the first is over the budget of 40 and a part of its own.
    expect(entries.map((entry) => entry.characters)).toEqual([41, 13, 21, 6, 6]);
    const parts = planIndexParts(entries, 40);
    expect(parts[0]!.documents).toEqual([entries[0]]);
    expect(parts.flatMap((part) => part.documents)).toEqual(entries);
    for (const part of parts) {
      expect(part.start).toBe(entries.indexOf(part.documents[0]!));
      expect(part.documents.reduce((sum, doc) => sum + doc.characters, 0)).toBeLessThanOrEqual(41);
    }
    expect(planIndexParts(entries, 1).length).toBe(entries.length);
  });

  test('one text growing, or a document added in the middle, changes only the parts around it', () => {
    // 2,000 documents of 1,000 to 9,000 characters, parts of at most 200,000.
    const sized = (id: string, characters: number) => ({ id, characters }) as unknown as CheckedEntry;
    const docs = Array.from({ length: 2_000 }, (_, n) => sized(`doc-${n}`, 1_000 + ((n * 7_919) % 8_000)));
    const members = (plan: ReturnType<typeof planIndexParts>) =>
      new Set(plan.map((part) => part.documents.map((doc) => doc.id).join(' ')));
    const before = planIndexParts(docs, 200_000);
    expect(before.length).toBeGreaterThan(20);
    for (const at of [3, 500, 1_234, 1_990]) {
      const grown = docs.map((doc, n) => (n === at ? sized(doc.id, doc.characters + 5_000) : doc));
      const added = [...docs.slice(0, at), sized('new', 4_000), ...docs.slice(at)];
      for (const after of [planIndexParts(grown, 200_000), planIndexParts(added, 200_000)]) {
        const kept = members(before);
        const changed = [...members(after)].filter((part) => !kept.has(part));
        expect(changed.length).toBeLessThanOrEqual(3);
      }
    }
  });

  test('an index written in parts finds what one written whole finds, fragment for fragment', async () => {
    const write = async (name: string, budget: number) => {
      const folders = await writeParts(name, entries, budget, 4);
      const { manifest, sums } = assembleIndex(join(work, name), 'zh', folders, 4, facets);
      return { root: join(work, name, 'search-zh'), manifest, sums, folders, facets, parts: folders.length };
    };
    const whole = await write('whole', Number.MAX_SAFE_INTEGER);
    const split = await write('split', 30);
    expect(whole.parts).toBe(1);
    expect(split.parts).toBeGreaterThan(2);
    const read = ({ root, manifest }: { root: string; manifest: IndexManifest }, path: string) =>
      gunzipSync(readFileSync(join(root, manifest.folder, path)));
    for (let b = 0; b < 4; b += 1) {
      expect(read(split, INDEX_FILES.bucket(b))).toEqual(read(whole, INDEX_FILES.bucket(b)));
    }
    expect(decodePageLengths(read(split, INDEX_FILES.pages))).toEqual(
      decodePageLengths(read(whole, INDEX_FILES.pages)),
    );
    const fragment = (page: number) =>
      JSON.parse(new TextDecoder().decode(read(split, INDEX_FILES.fragment(page)))) as SearchFragment;
    expect(fragment(1).text).toContain('壮大集体经济');
    const postings = (token: string) =>
      findPostings(read(split, INDEX_FILES.bucket(bucketOf(token, 4))), token)?.pages ?? [];
    expect([...postings('三供')]).toEqual([0, 4]);
    expect([...postings('sasac')]).toEqual([2]);
    expect(JSON.parse(readFileSync(join(split.root, 'index.json'), 'utf8'))).toEqual(split.manifest);
    // Only this build's folder is left, named after its contents: the same for the same index.
    expect(readdirSync(split.root).sort()).toEqual(['index.json', split.manifest.folder].sort());
    expect(split.manifest.folder).not.toBe(whole.manifest.folder); // parts are part of the digest
    expect(decodeFacets(read(split, INDEX_FILES.facets)).values[0]).toHaveLength(5);
  });

  test('joined again after one text changed, unchanged files are linked from the last index and the rest written', async () => {
    const buckets = 64;
    const first = assembleIndex(
      join(work, 'first'),
      'zh',
      await writeParts('first', entries, 30, buckets),
      buckets,
      facets,
    );
    const firstFolder = join(work, 'first', 'search-zh', first.manifest.folder);
    // The last document gains a sentence: 国企 was in no text before.
    const edited = entries.map((entry, n) =>
      n === 4
        ? { ...entry, file: { ...entry.file, bytes: new TextEncoder().encode('---\n---\n三供一业移交。国企\n') } }
        : entry,
    );
    const folders = await writeParts('second', edited, 30, buckets);
    const again = assembleIndex(join(work, 'second'), 'zh', folders, buckets, facets, {
      folder: firstFolder,
      sums: first.sums,
    });
    const fresh = assembleIndex(join(work, 'fresh'), 'zh', folders, buckets, facets);
    // The same index as one joined from nothing, file for file, in a folder of the same name.
    expect(again.manifest).toEqual(fresh.manifest);
    expect(again.sums).toEqual(fresh.sums);
    const againFolder = join(work, 'second', 'search-zh', again.manifest.folder);
    const freshFolder = join(work, 'fresh', 'search-zh', fresh.manifest.folder);
    for (const path of Object.keys(fresh.sums)) {
      expect(readFileSync(join(againFolder, path))).toEqual(readFileSync(join(freshFolder, path)));
    }
    // Files whose contents did not change are the last index's files, linked; the rest are new.
    const bucketPaths = Array.from({ length: buckets }, (_, b) => INDEX_FILES.bucket(b));
    const linked = bucketPaths.filter(
      (path) => statSync(join(againFolder, path)).ino === statSync(join(firstFolder, path)).ino,
    );
    const changed = bucketPaths.filter((path) => again.sums[path] !== first.sums[path]);
    expect(changed).toContain(INDEX_FILES.bucket(bucketOf('国企', buckets)));
    expect(linked.length).toBe(buckets - changed.length);
    expect(linked.length).toBeGreaterThan(buckets / 2);
    for (const path of changed) expect(linked).not.toContain(path);
  });
});
