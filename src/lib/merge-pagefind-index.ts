// Merging Pagefind indexes of one language into one, offline. A large archive's English index is
// written as several Pagefind bundles, one per part (src/lib/search-parts.ts); merged in the
// browser (`mergeIndex`), every part would cost its own meta file and its own index chunk for
// every query word. Merged here, a query loads one meta file and one chunk per word.
//
// The format, as Pagefind 1.5.2 writes it (CBOR, read back with `decodePagefindFile`):
// - an index chunk is `[words]`, each word `[word, pages]`, each page
//   `[page delta, locations, meta locations]`: page numbers as differences from the previous
//   page of the word, locations as differences from the previous location, a negative number
//   setting the weight of the locations after it;
// - a filter is `[name, [[value, [page, …]], …]]` with page numbers as they are;
// - the meta file is `[version, [[fragment, word count], …], [[from, to, chunk], …],
//   [[filter, file], …], [[sort, [page, …]], …], meta fields]`. A query word loads the one chunk
//   whose `from`–`to` range holds it, compared as UTF-8 bytes.

/** One page's occurrences of a word: its page number and the locations as stored (deltas, weights). */
export interface WordPage {
  page: number;
  locations: number[];
  meta: unknown[];
}

/** A word and every page it occurs on, in page order. */
export interface WordPostings {
  word: string;
  pages: WordPage[];
}

type StoredPage = [number, number[], unknown[]];
type StoredWord = [string, StoredPage[]];

/** Compares two words as Pagefind does (Rust strings: by code point, i.e. UTF-8 byte order). */
export function compareWords(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i += 1;
  }
  return a.length - b.length;
}

/** Reads the words of a decoded index chunk, with page numbers made absolute. */
export function readChunkWords(chunk: unknown): WordPostings[] {
  const [words] = chunk as [StoredWord[]];
  return words.map(([word, pages]) => {
    let page = 0;
    return {
      word,
      pages: pages.map(([delta, locations, meta]) => {
        page += delta;
        return { page, locations, meta };
      }),
    };
  });
}

/** A word as an index chunk stores it (page numbers as differences). */
export function toStoredWord({ word, pages }: WordPostings): StoredWord {
  let previous = 0;
  return [
    word,
    pages.map(({ page, locations, meta }): StoredPage => {
      const delta = page - previous;
      previous = page;
      return [delta, locations, meta];
    }),
  ];
}

/**
 * Merges word streams, each sorted by `compareWords`, into one sorted stream; stream `s`'s page
 * `p` becomes page `pageMaps[s][p]` (negative: left out), and a word found in several streams
 * gets the pages of all of them, in page order. Lazy, so a large index is never held whole.
 */
export function* mergeWordStreams(
  streams: readonly Iterable<WordPostings>[],
  pageMaps: readonly (readonly number[])[],
): Generator<WordPostings> {
  const cursors = streams.map((stream) => stream[Symbol.iterator]());
  const heads = cursors.map((cursor) => cursor.next());
  for (;;) {
    let word: string | undefined;
    for (const head of heads)
      if (!head.done && (word === undefined || compareWords(head.value.word, word) < 0)) word = head.value.word;
    if (word === undefined) return;
    const pages: WordPage[] = [];
    heads.forEach((head, s) => {
      if (head.done || head.value.word !== word) return;
      for (const page of head.value.pages) {
        const mapped = pageMaps[s]![page.page];
        if (mapped === undefined) throw new Error(`page ${page.page} of index ${s} is not in the merge order`);
        if (mapped >= 0) pages.push({ ...page, page: mapped });
      }
      heads[s] = cursors[s]!.next();
    });
    if (pages.length === 0) continue;
    pages.sort((a, b) => a.page - b.page);
    yield { word, pages };
  }
}

/** How a chunk is named in the meta file: the range of words it holds. */
export interface ChunkRange {
  from: string;
  to: string;
}

/**
 * The `from`–`to` ranges of consecutive chunks, given the first and last word of each. Pagefind
 * loads, for each query word, the chunk whose range holds it (`from <= word <= to`), so every
 * word of a chunk must lie in its range: `to` is the last word itself, and `from` the first
 * word cut to the shortest prefix that still sorts after the previous chunk's last word, so
 * that a query word that is only a prefix (one character: `hq` and three letters) finds the
 * chunk where its extensions start.
 */
export function chunkRanges(chunks: readonly { first: string; last: string }[]): ChunkRange[] {
  return chunks.map(({ first, last }, i) => {
    const before = i > 0 ? [...chunks[i - 1]!.last] : [];
    const after = [...first];
    let common = 0;
    while (common < before.length && common < after.length && before[common] === after[common]) common += 1;
    return { from: i > 0 ? after.slice(0, common + 1).join('') : first, to: last };
  });
}

/**
 * Checks that the merge order follows each index's own order of a sort key (its page numbers
 * in ascending order of the key), so that the merged page number can stand in for the key.
 * Throws at the first page that disagrees rather than let a sort go silently wrong.
 */
export function checkSortOrders(
  orders: readonly (readonly number[])[],
  pageMaps: readonly (readonly number[])[],
): void {
  orders.forEach((order, s) => {
    let previous = -1;
    for (const page of order) {
      const mapped = pageMaps[s]![page] ?? -1;
      if (mapped < 0) continue;
      if (mapped < previous) throw new Error(`index ${s} sorts page ${page} before the merge order does`);
      previous = mapped;
    }
  });
}

/**
 * The file name of merged page `page`: the language, a tag of the build's fragments (so a
 * browser never takes another build's page for this one) and the page number in base 36,
 * from which the search page reads the page's place in date order (`readPageNumber`).
 */
export function pageFragmentName(language: string, tag: string, page: number): string {
  return `${language}_${tag}_${page.toString(36)}`;
}

/** Merges filter values: for each value, the mapped pages of every index, sorted. */
export function mergeFilterValues(
  filters: readonly (readonly [string, readonly number[]][])[],
  pageMaps: readonly (readonly number[])[],
): [string, number[]][] {
  const values = new Map<string, number[]>();
  filters.forEach((filter, s) => {
    for (const [value, pages] of filter) {
      const merged = values.get(value) ?? [];
      for (const page of pages) {
        const mapped = pageMaps[s]![page] ?? -1;
        if (mapped >= 0) merged.push(mapped);
      }
      values.set(value, merged);
    }
  });
  return [...values]
    .filter(([, pages]) => pages.length > 0)
    .map(([value, pages]): [string, number[]] => [value, pages.sort((a, b) => a - b)])
    .sort(([a], [b]) => compareWords(a, b));
}

/**
 * Page maps for merging indexes whose pages are listed in `order` (index, page): the merged
 * index has them in that order; pages not listed are left out.
 */
export function buildPageMaps(
  pageCounts: readonly number[],
  order: readonly (readonly [number, number])[],
): number[][] {
  const maps = pageCounts.map((count) => new Array<number>(count).fill(-1));
  order.forEach(([index, page], merged) => {
    const map = maps[index];
    if (!map || page >= map.length || map[page]! >= 0)
      throw new Error(`page ${page} of index ${index} cannot be merged`);
    map[page] = merged;
  });
  return maps;
}

/** The CBOR head of an array of `length` items. */
function arrayHead(length: number): Uint8Array {
  if (length < 24) return Uint8Array.of(0x80 | length);
  if (length < 0x100) return Uint8Array.of(0x98, length);
  if (length < 0x10000) return Uint8Array.of(0x99, length >> 8, length & 0xff);
  return Uint8Array.of(0x9a, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}

/** An index chunk's CBOR (`[words]`) from the CBOR of each word, without encoding them again. */
export function concatChunk(words: readonly Uint8Array[]): Uint8Array {
  const head = arrayHead(words.length);
  const size = 1 + head.length + words.reduce((sum, word) => sum + word.length, 0);
  const bytes = new Uint8Array(size);
  bytes[0] = 0x81;
  bytes.set(head, 1);
  let at = 1 + head.length;
  for (const word of words) {
    bytes.set(word, at);
    at += word.length;
  }
  return bytes;
}

/** The page number in a fragment name made by `pageFragmentName` (NaN for other names). */
export function readPageNumber(name: string): number {
  const match = /_([0-9a-z]+)$/.exec(name);
  return match && name.split('_').length === 3 ? parseInt(match[1]!, 36) : NaN;
}
