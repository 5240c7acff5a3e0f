// Building the Chinese index's postings in parts and joining the parts. Pages are numbered in
// date order and each part is a run of consecutive pages, so a token's postings over the whole
// archive are its postings in each part, one after another: the parts are joined by rewriting
// only the first page difference of each, never decoding the rest. A part is what one pass
// over some documents makes and what a later build can keep when its documents did not change.

import {
  ByteReader,
  bucketOf,
  concatBytes,
  encodeBucket,
  IntList,
  writeString,
  writeVarint,
  type EncodedPostings,
} from './format.ts';
import { hanToken, type TokenSink } from './tokens.ts';

/**
 * The postings of a run of consecutive pages, gathered one page at a time: a sink for the
 * tokens of each page in turn (`startPage`, tokens, `endPage`). Every token gets a number when
 * first seen; a page's counts are kept per number and become postings (number, page, count) in
 * flat lists when the page ends, sorted by token only when the part is written, so that a part
 * of millions of postings makes no garbage per token or per page.
 */
export class PartPostingsBuilder implements TokenSink {
  private readonly hanIds = new Map<number, number>();
  private readonly wordIds = new Map<string, number>();
  /** The token of each number: a Han key (`hanToken`) or a word. */
  private readonly keys: (number | string)[] = [];
  private pageCounts = new Int32Array(1024);
  private readonly touched = new IntList();
  private readonly ids = new IntList();
  private readonly pages = new IntList();
  private readonly counts = new IntList();
  private pageCount = 0;

  private count(id: number, weight: number): void {
    if (id >= this.pageCounts.length) {
      const grown = new Int32Array(this.pageCounts.length * 2);
      grown.set(this.pageCounts);
      this.pageCounts = grown;
    }
    if (this.pageCounts[id] === 0) this.touched.push(id);
    this.pageCounts[id] = this.pageCounts[id]! + weight;
  }

  /** The number of a token, given to it when first seen. */
  private idOf<K>(ids: Map<K, number>, key: K & (number | string)): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = this.keys.push(key) - 1;
      ids.set(key, id);
    }
    return id;
  }

  han(key: number, weight: number): void {
    this.count(this.idOf(this.hanIds, key), weight);
  }

  word(word: string, weight: number): void {
    this.count(this.idOf(this.wordIds, word), weight);
  }

  /** Ends the current page: its counts become postings. Returns the page's number in the part. */
  endPage(): number {
    const page = this.pageCount++;
    const { items, length } = this.touched;
    for (let i = 0; i < length; i += 1) {
      const id = items[i]!;
      this.ids.push(id);
      this.pages.push(page);
      this.counts.push(this.pageCounts[id]!);
      this.pageCounts[id] = 0;
    }
    this.touched.length = 0;
    return page;
  }

  /**
   * The part's postings file: the bucket count, the byte offset of each bucket's section (so a
   * join reads bucket by bucket), then the sections. A section lists its tokens in code point
   * order, each with its page count, first and last page (relative to the part) and the rest
   * of its postings: the count on the first page, then differences and counts as in a bucket.
   */
  encode(buckets: number): Uint8Array {
    // Postings sorted by token number (counting sort: pages stay in order within a token).
    const tokens = this.keys.length;
    const start = new Int32Array(tokens + 1);
    const ids = this.ids.items;
    const total = this.ids.length;
    for (let i = 0; i < total; i += 1) start[ids[i]! + 1]! += 1;
    for (let id = 0; id < tokens; id += 1) start[id + 1]! += start[id]!;
    const next = start.slice(0, tokens);
    const order = new Int32Array(total);
    for (let i = 0; i < total; i += 1) order[next[ids[i]!]!++] = i;

    const names = this.keys.map((key) => (typeof key === 'number' ? hanToken(key) : key));
    const byBucket: number[][] = Array.from({ length: buckets }, () => []);
    names.forEach((name, id) => byBucket[bucketOf(name, buckets)]!.push(id));
    const pages = this.pages.items;
    const counts = this.counts.items;
    const sections = byBucket.map((members) => {
      members.sort((a, b) => compareTokens(names[a]!, names[b]!));
      const out: number[] = [];
      writeVarint(out, members.length);
      for (const id of members) {
        const from = start[id]!;
        const to = start[id + 1]!;
        writeString(out, names[id]!);
        writeVarint(out, to - from);
        writeVarint(out, pages[order[from]!]!);
        writeVarint(out, pages[order[to - 1]!]!);
        const rest: number[] = [];
        writeVarint(rest, counts[order[from]!]!);
        for (let i = from + 1; i < to; i += 1) {
          writeVarint(rest, pages[order[i]!]! - pages[order[i - 1]!]!);
          writeVarint(rest, counts[order[i]!]!);
        }
        writeVarint(out, rest.length);
        for (const byte of rest) out.push(byte);
      }
      return Uint8Array.from(out);
    });
    const head = new Uint8Array(4 * (buckets + 2));
    const view = new DataView(head.buffer);
    view.setUint32(0, buckets, true);
    let offset = head.length;
    sections.forEach((section, b) => {
      view.setUint32(4 * (b + 1), offset, true);
      offset += section.length;
    });
    view.setUint32(4 * (buckets + 1), offset, true);
    return concatBytes([head, ...sections]);
  }
}

/** Orders tokens by code point, the same in every part and every runtime. */
export function compareTokens(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where each bucket's section lies in a part's postings file, read from its head. */
export function readSectionOffsets(head: Uint8Array): { buckets: number; offsets: number[] } {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const buckets = view.getUint32(0, true);
  if (head.byteLength < 4 * (buckets + 2)) throw new Error('postings file head is cut short');
  return { buckets, offsets: Array.from({ length: buckets + 1 }, (_, b) => view.getUint32(4 * (b + 1), true)) };
}

/** One token's postings in one part's section. */
interface SectionToken {
  token: string;
  pages: number;
  first: number;
  last: number;
  rest: Uint8Array;
}

function readSection(section: Uint8Array): SectionToken[] {
  const reader = new ByteReader(section);
  return Array.from({ length: reader.varint() }, () => {
    const token = reader.string();
    const pages = reader.varint();
    const first = reader.varint();
    const last = reader.varint();
    return { token, pages, first, last, rest: reader.bytesOf(reader.varint()) };
  });
}

/**
 * Joins one bucket's sections from consecutive parts (each with the number of its first page)
 * into the bucket file's contents: each token's postings part after part, the first page
 * difference of each part's postings rewritten against the last page before it.
 */
export function joinSections(
  sections: readonly { start: number; section: Uint8Array }[],
  onToken?: (token: string, pages: number) => void,
): Uint8Array {
  const joined = new Map<string, { pages: number; pieces: Uint8Array[]; last: number }>();
  for (const { start, section } of sections) {
    for (const { token, pages, first, last, rest } of readSection(section)) {
      const own = joined.get(token) ?? { pages: 0, pieces: [], last: -1 };
      const difference: number[] = [];
      writeVarint(difference, start + first - own.last);
      own.pieces.push(Uint8Array.from(difference), rest);
      own.pages += pages;
      own.last = start + last;
      joined.set(token, own);
    }
  }
  const tokens: EncodedPostings[] = [...joined.keys()].sort(compareTokens).map((token) => {
    const { pages, pieces } = joined.get(token)!;
    onToken?.(token, pages);
    return { token, pages, bytes: concatBytes(pieces) };
  });
  return encodeBucket(tokens);
}
