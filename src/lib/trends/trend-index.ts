// The trends index of one language: for every unit (a Chinese character, an English word) and
// every pair of neighbouring units, the documents holding it with their exact counts; for pairs
// also the unit positions of each occurrence. A phrase of one or two units is counted from its
// token's counts alone; a longer one from the positions of pairs that cover all its units, the
// cover chosen to fetch as little as the counts allow (`chooseCover`): a place where each
// covering pair sits at its offset from the start is an occurrence, exactly.
//
// Files (each gzipped by the build), in `trends-<lang>/<folder>/`:
//   docs.json        the documents in date order (then id), as the search index numbers them:
//                    year, type, speaker and size in units of each (`TrendDocs`)
//   c/<n>.bin        counts bucket n: the tokens hashed to n (FNV-1a, as the search index), each
//                    with its documents (differences from the one before, from -1) and counts
//   p/<n>.bin        positions bucket n (of their own number, by the same hash): for each pair
//                    token hashed to n, for each of its documents in the order of its counts,
//                    its positions (the first as it is, then differences)
// and `trends-<lang>/index.json` naming the folder and the bucket count.
import { bucketOf, ByteReader, concatBytes, writeString, writeVarint } from '../search-index/format.ts';
import { listUnits } from './units.ts';

/** What the page reads first: where the files are and how tokens are spread over buckets. */
export interface TrendManifest {
  folder: string;
  /** Counts bucket files (`c/`). */
  buckets: number;
  /** Positions bucket files (`p/`): finer, since a pair's positions weigh more than its counts. */
  positionBuckets: number;
}

/** The documents of a trends index, column by column, in page order. */
export interface TrendDocs {
  lang: 'zh' | 'en';
  /** Year of each document. */
  years: number[];
  /** Index into `types` of each document. */
  type: number[];
  /** Index into `speakers` of each document, -1 without one. */
  speaker: number[];
  /** Units (characters, words) of each document's counted text. */
  size: number[];
  /** Document types by code (`speech`, `report`…). */
  types: string[];
  /** Speakers: id and name in both languages. */
  speakers: { id: string; zh: string; en: string }[];
}

/**
 * Units per counts bucket file, and per positions bucket file: tokens of about this much text
 * share a file. Measured with 40,000 units a bucket: at 10,000 synthetic documents a rare
 * five-character phrase fetched 195 KB of positions for 8 documents; on the real archive two
 * four-character phrases fetched 137 KB of counts.
 */
export const UNITS_PER_BUCKET = 10_000;
export const UNITS_PER_POSITION_BUCKET = 10_000;

/** The token of a pair of units. */
export const pairToken = (a: string, b: string): string => `${a} ${b}`;

/** The bucket files' paths. */
export const TREND_FILES = {
  docs: 'docs.json',
  counts: (bucket: number) => `c/${bucket}.bin`,
  positions: (bucket: number) => `p/${bucket}.bin`,
};

class Bytes {
  data = new Uint8Array(16);
  length = 0;
  varint(value: number): void {
    let rest = value;
    for (;;) {
      if (this.length === this.data.length) {
        const grown = new Uint8Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
      if (rest < 0x80) {
        this.data[this.length++] = rest;
        return;
      }
      this.data[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
  }
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

interface TokenState {
  last: number;
  docs: number;
  counts: Bytes;
  positions?: Bytes;
}

const PAIR_BASE = 0x400000;

/**
 * Collects the tokens of documents added in page order and writes the index's files. Units
 * are numbered as first seen; a pair is the number `first * PAIR_BASE + second`, so that
 * counting millions of them is a matter of numbers in Maps.
 */
export class TrendIndexBuilder {
  private readonly unitIds = new Map<string, number>();
  private readonly unitNames: string[] = [];
  private readonly tokens = new Map<number, TokenState>();
  private page = 0;
  private units = 0;

  /** The number of a unit (folded, see src/lib/trends/units.ts). */
  private unitId(unit: string): number {
    let id = this.unitIds.get(unit);
    if (id === undefined) {
      id = this.unitNames.length;
      if (id >= PAIR_BASE) throw new RangeError('more distinct units than a trends index can number');
      this.unitIds.set(unit, id);
      this.unitNames.push(unit);
    }
    return id;
  }

  /** Unit numbers by code point for Chinese text (-1: whitespace), so that most characters cost one lookup. */
  private readonly codeIds = new Map<number, number>();

  /**
   * Adds the next document from its Chinese text (scripts folded), block by block: the units of
   * `listUnits(block, 'zh')`, read without making a string per character.
   */
  addChinese(blocks: readonly string[]): number {
    const ids: Int32Array[] = [];
    for (const block of blocks) {
      const own = new Int32Array(block.length);
      let n = 0;
      for (let i = 0; i < block.length;) {
        const code = block.codePointAt(i)!;
        const width = code > 0xffff ? 2 : 1;
        let id = this.codeIds.get(code);
        if (id === undefined) {
          const units = listUnits(block.slice(i, i + width), 'zh').values;
          id = units.length === 0 ? -1 : this.unitId(units[0]!);
          this.codeIds.set(code, id);
        }
        if (id >= 0) own[n++] = id;
        i += width;
      }
      ids.push(own.subarray(0, n));
    }
    return this.addIds(ids);
  }

  /** Adds the next document: its units, block by block (no pair spans two blocks). */
  add(blocks: readonly (readonly string[])[]): number {
    return this.addIds(blocks.map((block) => Int32Array.from(block, (unit) => this.unitId(unit))));
  }

  private addIds(blocks: readonly Int32Array[]): number {
    const page = this.page++;
    const unitCounts = new Map<number, number>();
    const pairPositions = new Map<number, number[]>();
    let position = 0;
    let size = 0;
    for (const block of blocks) {
      let previous = -1;
      for (let i = 0; i < block.length; i += 1) {
        const id = block[i]!;
        unitCounts.set(id, (unitCounts.get(id) ?? 0) + 1);
        if (previous >= 0) {
          const key = PAIR_BASE + previous * PAIR_BASE + id;
          const list = pairPositions.get(key);
          if (list) list.push(position - 1);
          else pairPositions.set(key, [position - 1]);
        }
        previous = id;
        position += 1;
      }
      size += block.length;
      position += 1; // a gap, so that no phrase runs from one block into the next
    }
    for (const [key, count] of unitCounts) this.state(key, false, page).counts.varint(count);
    for (const [key, list] of pairPositions) {
      const state = this.state(key, true, page);
      state.counts.varint(list.length);
      let at = 0;
      for (const value of list) {
        state.positions!.varint(value - at);
        at = value;
      }
    }
    this.units += size;
    return size;
  }

  private state(key: number, pair: boolean, page: number): TokenState {
    let state = this.tokens.get(key);
    if (!state) {
      state = { last: -1, docs: 0, counts: new Bytes(), ...(pair ? { positions: new Bytes() } : {}) };
      this.tokens.set(key, state);
    }
    state.counts.varint(page - state.last);
    state.last = page;
    state.docs += 1;
    return state;
  }

  private tokenName(key: number): string {
    if (key < PAIR_BASE) return this.unitNames[key]!;
    const pair = key - PAIR_BASE;
    return pairToken(this.unitNames[Math.floor(pair / PAIR_BASE)]!, this.unitNames[pair % PAIR_BASE]!);
  }

  /** How many counts bucket files the index gets. */
  bucketCount(): number {
    return Math.max(1, Math.ceil(this.units / UNITS_PER_BUCKET));
  }

  /** How many positions bucket files the index gets. */
  positionBucketCount(): number {
    return Math.max(1, Math.ceil(this.units / UNITS_PER_POSITION_BUCKET));
  }

  /** The bucket files, before gzip: `[path, bytes]`, counts buckets then positions buckets. */
  *files(): Generator<[string, Uint8Array]> {
    const buckets = this.bucketCount();
    const positionBuckets = this.positionBucketCount();
    const named = [...this.tokens].map(([key, state]) => ({ name: this.tokenName(key), state }));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const counts: Uint8Array[][] = Array.from({ length: buckets }, () => []);
    const countTokens = new Uint32Array(buckets);
    const positions: Uint8Array[][] = Array.from({ length: positionBuckets }, () => []);
    const positionTokens = new Uint32Array(positionBuckets);
    for (const { name, state } of named) {
      const bucket = bucketOf(name, buckets);
      const head: number[] = [];
      writeString(head, name);
      writeVarint(head, state.docs);
      writeVarint(head, state.counts.length);
      counts[bucket]!.push(Uint8Array.from(head), state.counts.view());
      countTokens[bucket]! += 1;
      if (state.positions) {
        const own = bucketOf(name, positionBuckets);
        const fields: number[] = [];
        writeString(fields, name);
        writeVarint(fields, state.positions.length);
        positions[own]!.push(Uint8Array.from(fields), state.positions.view());
        positionTokens[own]! += 1;
      }
    }
    for (let bucket = 0; bucket < buckets; bucket += 1) {
      yield [TREND_FILES.counts(bucket), concatBytes([header(countTokens[bucket]!), ...counts[bucket]!])];
      counts[bucket] = [];
    }
    for (let bucket = 0; bucket < positionBuckets; bucket += 1) {
      yield [TREND_FILES.positions(bucket), concatBytes([header(positionTokens[bucket]!), ...positions[bucket]!])];
      positions[bucket] = [];
    }
  }
}

function header(count: number): Uint8Array {
  const out: number[] = [];
  writeVarint(out, count);
  return Uint8Array.from(out);
}

/** A token's documents (pages, ascending) and its count in each. */
export interface TokenCounts {
  pages: Int32Array;
  counts: Int32Array;
}

const encoder = new TextEncoder();

/** Finds a token in a bucket file (counts or positions); the reader stands at its data. */
function seek(
  bucket: Uint8Array,
  token: string,
  withDocs: boolean,
): { reader: ByteReader; docs: number; length: number } | undefined {
  const reader = new ByteReader(bucket);
  const wanted = encoder.encode(token);
  const tokens = reader.varint();
  for (let i = 0; i < tokens; i += 1) {
    const name = reader.bytesOf(reader.varint());
    const docs = withDocs ? reader.varint() : 0;
    const length = reader.varint();
    if (name.length === wanted.length && name.every((byte, j) => byte === wanted[j])) return { reader, docs, length };
    reader.offset += length;
  }
  return undefined;
}

/** A token's counts from its counts bucket; empty when no document holds it. */
export function readTokenCounts(bucket: Uint8Array, token: string): TokenCounts {
  const found = seek(bucket, token, true);
  if (!found) return { pages: new Int32Array(0), counts: new Int32Array(0) };
  const { reader, docs } = found;
  const pages = new Int32Array(docs);
  const counts = new Int32Array(docs);
  let page = -1;
  for (let i = 0; i < docs; i += 1) {
    page += reader.varint();
    pages[i] = page;
    counts[i] = reader.varint();
  }
  return { pages, counts };
}

/** A pair token's positions, document by document in the order of its counts. */
export function readTokenPositions(bucket: Uint8Array, token: string, counts: TokenCounts): Int32Array[] {
  const found = seek(bucket, token, false);
  if (!found) throw new Error(`the trends index has counts but no positions for "${token}"`);
  const { reader } = found;
  const lists: Int32Array[] = [];
  for (let i = 0; i < counts.pages.length; i += 1) {
    const list = new Int32Array(counts.counts[i]!);
    let at = 0;
    for (let j = 0; j < list.length; j += 1) {
      at += reader.varint();
      list[j] = at;
    }
    lists.push(list);
  }
  return lists;
}
