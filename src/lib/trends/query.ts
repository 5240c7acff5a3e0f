// Counting a phrase from a trends index (src/lib/trends/trend-index.ts), and what the trends
// page and the directive pages show of the counts: per year, documents or occurrences, as counts
// or per 10,000 units of that year's texts, filtered by type and speaker. Pure: the files come
// through `load`, so the page and the tests share it.
import { bucketOf } from '../search-index/format.ts';
import {
  pairToken,
  readTokenCounts,
  readTokenPositions,
  TREND_FILES,
  type TokenCounts,
  type TrendDocs,
  type TrendManifest,
} from './trend-index.ts';

/** Fetches one file of the index (unzipped); a file asked for again should come from the first fetch (the trends page keeps each). */
export type LoadFile = (path: string) => Promise<Uint8Array>;

/**
 * The pairs to read positions of for a phrase of `costs.length + 1` units: pair i covers units
 * i and i + 1, every unit must be covered, and the cover costs the least total `costs` (the
 * pairs' occurrences, which is what their positions weigh). The first and last pairs are always
 * in it (nothing else covers the first and last units).
 */
export function chooseCover(costs: readonly number[]): number[] {
  const n = costs.length;
  if (n === 0) return [];
  // best[i]: the cheapest cover of units 0..i+1 that takes pair i; the pair before it is i-1 or i-2.
  const best: number[] = [];
  const from: number[] = [];
  for (let i = 0; i < n; i += 1) {
    if (i === 0) {
      best.push(costs[0]!);
      from.push(-1);
      continue;
    }
    const a = best[i - 1]!;
    const b = i >= 2 ? best[i - 2]! : Infinity;
    best.push(costs[i]! + Math.min(a, b));
    from.push(b < a ? i - 2 : i - 1);
  }
  const cover: number[] = [];
  for (let i = n - 1; i >= 0; i = from[i]!) cover.push(i);
  return cover.reverse();
}

/** Keeps the pages of `a` that `b` also holds (both ascending), with `a`'s counts. */
function intersect(a: TokenCounts, b: TokenCounts): TokenCounts {
  const pages: number[] = [];
  const counts: number[] = [];
  let j = 0;
  for (let i = 0; i < a.pages.length; i += 1) {
    while (j < b.pages.length && b.pages[j]! < a.pages[i]!) j += 1;
    if (b.pages[j] === a.pages[i]) {
      pages.push(a.pages[i]!);
      counts.push(a.counts[i]!);
    }
  }
  return { pages: Int32Array.from(pages), counts: Int32Array.from(counts) };
}

/** Which files a phrase needs, and how it was counted (for the benchmark and the tests). */
export interface PhraseCount extends TokenCounts {
  /** The pairs whose positions were read (offsets in the phrase); empty for one or two units. */
  cover: number[];
}

/**
 * The documents holding a phrase (folded units, see src/lib/trends/units.ts) and how many
 * times each holds it, exactly (overlapping occurrences each count, as in `findPhrase`).
 */
export async function countPhraseInIndex(
  units: readonly string[],
  manifest: Pick<TrendManifest, 'buckets' | 'positionBuckets'>,
  load: LoadFile,
): Promise<PhraseCount> {
  const { buckets, positionBuckets } = manifest;
  const empty = { pages: new Int32Array(0), counts: new Int32Array(0), cover: [] };
  if (units.length === 0) return empty;
  const countsOf = async (token: string) =>
    readTokenCounts(await load(TREND_FILES.counts(bucketOf(token, buckets))), token);
  if (units.length === 1) return { ...(await countsOf(units[0]!)), cover: [] };
  const pairs = units.slice(1).map((unit, i) => pairToken(units[i]!, unit));
  const positionsFile = (i: number) => TREND_FILES.positions(bucketOf(pairs[i]!, positionBuckets));
  // The first and last pairs are in every cover (`chooseCover`): their positions are asked for
  // with the counts, a round trip sooner (`load` gives the same file when asked again below).
  // Wasted only when no document holds every pair.
  if (pairs.length > 1) {
    for (const i of new Set([0, pairs.length - 1])) load(positionsFile(i)).catch(() => undefined);
  }
  const pairCounts = await Promise.all(pairs.map(countsOf));
  if (pairs.length === 1) return { ...pairCounts[0]!, cover: [] };
  // Only documents holding every pair can hold the phrase.
  let candidates = pairCounts[0]!;
  for (const other of pairCounts.slice(1)) candidates = intersect(candidates, other);
  if (candidates.pages.length === 0) return empty;
  const cover = chooseCover(pairCounts.map((own) => own.counts.reduce((sum, count) => sum + count, 0)));
  const positions = await Promise.all(
    cover.map(async (i) => {
      const token = pairs[i]!;
      const lists = readTokenPositions(await load(positionsFile(i)), token, pairCounts[i]!);
      const byPage = new Map<number, Int32Array>();
      pairCounts[i]!.pages.forEach((page, j) => byPage.set(page, lists[j]!));
      return { offset: i, byPage };
    }),
  );
  const pages: number[] = [];
  const counts: number[] = [];
  for (const page of candidates.pages) {
    const [first, ...rest] = positions.map(({ offset, byPage }) => ({ offset, list: byPage.get(page)! }));
    const sets = rest.map(({ offset, list }) => ({ offset, set: new Set(list) }));
    let count = 0;
    for (const start of first!.list) if (sets.every(({ offset, set }) => set.has(start + offset))) count += 1;
    if (count > 0) {
      pages.push(page);
      counts.push(count);
    }
  }
  return { pages: Int32Array.from(pages), counts: Int32Array.from(counts), cover };
}

/** Which documents a chart counts: all, or those of some types and speakers. */
export interface TrendFilter {
  /** Type codes to keep; empty keeps every type. */
  types: readonly string[];
  /** Speaker ids to keep; empty keeps every document. */
  speakers: readonly string[];
}

/** What a chart shows: documents or occurrences, as counts or per 10,000 units. */
export interface TrendMeasure {
  what: 'documents' | 'occurrences';
  per: 'count' | '10k';
}

/** One phrase's figures per year: documents, occurrences, and the year's units. */
export interface YearFigures {
  year: number;
  documents: number;
  occurrences: number;
  /** Units (characters, words) of the year's documents that the filter keeps. */
  units: number;
}

/** The pages a filter keeps (a mask over `docs`). */
export function filterDocs(docs: TrendDocs, filter: TrendFilter): Uint8Array {
  const types = new Set(filter.types);
  const speakers = new Set(filter.speakers);
  const mask = new Uint8Array(docs.years.length);
  for (let page = 0; page < mask.length; page += 1) {
    const typeOk = types.size === 0 || types.has(docs.types[docs.type[page]!]!);
    const speaker = docs.speaker[page]!;
    const speakerOk = speakers.size === 0 || (speaker >= 0 && speakers.has(docs.speakers[speaker]!.id));
    mask[page] = typeOk && speakerOk ? 1 : 0;
  }
  return mask;
}

/** Every year from the first to the last document of the archive (that the filter keeps). */
export function listYears(docs: TrendDocs, mask: Uint8Array): number[] {
  let first = Infinity;
  let last = -Infinity;
  docs.years.forEach((year, page) => {
    if (!mask[page]) return;
    first = Math.min(first, year);
    last = Math.max(last, year);
  });
  if (first > last) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A phrase's figures for every year of `listYears` (years without documents included, as zeros). */
export function figuresByYear(docs: TrendDocs, mask: Uint8Array, found: TokenCounts): YearFigures[] {
  const years = listYears(docs, mask);
  if (years.length === 0) return [];
  const first = years[0]!;
  const rows = years.map((year) => ({ year, documents: 0, occurrences: 0, units: 0 }));
  docs.years.forEach((year, page) => {
    if (mask[page]) rows[year - first]!.units += docs.size[page]!;
  });
  found.pages.forEach((page, i) => {
    if (!mask[page]) return;
    const row = rows[docs.years[page]! - first]!;
    row.documents += 1;
    row.occurrences += found.counts[i]!;
  });
  return rows;
}

/** The value a chart plots for a year. */
export function measureValue(row: YearFigures, measure: TrendMeasure): number {
  const count = measure.what === 'documents' ? row.documents : row.occurrences;
  if (measure.per === 'count') return count;
  return row.units === 0 ? 0 : (count * 10_000) / row.units;
}

/** Rounds a rate for display and CSV: three significant decimals, at most. */
export function formatRate(value: number): string {
  return value === 0 ? '0' : String(Number(value.toFixed(value >= 10 ? 2 : 3)));
}
