import { readPageNumber } from './merge-pagefind-index.ts';

/** Han characters (CJK Unified Ideographs, extension A and compatibility ideographs). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;
const HAN_MARK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

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
  /**
   * Each run of Han characters, single ones included: what the excerpt marks and the link
   * points to. The index's locations cannot say where (see `compactLocations`).
   */
  marks: string[];
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
    marks: [...new Set(simplified.match(HAN_MARK) ?? [])],
  };
}

/**
 * True when a Chinese result's text contains every phrase (its fragment holds the text itself,
 * see `toPlainFragment`).
 */
export function containsPhrases(text: string, phrases: readonly string[]): boolean {
  return phrases.every((phrase) => text.includes(phrase));
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

/** Separates list items in meta fields of search records (names never contain it). */
export const META_LIST_SEPARATOR = ' | ';

/**
 * The offset of the first occurrence of any mark in a Chinese result's text at or after offset
 * `from` (the start of the text, after title, summary and names), ignoring Latin case.
 */
export function findMarkOffset(text: string, marks: readonly string[], from = 0): number | undefined {
  const lower = text.toLowerCase();
  const offsets = marks.map((mark) => lower.indexOf(mark.toLowerCase(), from)).filter((offset) => offset >= 0);
  return offsets.length > 0 ? Math.min(...offsets) : undefined;
}

/**
 * The 1-based number of the paragraph holding a position, from the paragraph starts
 * (`meta.paras`: words in English records, offsets in the Chinese text).
 */
export function findParagraph(paragraphStarts: readonly number[], position: number | undefined): number | undefined {
  if (position === undefined) return undefined;
  let found: number | undefined;
  paragraphStarts.forEach((start, i) => {
    if (start <= position) found = i + 1;
  });
  return found;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * An excerpt of a Chinese result's text around the first mark at or after offset `from`, every
 * mark highlighted; without marks (or none found), the start of the text. Returns HTML (text
 * escaped, `<mark>` added).
 */
export function buildPhraseExcerpt(text: string, marks: readonly string[], from = 0, radius = 30): string {
  const at = findMarkOffset(text, marks, from);
  const longest = Math.max(0, ...marks.map((mark) => mark.length));
  const first = at === undefined ? from : Math.max(from, at - radius);
  const last = Math.min(text.length, at === undefined ? from + 2 * radius : at + radius + longest);
  const excerpt = `${first > from ? '…' : ''}${text.slice(first, last)}${last < text.length ? '…' : ''}`;
  if (marks.length === 0) return escapeHtml(excerpt);
  const pattern = new RegExp(
    [...marks]
      .sort((a, b) => b.length - a.length)
      .map((mark) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'gi',
  );
  let html = '';
  let done = 0;
  for (const match of excerpt.matchAll(pattern)) {
    html += `${escapeHtml(excerpt.slice(done, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    done = match.index + match[0].length;
  }
  return html + escapeHtml(excerpt.slice(done));
}

/** A search result as far as ordering needs it: its page's fragment name. */
interface Ranked {
  id: string;
}

/**
 * Results in the order asked for: as Pagefind ranked them, or by date. The index lists its pages
 * in date order and names each page's fragment after its number (`pageFragmentName`), so the
 * date order needs no sort list in the index.
 */
export function orderResults<T extends Ranked>(results: readonly T[], sort: SearchState['sort']): T[] {
  if (sort === 'relevance') return [...results];
  const direction = sort === 'oldest' ? 1 : -1;
  return [...results].sort((a, b) => direction * (readPageNumber(a.id) - readPageNumber(b.id)));
}
