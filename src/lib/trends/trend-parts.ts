// Making a trends index (src/lib/trends/trend-index.ts) in parts, as the search index is made
// (src/lib/search-index/postings.ts): the documents in page order are cut into runs of
// consecutive pages, each run is tokenised once into a part (one section per bucket file), and
// the parts are joined bucket by bucket. A token's documents over the whole archive are its
// documents in each part, one after another, so a join rewrites only the first page difference
// of each part's counts and concatenates positions (each document's list starts afresh). A
// part is what a later build keeps when its documents did not change.
//
// A part (bytes, little-endian 32-bit numbers unless said otherwise):
//   'TRP1', pages, counts buckets B, positions buckets P
//   each page's size in units
//   B + P + 1 section offsets from the start of the part (counts sections, then positions)
//   the sections. A counts record: the token's 32-bit FNV-1a hash (`bucketOf`'s), its name
//   (varint length, UTF-8), its documents, first and last page in the part, then the length and
//   bytes of its counts (the count on the first page, then page differences and counts). A
//   positions record: hash, name, then the length and bytes of its positions (per document in
//   page order, the first as it is, then differences).
//
// Joined bucket files list tokens by hash, then name bytes: an order that does not depend on
// how the pages were cut into parts, so any cut gives the same bytes (the page scans a bucket).
import { IntList, roundUpCoarse } from '../search-index/format.ts';
import { TREND_FILES } from './trend-index.ts';
import { listUnits } from './units.ts';

/** Units of text per bucket file, counts and positions alike, before rounding (`trendBucketCount`). */
export const UNITS_PER_BUCKET = 10_000;

/**
 * How many counts (and positions) bucket files an index of about `units` units gets: about
 * `UNITS_PER_BUCKET` units each, rounded up to a coarse series (`roundUpCoarse`), so that an
 * edit or a new document rarely changes the count: a change of the count makes every part
 * anew. Fed an estimate known before tokenising (the texts' lengths), since parts are keyed by it.
 */
export function trendBucketCount(units: number): number {
  return roundUpCoarse(units / UNITS_PER_BUCKET);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `text`'s UTF-16 code units, continuing from `hash` (as `bucketOf` hashes). */
function fnv(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/** A growing byte buffer with varints, 32-bit numbers and copies. */
export class ByteWriter {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(capacity);
  }
  private room(bytes: number): void {
    if (this.length + bytes <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
  varint(value: number): void {
    this.room(8);
    let rest = value;
    while (rest >= 0x80) {
      this.data[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.data[this.length++] = rest;
  }
  u32(value: number): void {
    this.room(4);
    this.data[this.length++] = value & 0xff;
    this.data[this.length++] = (value >>> 8) & 0xff;
    this.data[this.length++] = (value >>> 16) & 0xff;
    this.data[this.length++] = (value >>> 24) & 0xff;
  }
  byte(value: number): void {
    this.room(1);
    this.data[this.length++] = value;
  }
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.data.set(bytes, this.length);
    this.length += bytes.length;
  }
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

/** Bytes a varint of `value` takes. */
function varintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) length += 1;
  return length;
}

const encoder = new TextEncoder();
const MAGIC = 0x31505254; // 'TRP1'

/**
 * Tokenises the documents of one part, added in page order, into numbers: units get a number
 * when first seen, pairs of units one from an open-addressing table keyed by the two unit
 * numbers (no string or heap-number keys), and every occurrence of a unit or pair is three
 * numbers in flat lists (token, page, position), sorted by token only when the part is encoded.
 */
export class TrendPartBuilder {
  private readonly unitIds = new Map<string, number>();
  /** Unit numbers by code point for Chinese text (-1: whitespace), so most characters cost one lookup. */
  private readonly codeIds = new Map<number, number>();
  /** The same for the Basic Multilingual Plane, in an array by code: the number + 2, 0 when not yet seen. */
  private readonly bmpIds = new Int32Array(0x10000);
  private readonly unitNames: string[] = [];
  private unitTokens = new Int32Array(1024);
  // Pairs: slots of three numbers (first unit + 1, second unit, token) side by side, so that a
  // probe reads one cache line; 0 as the first marks a free slot.
  private pairSlots = new Int32Array(3 << 16);
  private pairs = 0;
  /** Each token's first unit, and second unit (-1 for a unit token). */
  private readonly tokenFirst = new IntList();
  private readonly tokenSecond = new IntList();
  private occurrenceToken = new Int32Array(1 << 16);
  private occurrencePage = new Int32Array(1 << 16);
  private occurrencePosition = new Int32Array(1 << 16);
  private occurrences = 0;
  /** Each added document's size in units. */
  readonly sizes: number[] = [];

  /** The number of a unit (folded, see src/lib/trends/units.ts). */
  private unitId(unit: string): number {
    let id = this.unitIds.get(unit);
    if (id === undefined) {
      id = this.unitNames.push(unit) - 1;
      this.unitIds.set(unit, id);
      if (id === this.unitTokens.length) {
        const grown = new Int32Array(id * 2);
        grown.set(this.unitTokens);
        this.unitTokens = grown;
      }
      this.unitTokens[id] = this.newToken(id, -1);
    }
    return id;
  }

  private newToken(first: number, second: number): number {
    this.tokenFirst.push(first);
    this.tokenSecond.push(second);
    return this.tokenFirst.length - 1;
  }

  private pairToken(first: number, second: number): number {
    const slots = this.pairSlots;
    const mask = slots.length / 3 - 1;
    let slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask;
    for (;;) {
      const held = slots[3 * slot]!;
      if (held === 0) break;
      if (held === first + 1 && slots[3 * slot + 1] === second) return slots[3 * slot + 2]!;
      slot = (slot + 1) & mask;
    }
    const token = this.newToken(first, second);
    slots[3 * slot] = first + 1;
    slots[3 * slot + 1] = second;
    slots[3 * slot + 2] = token;
    this.pairs += 1;
    if (this.pairs * 2 > mask + 1) this.growPairs();
    return token;
  }

  private growPairs(): void {
    const old = this.pairSlots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 3 - 1;
    for (let i = 0; i < old.length; i += 3) {
      if (old[i] === 0) continue;
      let slot = (Math.imul(old[i]! - 1, 0x9e3779b1) ^ Math.imul(old[i + 1]!, 0x85ebca6b)) & mask;
      while (slots[3 * slot] !== 0) slot = (slot + 1) & mask;
      slots[3 * slot] = old[i]!;
      slots[3 * slot + 1] = old[i + 1]!;
      slots[3 * slot + 2] = old[i + 2]!;
    }
    this.pairSlots = slots;
  }

  /**
   * Adds the next document from its Chinese text (scripts folded), block by block: the units of
   * `listUnits(block, 'zh')`, read without making a string per character. Returns its size in units.
   */
  addChinese(blocks: readonly string[]): number {
    const ids: Int32Array[] = [];
    for (const block of blocks) {
      const own = new Int32Array(block.length);
      let n = 0;
      for (let i = 0; i < block.length;) {
        const code = block.codePointAt(i)!;
        const width = code > 0xffff ? 2 : 1;
        let id = code < 0x10000 ? this.bmpIds[code]! - 2 : (this.codeIds.get(code) ?? -2);
        if (id === -2) {
          const units = listUnits(block.slice(i, i + width), 'zh').values;
          id = units.length === 0 ? -1 : this.unitId(units[0]!);
          if (code < 0x10000) this.bmpIds[code] = id + 2;
          else this.codeIds.set(code, id);
        }
        if (id >= 0) own[n++] = id;
        i += width;
      }
      ids.push(own.subarray(0, n));
    }
    return this.addIds(ids);
  }

  /** Adds the next document: its units, block by block (no pair spans two blocks). Returns its size. */
  add(blocks: readonly (readonly string[])[]): number {
    return this.addIds(blocks.map((block) => Int32Array.from(block, (unit) => this.unitId(unit))));
  }

  private addIds(blocks: readonly Int32Array[]): number {
    const page = this.sizes.length;
    let units = 0;
    for (const block of blocks) units += block.length;
    // Each unit and each pair is one occurrence: room for them all at once.
    let at = this.occurrences;
    this.reserve(at + 2 * units);
    const tokens = this.occurrenceToken;
    const pages = this.occurrencePage;
    const positions = this.occurrencePosition;
    const unitTokens = this.unitTokens;
    let position = 0;
    for (const block of blocks) {
      let previous = -1;
      for (let i = 0; i < block.length; i += 1) {
        const id = block[i]!;
        tokens[at] = unitTokens[id]!;
        pages[at] = page;
        positions[at++] = position;
        if (previous >= 0) {
          tokens[at] = this.pairToken(previous, id);
          pages[at] = page;
          positions[at++] = position - 1;
        }
        previous = id;
        position += 1;
      }
      position += 1; // a gap, so that no phrase runs from one block into the next
    }
    this.occurrences = at;
    this.sizes.push(units);
    return units;
  }

  /** Makes the occurrence lists hold at least `length`. */
  private reserve(length: number): void {
    if (length <= this.occurrenceToken.length) return;
    let size = this.occurrenceToken.length * 2;
    while (size < length) size *= 2;
    const grow = (list: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(list.subarray(0, this.occurrences));
      return grown;
    };
    this.occurrenceToken = grow(this.occurrenceToken);
    this.occurrencePage = grow(this.occurrencePage);
    this.occurrencePosition = grow(this.occurrencePosition);
  }

  /** The part's bytes (see the top of this file), for `buckets` counts and `positionBuckets` positions files. */
  encode(buckets: number, positionBuckets: number): Uint8Array {
    const tokens = this.tokenFirst.length;
    const first = this.tokenFirst.items;
    const second = this.tokenSecond.items;
    // Occurrences by token (counting sort: pages and positions stay in order within a token).
    const total = this.occurrences;
    const occurrences = this.occurrenceToken;
    const start = new Int32Array(tokens + 1);
    for (let i = 0; i < total; i += 1) start[occurrences[i]! + 1]! += 1;
    for (let t = 0; t < tokens; t += 1) start[t + 1]! += start[t]!;
    // Pages and positions copied in token order, so that writing reads them in sequence.
    const next = start.slice(0, tokens);
    const pages = new Int32Array(total);
    const positions = new Int32Array(total);
    for (let i = 0; i < total; i += 1) {
      const k = next[occurrences[i]!]!++;
      pages[k] = this.occurrencePage[i]!;
      positions[k] = this.occurrencePosition[i]!;
    }

    // Names and hashes: a pair's continues its first unit's, as `bucketOf` hashes `a b`.
    const unitHash = this.unitNames.map((name) => fnv(FNV_OFFSET, name));
    const unitBytes = this.unitNames.map((name) => encoder.encode(name));
    const hashes = new Uint32Array(tokens);
    for (let t = 0; t < tokens; t += 1) {
      const a = first[t]!;
      const b = second[t]!;
      hashes[t] = b < 0 ? unitHash[a]! : fnv(Math.imul(unitHash[a]! ^ 0x20, FNV_PRIME) >>> 0, this.unitNames[b]!);
    }
    const writeName = (out: ByteWriter, t: number) => {
      const a = unitBytes[first[t]!]!;
      if (second[t]! < 0) {
        out.varint(a.length);
        out.bytes(a);
        return;
      }
      const b = unitBytes[second[t]!]!;
      out.varint(a.length + 1 + b.length);
      out.bytes(a);
      out.byte(0x20);
      out.bytes(b);
    };

    // Tokens by bucket, in token order within each.
    const group = (count: number, member: (t: number) => boolean) => {
      const from = new Int32Array(count + 1);
      for (let t = 0; t < tokens; t += 1) if (member(t)) from[(hashes[t]! % count) + 1]! += 1;
      for (let b = 0; b < count; b += 1) from[b + 1]! += from[b]!;
      const at = from.slice(0, count);
      const members = new Int32Array(from[count]!);
      for (let t = 0; t < tokens; t += 1) if (member(t)) members[at[hashes[t]! % count]!++] = t;
      return { from, members };
    };

    const sizes = this.sizes;
    const headLength = 4 * (4 + sizes.length + buckets + positionBuckets + 1);
    const out = new ByteWriter(Math.max(1024, headLength + total * 4));
    out.u32(MAGIC);
    out.u32(sizes.length);
    out.u32(buckets);
    out.u32(positionBuckets);
    for (const size of sizes) out.u32(size);
    const offsetsAt = out.length;
    out.length = headLength;
    const offsets: number[] = [];
    const rest = new ByteWriter();

    const counts = group(buckets, () => true);
    for (let b = 0; b < buckets; b += 1) {
      offsets.push(out.length);
      for (let m = counts.from[b]!; m < counts.from[b + 1]!; m += 1) {
        const t = counts.members[m]!;
        rest.length = 0;
        let docs = 0;
        let firstPage = -1;
        let lastPage = -1;
        let count = 0;
        for (let i = start[t]!; i < start[t + 1]!; i += 1) {
          const page = pages[i]!;
          if (page !== lastPage) {
            if (docs > 0) rest.varint(count);
            if (docs === 0) firstPage = page;
            else rest.varint(page - lastPage);
            docs += 1;
            lastPage = page;
            count = 0;
          }
          count += 1;
        }
        rest.varint(count);
        out.u32(hashes[t]!);
        writeName(out, t);
        out.varint(docs);
        out.varint(firstPage);
        out.varint(lastPage);
        out.varint(rest.length);
        out.bytes(rest.view());
      }
    }

    const paired = group(positionBuckets, (t) => second[t]! >= 0);
    for (let b = 0; b < positionBuckets; b += 1) {
      offsets.push(out.length);
      for (let m = paired.from[b]!; m < paired.from[b + 1]!; m += 1) {
        const t = paired.members[m]!;
        rest.length = 0;
        let lastPage = -1;
        let at = 0;
        for (let i = start[t]!; i < start[t + 1]!; i += 1) {
          if (pages[i] !== lastPage) {
            lastPage = pages[i]!;
            at = 0;
          }
          rest.varint(positions[i]! - at);
          at = positions[i]!;
        }
        out.u32(hashes[t]!);
        writeName(out, t);
        out.varint(rest.length);
        out.bytes(rest.view());
      }
    }
    offsets.push(out.length);
    const end = out.length;
    out.length = offsetsAt;
    for (const offset of offsets) out.u32(offset);
    out.length = end;
    return out.view().slice();
  }
}

/** What a part's head says: its pages' sizes and where each section lies. */
export interface PartHead {
  sizes: number[];
  buckets: number;
  positionBuckets: number;
  /** B + P + 1 offsets: counts section b is [offsets[b], offsets[b + 1]), positions section b is at B + b. */
  offsets: number[];
}

const partHeadLength = (pages: number, sections: number): number => 4 * (4 + pages + sections + 1);
const PART_PREAMBLE = 16;

/**
 * Reads a part's head (at least its first `partHeadLength` bytes); throws on bytes that are
 * not one, so that a damaged part is made again.
 */
export function readPartHead(bytes: Uint8Array): PartHead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < PART_PREAMBLE || view.getUint32(0, true) !== MAGIC) throw new Error('not a trends index part');
  const pages = view.getUint32(4, true);
  const buckets = view.getUint32(8, true);
  const positionBuckets = view.getUint32(12, true);
  if (bytes.length < partHeadLength(pages, buckets + positionBuckets)) throw new Error('trends index part cut short');
  const sizes = Array.from({ length: pages }, (_, i) => view.getUint32(16 + 4 * i, true));
  const base = 16 + 4 * pages;
  const offsets = Array.from({ length: buckets + positionBuckets + 1 }, (_, i) => view.getUint32(base + 4 * i, true));
  return { sizes, buckets, positionBuckets, offsets };
}

/**
 * The records of one bucket's sections, field by field in flat lists (a join reads millions of
 * records; no object per record): which section, where its name and data lie, its hash and,
 * for counts, its documents and first and last page in the part.
 */
class Records {
  length = 0;
  section = new Int32Array(256);
  hash = new Float64Array(256);
  nameStart = new Int32Array(256);
  nameEnd = new Int32Array(256);
  docs = new Int32Array(256);
  first = new Int32Array(256);
  last = new Int32Array(256);
  dataStart = new Int32Array(256);
  dataEnd = new Int32Array(256);

  private grow(): void {
    const size = this.section.length * 2;
    const int = (list: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(list);
      return grown;
    };
    this.section = int(this.section);
    const hash = new Float64Array(size);
    hash.set(this.hash);
    this.hash = hash;
    this.nameStart = int(this.nameStart);
    this.nameEnd = int(this.nameEnd);
    this.docs = int(this.docs);
    this.first = int(this.first);
    this.last = int(this.last);
    this.dataStart = int(this.dataStart);
    this.dataEnd = int(this.dataEnd);
  }

  /** Reads section `n`'s records. */
  read(n: number, section: Uint8Array, counts: boolean): void {
    let at = 0;
    const varint = () => {
      let value = 0;
      let scale = 1;
      for (;;) {
        if (at >= section.length) throw new Error('trends index part ends inside a number');
        const byte = section[at++]!;
        value += (byte & 0x7f) * scale;
        if (byte < 0x80) return value;
        scale *= 0x80;
      }
    };
    while (at < section.length) {
      if (at + 4 > section.length) throw new Error('trends index part ends inside a record');
      if (this.length === this.section.length) this.grow();
      const r = this.length++;
      this.section[r] = n;
      this.hash[r] =
        (section[at]! | (section[at + 1]! << 8) | (section[at + 2]! << 16) | (section[at + 3]! << 24)) >>> 0;
      at += 4;
      const nameLength = varint();
      this.nameStart[r] = at;
      at += nameLength;
      this.nameEnd[r] = at;
      if (counts) {
        this.docs[r] = varint();
        this.first[r] = varint();
        this.last[r] = varint();
      }
      const dataLength = varint();
      this.dataStart[r] = at;
      at += dataLength;
      this.dataEnd[r] = at;
      if (at > section.length) throw new Error('trends index part ends inside a record');
    }
  }
}

/**
 * Joins one bucket's sections from the parts, in page order (each with its first page), into
 * the bucket file's contents: counts (`counts`) or positions. Tokens go by hash, then name
 * bytes; a token's pieces part after part.
 */
export function joinSections(sections: readonly { start: number; section: Uint8Array }[], counts: boolean): Uint8Array {
  const records = new Records();
  sections.forEach(({ section }, n) => records.read(n, section, counts));
  const { length } = records;
  const bytesOf = (r: number) => sections[records.section[r]!]!.section;
  const compareNames = (x: number, y: number) => {
    const a = bytesOf(x);
    const b = bytesOf(y);
    const la = records.nameEnd[x]! - records.nameStart[x]!;
    const lb = records.nameEnd[y]! - records.nameStart[y]!;
    for (let i = 0; i < Math.min(la, lb); i += 1) {
      const d = a[records.nameStart[x]! + i]! - b[records.nameStart[y]! + i]!;
      if (d !== 0) return d;
    }
    return la - lb;
  };
  // By hash, records of one part before those of the next (records are read in part order): a
  // native sort of hash * 2^21 + record where records are fewer than 2^21.
  let order: Int32Array;
  if (length < 2 ** 21) {
    const keys = new Float64Array(length);
    for (let r = 0; r < length; r += 1) keys[r] = records.hash[r]! * 2 ** 21 + r;
    keys.sort();
    order = new Int32Array(length);
    for (let r = 0; r < length; r += 1) order[r] = keys[r]! % 2 ** 21;
  } else {
    order = Int32Array.from(
      Array.from({ length }, (_, r) => r).sort((x, y) => records.hash[x]! - records.hash[y]! || x - y),
    );
  }
  const body = new ByteWriter(1024 + sections.reduce((sum, { section }) => sum + section.length, 0));
  let tokenCount = 0;
  for (let i = 0; i < length;) {
    let j = i + 1;
    while (j < length && records.hash[order[j]!] === records.hash[order[i]!]) j += 1;
    // Tokens of one hash (almost always one token): by name, then part.
    let run = order.subarray(i, j);
    if (run.length > 1) run = run.slice().sort((x, y) => compareNames(x, y) || x - y);
    for (let k = 0; k < run.length;) {
      let l = k + 1;
      while (l < run.length && compareNames(run[k]!, run[l]!) === 0) l += 1;
      const head = run[k]!;
      body.varint(records.nameEnd[head]! - records.nameStart[head]!);
      body.bytes(bytesOf(head).subarray(records.nameStart[head]!, records.nameEnd[head]!));
      if (counts) {
        let docs = 0;
        let size = 0;
        let last = -1;
        for (let m = k; m < l; m += 1) {
          const r = run[m]!;
          const start = sections[records.section[r]!]!.start;
          docs += records.docs[r]!;
          size += varintLength(start + records.first[r]! - last) + records.dataEnd[r]! - records.dataStart[r]!;
          last = start + records.last[r]!;
        }
        body.varint(docs);
        body.varint(size);
        last = -1;
        for (let m = k; m < l; m += 1) {
          const r = run[m]!;
          const start = sections[records.section[r]!]!.start;
          body.varint(start + records.first[r]! - last);
          body.bytes(bytesOf(r).subarray(records.dataStart[r]!, records.dataEnd[r]!));
          last = start + records.last[r]!;
        }
      } else {
        let size = 0;
        for (let m = k; m < l; m += 1) size += records.dataEnd[run[m]!]! - records.dataStart[run[m]!]!;
        body.varint(size);
        for (let m = k; m < l; m += 1) {
          const r = run[m]!;
          body.bytes(bytesOf(r).subarray(records.dataStart[r]!, records.dataEnd[r]!));
        }
      }
      tokenCount += 1;
      k = l;
    }
    i = j;
  }
  const out = new ByteWriter(body.length + 8);
  out.varint(tokenCount);
  out.bytes(body.view());
  return out.view().slice();
}

/** A part's section `s` (counts sections first, then positions). */
export function partSection(part: Uint8Array, head: PartHead, s: number): Uint8Array {
  return part.subarray(head.offsets[s]!, head.offsets[s + 1]!);
}

/**
 * The index's bucket files (before gzip) from whole parts in page order: counts then positions,
 * as `[path, bytes]`. What the build does file by file, for the tests and small indexes.
 */
export function joinParts(parts: readonly Uint8Array[]): [string, Uint8Array][] {
  const heads = parts.map((part) => readPartHead(part));
  const starts: number[] = [];
  let pages = 0;
  for (const head of heads) {
    starts.push(pages);
    pages += head.sizes.length;
  }
  const { buckets, positionBuckets } = heads[0] ?? { buckets: 1, positionBuckets: 1 };
  const files: [string, Uint8Array][] = [];
  for (let s = 0; s < buckets + positionBuckets; s += 1) {
    const counts = s < buckets;
    const sections = parts.map((part, p) => ({ start: starts[p]!, section: partSection(part, heads[p]!, s) }));
    files.push([counts ? TREND_FILES.counts(s) : TREND_FILES.positions(s - buckets), joinSections(sections, counts)]);
  }
  return files;
}
