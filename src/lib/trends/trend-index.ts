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
//   c/<n>.bin        counts bucket n: the tokens hashed to n (FNV-1a, as the search index), by
//                    hash then name, each with its documents (differences from the one before,
//                    from -1) and counts
//   p/<n>.bin        positions bucket n (of their own number, by the same hash): for each pair
//                    token hashed to n, for each of its documents in the order of its counts,
//                    its positions (the first as it is, then differences)
// and `trends-<lang>/index.json` naming the folder and the bucket count. The build makes them in
// parts and joins them (src/lib/trends/trend-parts.ts).
import { ByteReader } from '../search-index/format.ts';

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

/** The token of a pair of units. */
export const pairToken = (a: string, b: string): string => `${a} ${b}`;

/** The bucket files' paths. */
export const TREND_FILES = {
  docs: 'docs.json',
  counts: (bucket: number) => `c/${bucket}.bin`,
  positions: (bucket: number) => `p/${bucket}.bin`,
};

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
