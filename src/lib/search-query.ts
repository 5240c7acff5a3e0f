/** Han characters (CJK Unified Ideographs, extension A and compatibility ideographs). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;

/** True when the text holds at least one Han character. */
export function containsHan(text: string): boolean {
  return HAN.test(text);
}

/** A character-level traditional → simplified map, from a string of pairs: "國国資资…". */
export function parseCharacterPairs(pairs: string): Map<string, string> {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

/** Converts each character found in the map (traditional → simplified), leaving others as they are. */
export function convertCharacters(text: string, map: ReadonlyMap<string, string>): string {
  return [...text].map((char) => map.get(char) ?? char).join('');
}

/** A query prepared for the Chinese index, with the phrases a result must contain. */
export interface ChineseQuery {
  /** What Pagefind searches: the query in simplified characters, quotes removed. */
  query: string;
  /** Each run of two or more Han characters (simplified): a true match contains every one. */
  phrases: string[];
}

/**
 * Prepares what a reader typed for the Chinese index. Traditional characters become simplified
 * (the index holds every text in simplified: originals, and converted copies of traditional
 * originals). Pagefind matches Chinese as a bag of characters and its quoted phrases fail on
 * Chinese in the installed version, so each unspaced Han run is also returned as a phrase that
 * results are checked against: 三供一业 must appear as such, not as 三, 供, 一 and 业 scattered.
 */
export function prepareChineseQuery(query: string, traditionalToSimplified: ReadonlyMap<string, string>): ChineseQuery {
  const simplified = convertCharacters(query.trim(), traditionalToSimplified).replace(/["“”]/g, ' ');
  return {
    query: simplified.replace(/\s+/g, ' ').trim(),
    phrases: [...new Set(simplified.match(HAN_RUN) ?? [])],
  };
}

/** True when `content` (whitespace ignored) contains every phrase. */
export function containsPhrases(content: string, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return true;
  const compact = content.replace(/\s+/g, '');
  return phrases.every((phrase) => compact.includes(phrase));
}

/** What a search page shows: the query, the chosen filter values and the order. */
export interface SearchState {
  query: string;
  /** Filter name → chosen values (several values of one filter are alternatives). */
  filters: Record<string, string[]>;
  sort: 'relevance' | 'newest' | 'oldest';
}

/** The filters a search can be narrowed by, in the order the page shows them. */
export const SEARCH_FILTERS = ['type', 'year', 'enterprise', 'directive', 'speaker', 'region', 'script'] as const;

/** Reads a search state from URL parameters (`?q=…&type=…&year=…&sort=date`). */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const name of SEARCH_FILTERS) {
    const values = params.getAll(name).filter((value) => value !== '');
    if (values.length > 0) filters[name] = values;
  }
  const sort = params.get('sort');
  return {
    query: params.get('q') ?? '',
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
  };
}

/** Writes a search state as URL parameters, so a search can be shared and reloaded. */
export function serializeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const name of SEARCH_FILTERS) for (const value of state.filters[name] ?? []) params.append(name, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/**
 * The Pagefind filter object for a state: values of one filter are alternatives (any), filters
 * are combined (all).
 */
export function toPagefindFilters(filters: Record<string, string[]>): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

/** The id of the paragraph (`p12`) that holds the first matched word, from Pagefind's anchors. */
export function findParagraphAnchor(
  anchors: readonly { id: string; location: number }[],
  locations: readonly number[],
): string | undefined {
  if (locations.length === 0) return undefined;
  const first = Math.min(...locations);
  let best: { id: string; location: number } | undefined;
  for (const anchor of anchors) {
    if (!/^p\d+$/.test(anchor.id) || anchor.location > first) continue;
    if (!best || anchor.location >= best.location) best = anchor;
  }
  return best?.id;
}
