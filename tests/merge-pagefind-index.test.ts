import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { indexRecords } from '../src/cli/index-search.ts';
import { mergePagefindBundles } from '../src/cli/merge-search-parts.ts';
import {
  buildPageMaps,
  checkSortOrders,
  chunkRanges,
  compareWords,
  mergeWordStreams,
  readChunkWords,
  readPageNumber,
  type WordPostings,
} from '../src/lib/merge-pagefind-index.ts';
import { decodePagefindBytes, decodePagefindFile, type PagefindFragment } from '../src/lib/pagefind-bundle.ts';
import type { SearchRecord } from '../src/lib/search-records.ts';
import { dealtOrder } from '../src/lib/search-parts.ts';

const word = (text: string, ...pages: [number, number[]][]): WordPostings => ({
  word: text,
  pages: pages.map(([page, locations]) => ({ page, locations, meta: [] })),
});

describe('merging index words', () => {
  test('compares words by code point, as Pagefind (Rust) does, not by UTF-16 unit', () => {
    expect(compareWords('a', 'b')).toBeLessThan(0);
    expect(compareWords('ab', 'a')).toBeGreaterThan(0);
    // U+FF21 sorts before U+20000 by code point, after it by UTF-16 unit.
    expect(compareWords('\uff21', '\u{20000}')).toBeLessThan(0);
    expect('\uff21' < '\u{20000}').toBe(false);
  });

  test('merges sorted streams, renumbering pages and leaving out pages not in the order', () => {
    const maps = buildPageMaps(
      [2, 2],
      [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
    );
    expect(maps).toEqual([
      [0, 2],
      [1, -1],
    ]);
    const merged = [
      ...mergeWordStreams(
        [
          [word('a', [0, [1]], [1, [2]]), word('c', [1, [3]])],
          [word('a', [0, [4]]), word('b', [1, [5]])],
        ],
        maps,
      ),
    ];
    expect(merged).toEqual([word('a', [0, [1]], [1, [4]], [2, [2]]), word('c', [2, [3]])]);
  });

  test('gives each chunk a range that holds its words and tells it from its neighbours', () => {
    const chunks = [
      { first: 'hqaaa', last: 'hqabcdef' },
      { first: 'hqabd000', last: 'hqb00000' },
      { first: 'hqb00001', last: 'hqc' },
    ];
    const ranges = chunkRanges(chunks);
    expect(ranges).toEqual([
      { from: 'hqaaa', to: 'hqabcdef' },
      { from: 'hqabd', to: 'hqb00000' },
      { from: 'hqb00001', to: 'hqc' },
    ]);
    const holding = (term: string) => ranges.findIndex(({ from, to }) => term >= from && term <= to);
    for (const [i, { first, last }] of chunks.entries()) {
      expect(holding(first)).toBe(i);
      expect(holding(last)).toBe(i);
    }
    expect(holding('hqabd')).toBe(1); // a prefix finds the chunk its extensions start in
  });

  test("refuses an order that disagrees with an index's own date order", () => {
    const maps = buildPageMaps(
      [3],
      [
        [0, 0],
        [0, 1],
        [0, 2],
      ],
    );
    expect(() => checkSortOrders([[0, 1, 2]], maps)).not.toThrow();
    expect(() => checkSortOrders([[0, 2, 1]], maps)).toThrow(/sorts page 1/);
    expect(() => buildPageMaps([1], [[0, 1]])).toThrow();
  });
});

// Real Pagefind bundles: the same English records indexed whole, and dealt to two parts then
// merged, must give the same words on the same pages, the same filters and the same page order.
describe('merging Pagefind bundles', () => {
  const work = mkdtempSync(join(tmpdir(), 'merge-pagefind-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const texts = [
    'SASAC pushes reform',
    'divesting the social functions of enterprises',
    'SASAC three supplies and one property',
    'four batches',
    'reform of state-owned enterprises',
    'handing over the three supplies',
  ];
  const records: SearchRecord[] = texts.map((text, n) => ({
    url: `/en/documents/d${n}/`,
    language: 'en',
    content: text,
    meta: { title: `d${n}`, paras: '0' },
    filters: { year: [String(2000 + (n % 3))] },
    sort: { date: `200${n}-01-01` },
  }));

  /** Every word of a bundle's index with its pages' URLs and location counts, and its filters. */
  const readBundle = (bundle: string) => {
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
    const meta = decodePagefindFile(readFileSync(join(bundle, `pagefind.${entry.languages.en.hash}.pf_meta`))) as [
      string,
      [string, number][],
      [string, string, string][],
      [string, string][],
    ];
    const url = (page: number) => {
      const bytes = readFileSync(join(bundle, 'fragment', `${meta[1][page]![0]}.pf_fragment`));
      return (JSON.parse(new TextDecoder().decode(decodePagefindBytes(bytes))) as PagefindFragment).url;
    };
    const words = new Map<string, string[]>();
    for (const [, , hash] of meta[2]) {
      for (const { word: text, pages } of readChunkWords(
        decodePagefindFile(readFileSync(join(bundle, 'index', `${hash}.pf_index`))),
      )) {
        words.set(
          text,
          pages.map(({ page, locations }) => `${url(page)}×${locations.filter((l) => l >= 0).length}`),
        );
      }
    }
    const filters = meta[3].map(([, file]) =>
      decodePagefindFile(readFileSync(join(bundle, 'filter', `${file}.pf_filter`))),
    );
    return { pages: meta[1].map((_, page) => url(page)), names: meta[1].map(([name]) => name), words, filters };
  };

  test('two parts merged answer like one index over the same records', async () => {
    await indexRecords(join(work, 'whole'), records, pagefind);
    const shards = [records.filter((_, n) => n % 2 === 0), records.filter((_, n) => n % 2 === 1)];
    for (const [i, shard] of shards.entries()) await indexRecords(join(work, `shard-${i}`), shard, pagefind);
    const options = { chunkBytes: 64 };
    mergePagefindBundles([join(work, 'whole')], 'en', { ...options, order: dealtOrder([records.length]) });
    mergePagefindBundles([join(work, 'shard-0'), join(work, 'shard-1')], 'en', {
      ...options,
      order: dealtOrder(shards.map((shard) => shard.length)),
    });
    const whole = readBundle(join(work, 'whole'));
    const merged = readBundle(join(work, 'shard-0'));
    expect(readdirSync(work).sort()).toEqual(['shard-0', 'whole']);
    expect(merged.pages).toEqual(records.map((record) => record.url));
    expect(whole.pages).toEqual(merged.pages);
    expect(merged.words).toEqual(whole.words);
    expect(merged.words.get('sasac')).toEqual(['/en/documents/d0/×1', '/en/documents/d2/×1']);
    expect(merged.filters).toEqual(whole.filters);
    expect(merged.names.map(readPageNumber)).toEqual(records.map((_, n) => n));
    // Small chunks: the words are spread over several, and each holds its words in its range.
    expect(readdirSync(join(work, 'shard-0', 'index')).length).toBeGreaterThan(3);
  });
});
