// Answering a query from the Chinese index's files once they are loaded: pages holding every
// token, narrowed by filters, ranked, and the filters counted over them. Pure, so the search
// page and the tests run the same code.
import type { PageFacets, Postings } from './format.ts';

/** Pages holding every token (ascending), with each token's count on each of them. */
export interface Matches {
  pages: Int32Array;
  /** `counts[t][i]`: the count of token t on `pages[i]`. */
  counts: Int32Array[];
}

/** Intersects postings (each with pages ascending); no postings: no pages. */
export function intersectPostings(lists: readonly Postings[]): Matches {
  if (lists.length === 0) return { pages: new Int32Array(0), counts: [] };
  // Walk the shortest list, looking each page up in the others with a moving cursor.
  const order = lists.map((_, t) => t).sort((a, b) => lists[a]!.pages.length - lists[b]!.pages.length);
  const shortest = lists[order[0]!]!;
  const cursors = lists.map(() => 0);
  const pages: number[] = [];
  const counts: number[][] = lists.map(() => []);
  outer: for (let i = 0; i < shortest.pages.length; i += 1) {
    const page = shortest.pages[i]!;
    const found: number[] = [];
    for (let t = 0; t < lists.length; t += 1) {
      const { pages: own } = lists[t]!;
      let at = cursors[t]!;
      while (at < own.length && own[at]! < page) at += 1;
      cursors[t] = at;
      if (at >= own.length) break outer;
      if (own[at] !== page) continue outer;
      found.push(at);
    }
    pages.push(page);
    found.forEach((at, t) => counts[t]!.push(lists[t]!.counts[at]!));
  }
  return { pages: Int32Array.from(pages), counts: counts.map((own) => Int32Array.from(own)) };
}

/**
 * The pages holding any of several tokens (ascending), with their counts summed: the
 * completions of a half-typed word stand together for one word of the query.
 */
export function unionPostings(lists: readonly Postings[]): Postings {
  const counts = new Map<number, number>();
  for (const list of lists) {
    list.pages.forEach((page, i) => counts.set(page, (counts.get(page) ?? 0) + list.counts[i]!));
  }
  const pages = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  return { pages, counts: Int32Array.from(pages, (page) => counts.get(page)!) };
}

/** BM25's parameters: how fast counts saturate, and how much a page's length tempers them. */
const K1 = 1.2;
const B = 0.75;

/**
 * BM25 scores of the matched pages: each token weighs by its rarity (`documentCounts[t]`
 * pages of `lengths.length` hold it), its count on the page and the page's length.
 */
export function scoreMatches(matches: Matches, documentCounts: readonly number[], lengths: Int32Array): Float64Array {
  const total = lengths.length;
  let sum = 0;
  for (let i = 0; i < total; i += 1) sum += lengths[i]!;
  const average = total > 0 ? sum / total : 1;
  const idf = documentCounts.map((df) => Math.log(1 + (total - df + 0.5) / (df + 0.5)));
  const scores = new Float64Array(matches.pages.length);
  matches.pages.forEach((page, i) => {
    const norm = K1 * (1 - B + (B * (lengths[page] ?? average)) / average);
    let score = 0;
    matches.counts.forEach((counts, t) => {
      const tf = counts[i]!;
      score += (idf[t]! * tf * (K1 + 1)) / (tf + norm);
    });
    scores[i] = score;
  });
  return scores;
}

/**
 * Keeps the pages whose facets match the chosen filter values: several values of one filter
 * are alternatives, filters combine. A value the index does not know matches nothing.
 */
export function filterPages(
  pages: ArrayLike<number>,
  facets: PageFacets,
  chosen: Readonly<Record<string, readonly string[]>>,
): number[] {
  const wanted = Object.entries(chosen)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => {
      const f = facets.names.indexOf(name);
      const ids = new Set(values.map((value) => (f >= 0 ? facets.values[f]!.indexOf(value) : -1)));
      return { f, ids };
    });
  const kept: number[] = [];
  for (let i = 0; i < pages.length; i += 1) {
    const page = pages[i]!;
    const own = facets.pages[page];
    if (wanted.every(({ f, ids }) => f >= 0 && own?.[f]?.some((id) => ids.has(id)))) kept.push(page);
  }
  return kept;
}

/** How many of `pages` have each value of each filter. */
export function countFacets(pages: Iterable<number>, facets: PageFacets): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = Object.fromEntries(facets.names.map((name) => [name, {}]));
  for (const page of pages) {
    facets.pages[page]?.forEach((ids, f) => {
      const own = counts[facets.names[f]!]!;
      for (const id of ids) {
        const value = facets.values[f]![id]!;
        own[value] = (own[value] ?? 0) + 1;
      }
    });
  }
  return counts;
}

/**
 * Pages in the order asked for: by score (highest first; newer first on a tie), newest first,
 * or oldest first. Page numbers follow the date order.
 */
export function orderPages(
  pages: ArrayLike<number>,
  scores: Float64Array | undefined,
  sort: 'relevance' | 'newest' | 'oldest',
): number[] {
  const indexes = Array.from({ length: pages.length }, (_, i) => i);
  if (sort === 'oldest') indexes.sort((a, b) => pages[a]! - pages[b]!);
  else if (sort === 'newest' || !scores) indexes.sort((a, b) => pages[b]! - pages[a]!);
  else indexes.sort((a, b) => scores[b]! - scores[a]! || pages[b]! - pages[a]!);
  return indexes.map((i) => pages[i]!);
}
