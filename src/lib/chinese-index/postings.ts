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
  writeString,
  writeVarint,
  type EncodedPostings,
} from './format.ts';
import { hanToken, type TokenCounts } from './tokens.ts';

/** A token's postings within one part: pages relative to the part's first page. */
interface PartPostings {
  pages: number[];
  counts: number[];
}

/** Adds `page`'s count of a token to its postings in `map`. */
function post<K>(map: Map<K, PartPostings>, key: K, page: number, count: number): void {
  const own = map.get(key);
  if (own) {
    own.pages.push(page);
    own.counts.push(count);
  } else {
    map.set(key, { pages: [page], counts: [count] });
  }
}

/** The postings of a run of consecutive pages, gathered in memory one page at a time. */
export class PartPostingsBuilder {
  private readonly han = new Map<number, PartPostings>();
  private readonly words = new Map<string, PartPostings>();
  private pageCount = 0;

  /** Adds the next page's token counts. */
  add(counts: TokenCounts): void {
    const page = this.pageCount++;
    for (const [key, count] of counts.han) post(this.han, key, page, count);
    for (const [word, count] of counts.words) post(this.words, word, page, count);
  }

  /** Every token's postings, Han tokens as strings. */
  private *tokens(): Generator<[string, PartPostings]> {
    for (const [key, postings] of this.han) yield [hanToken(key), postings];
    yield* this.words;
  }

  /**
   * The part's postings file: the bucket count, the byte offset of each bucket's section (so a
   * join reads bucket by bucket), then the sections. A section lists its tokens in code point
   * order, each with its page count, first and last page (relative to the part) and the rest
   * of its postings: the count on the first page, then differences and counts as in a bucket.
   */
  encode(buckets: number): Uint8Array {
    const byBucket: [string, PartPostings][][] = Array.from({ length: buckets }, () => []);
    for (const entry of this.tokens()) byBucket[bucketOf(entry[0], buckets)]!.push(entry);
    const sections = byBucket.map((tokens) => {
      tokens.sort(([a], [b]) => compareTokens(a, b));
      const out: number[] = [];
      writeVarint(out, tokens.length);
      for (const [token, { pages, counts }] of tokens) {
        writeString(out, token);
        writeVarint(out, pages.length);
        writeVarint(out, pages[0]!);
        writeVarint(out, pages[pages.length - 1]!);
        const rest: number[] = [];
        writeVarint(rest, counts[0]!);
        for (let i = 1; i < pages.length; i += 1) {
          writeVarint(rest, pages[i]! - pages[i - 1]!);
          writeVarint(rest, counts[i]!);
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
export function joinSections(sections: readonly { start: number; section: Uint8Array }[]): Uint8Array {
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
    return { token, pages, bytes: concatBytes(pieces) };
  });
  return encodeBucket(tokens);
}
