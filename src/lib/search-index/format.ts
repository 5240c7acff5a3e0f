// The files of the search indexes (one per language), shared by the build (which writes them)
// and the search page (which reads them). Everything is a sequence of unsigned LEB128 numbers ("varints") and
// UTF-8 strings, gzipped by the build and unzipped by the browser.
//
// Pages are the documents in date order (then id): page n is the n-th oldest, so sorting by
// date is sorting by page number and a result needs no more than its number to be fetched.
// A token's postings are its pages in ascending order, each as the difference from the
// previous one (the first from -1), followed by the token's weighted count on that page.
// Tokens are spread over `buckets` files by a hash of the token, so the page finds a token's
// postings without a directory of the index: one file per query token.

/** Appends `value` (a non-negative integer) as a varint. */
export function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** Reads bytes written by `writeVarint` and friends, keeping its place. */
export class ByteReader {
  offset = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new Error('index file ends inside a number');
      const byte = this.bytes[this.offset++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }
  bytesOf(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new Error('index file ends inside a field');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
  string(): string {
    return decoder.decode(this.bytesOf(this.varint()));
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Appends a string as its UTF-8 length and bytes. */
export function writeString(out: number[], text: string): void {
  const bytes = encoder.encode(text);
  writeVarint(out, bytes.length);
  for (const byte of bytes) out.push(byte);
}

/** The bucket file holding a token: FNV-1a over its UTF-16 code units, modulo the bucket count. */
export function bucketOf(token: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i += 1) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/**
 * How many bucket files an index of `characters` characters gets: at most `BUCKET_CHARACTERS`
 * characters of text each (their postings come to some 16 KB unzipped, measured on the
 * synthetic archive), so a query token costs one small file. The count is rounded up to a
 * coarse series (`roundUpCoarse`): every part of an index is written for one bucket count, so a
 * new count writes the whole index again, and with a count that followed every 10,000
 * characters, adding one document of 4,000 characters changed it two times in five.
 */
export function bucketCount(characters: number): number {
  return roundUpCoarse(characters / BUCKET_CHARACTERS);
}

/**
 * The least whole number at least `n` (and at least 1) whose binary form has no more than four
 * significant digits: 1…16, 18, 20, …, 32, 36, … Successive values are at most 12.5% apart.
 */
export function roundUpCoarse(n: number): number {
  const value = Math.max(1, Math.ceil(n));
  let scale = 1;
  while (value / scale >= 16) scale *= 2;
  return Math.ceil(value / scale) * scale;
}

/** Characters of indexed text per bucket file (see `bucketCount`). */
export const BUCKET_CHARACTERS = 10_000;

/** One token's postings, encoded: page differences and counts, as described above. */
export interface EncodedPostings {
  token: string;
  /** How many pages hold the token. */
  pages: number;
  /** The postings (see the top of this file). */
  bytes: Uint8Array;
}

/** A bucket file (before gzip): the token count, then each token, its page count and postings. */
export function encodeBucket(tokens: readonly EncodedPostings[]): Uint8Array {
  const head: number[] = [];
  writeVarint(head, tokens.length);
  const parts: Uint8Array[] = [Uint8Array.from(head)];
  for (const { token, pages, bytes } of tokens) {
    const fields: number[] = [];
    writeString(fields, token);
    writeVarint(fields, pages);
    writeVarint(fields, bytes.length);
    parts.push(Uint8Array.from(fields), bytes);
  }
  return concatBytes(parts);
}

/** A growing list of 32-bit integers: the index builders' token and posting lists, with no boxed number per entry. */
export class IntList {
  items = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

/** Joins byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A token's pages (ascending) and its weighted count on each. */
export interface Postings {
  pages: Int32Array;
  counts: Int32Array;
}

/** Finds a token in a bucket file and decodes its postings; undefined when no page holds it. */
export function findPostings(bucket: Uint8Array, token: string): Postings | undefined {
  const reader = new ByteReader(bucket);
  const wanted = encoder.encode(token);
  const tokens = reader.varint();
  for (let i = 0; i < tokens; i += 1) {
    const name = reader.bytesOf(reader.varint());
    const pages = reader.varint();
    const length = reader.varint();
    if (name.length === wanted.length && name.every((byte, j) => byte === wanted[j])) {
      return decodePostings(reader.bytesOf(length), pages);
    }
    reader.offset += length;
  }
  return undefined;
}

/** Decodes `count` postings. */
export function decodePostings(bytes: Uint8Array, count: number): Postings {
  const reader = new ByteReader(bytes);
  const pages = new Int32Array(count);
  const counts = new Int32Array(count);
  let page = -1;
  for (let i = 0; i < count; i += 1) {
    page += reader.varint();
    pages[i] = page;
    counts[i] = reader.varint();
  }
  return { pages, counts };
}

/** Encodes postings (pages ascending, counts at least 1). */
export function encodePostings(pages: ArrayLike<number>, counts: ArrayLike<number>): Uint8Array {
  const out: number[] = [];
  let previous = -1;
  for (let i = 0; i < pages.length; i += 1) {
    writeVarint(out, pages[i]! - previous);
    writeVarint(out, counts[i]!);
    previous = pages[i]!;
  }
  return Uint8Array.from(out);
}

/**
 * The pages file (before gzip): the page count, then each page's length in characters and
 * words, which ranking weighs counts against.
 */
export function encodePageLengths(lengths: ArrayLike<number>): Uint8Array {
  const out: number[] = [];
  writeVarint(out, lengths.length);
  for (let i = 0; i < lengths.length; i += 1) writeVarint(out, lengths[i]!);
  return Uint8Array.from(out);
}

/** Reads a pages file. */
export function decodePageLengths(bytes: Uint8Array): Int32Array {
  const reader = new ByteReader(bytes);
  const lengths = new Int32Array(reader.varint());
  for (let i = 0; i < lengths.length; i += 1) lengths[i] = reader.varint();
  return lengths;
}

/** Every page's values of the search filters, as the facets file holds them. */
export interface PageFacets {
  /** The filters, in order. */
  names: string[];
  /** For each filter, its values; pages refer to them by index. */
  values: string[][];
  /** For each page, for each filter, the indexes of its values. */
  pages: number[][][];
}

/**
 * The facets file (before gzip): the filter names and values as a JSON string, then for each
 * page and filter the number of values and their indexes.
 */
export function encodeFacets({ names, values, pages }: PageFacets): Uint8Array {
  const out: number[] = [];
  writeString(out, JSON.stringify({ names, values }));
  writeVarint(out, pages.length);
  for (const page of pages) {
    for (let f = 0; f < names.length; f += 1) {
      const own = page[f] ?? [];
      writeVarint(out, own.length);
      for (const value of own) writeVarint(out, value);
    }
  }
  return Uint8Array.from(out);
}

/** Reads a facets file. */
export function decodeFacets(bytes: Uint8Array): PageFacets {
  const reader = new ByteReader(bytes);
  const { names, values } = JSON.parse(reader.string()) as Pick<PageFacets, 'names' | 'values'>;
  const pages: number[][][] = [];
  const count = reader.varint();
  for (let p = 0; p < count; p += 1) {
    pages.push(names.map(() => Array.from({ length: reader.varint() }, () => reader.varint())));
  }
  return { names, values, pages };
}

/** The folder of a language's index in the built site: `search-zh`, `search-en`. */
export function indexFolder(lang: 'zh' | 'en'): string {
  return `search-${lang}`;
}

/** What `search-<lang>/index.json` says: where this build's files are and how they are laid out. */
export interface IndexManifest {
  /** The folder of this build's files, under `search-<lang>/`: a digest of the index. */
  folder: string;
  buckets: number;
  pages: number;
  /**
   * Han tokens on at least `COMMON_SHARE` of the pages, with their page counts: a query may
   * leave them out where the page checks its phrases anyway (`chooseTokens`).
   */
  common: Record<string, number>;
}

/** The share of pages from which a token is common (see `IndexManifest.common`). */
export const COMMON_SHARE = 0.9;

/**
 * The tokens a query looks up. Tokens in `optional` (pairs of a phrase that the page will check
 * on each result's text) that are common in the index narrow the candidates by less than a
 * tenth and cost a file each, so they are left out; if all of them are common, the rarest one
 * stays. Other tokens always stay.
 */
export function chooseTokens(
  tokens: readonly string[],
  optional: ReadonlySet<string>,
  common: Readonly<Record<string, number>>,
): string[] {
  const isCommon = (token: string) => optional.has(token) && common[token] !== undefined;
  const kept = tokens.filter((token) => !isCommon(token));
  if (kept.some((token) => optional.has(token)) || !tokens.some(isCommon)) return kept;
  const rarest = tokens.filter(isCommon).sort((a, b) => common[a]! - common[b]!)[0]!;
  return [...kept, rarest];
}

/**
 * Paths of the index's files, relative to its folder. All are gzipped by the build and named
 * `.bin`, so that a static host serves them as they are rather than compressing them again
 * (hosts compress JSON; a gzipped fragment named `.json` was gzipped twice).
 */
export const INDEX_FILES = {
  bucket: (bucket: number) => `b/${bucket.toString(36)}.bin`,
  fragment: (page: number) => `f/${page.toString(36)}.bin`,
  pages: 'pages.bin',
  facets: 'facets.bin',
  words: (prefix: string) => `w/${prefix}.bin`,
};

/** Characters of a word that name its vocabulary file (`INDEX_FILES.words`). */
export const WORD_PREFIX = 2;

/**
 * The vocabulary files: the index's Latin words (stems and numbers) grouped by their first
 * `WORD_PREFIX` characters, each file a JSON array of [word, page count], most frequent first.
 * The search page completes a half-typed last word from them (Pagefind's prefix search, which a
 * hashed index cannot do by itself).
 */
export function groupWords(words: Iterable<[string, number]>): Map<string, [string, number][]> {
  const groups = new Map<string, [string, number][]>();
  for (const [word, pages] of words) {
    if (word.length < WORD_PREFIX || !/^[0-9a-z]+$/.test(word)) continue;
    const prefix = word.slice(0, WORD_PREFIX);
    const group = groups.get(prefix) ?? [];
    group.push([word, pages]);
    groups.set(prefix, group);
  }
  for (const group of groups.values()) group.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return groups;
}

/**
 * The words of a vocabulary group that complete `prefix` (already in lower case), most
 * frequent first, at most `limit` of them.
 */
export function completeWord(group: readonly [string, number][], prefix: string, limit = 8): string[] {
  return group
    .filter(([word]) => word.startsWith(prefix))
    .slice(0, limit)
    .map(([word]) => word);
}

/** What the search page shows of a result, and the text it checks the query's phrases against. */
export interface SearchFragment {
  url: string;
  /** The title in the index's language; in English, the Chinese original too. */
  title: string;
  original?: string;
  date: string;
  type: string;
  enterprises: string[];
  /** Where each paragraph of the body starts in `text` (UTF-16 offsets); ¶ n is `paras[n - 1]`. */
  paras: number[];
  /** Title, summary and other fields, the names of the entities, then the body (Chinese: in simplified). */
  text: string;
}
