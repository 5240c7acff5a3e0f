import { decodeHanTokens } from './han-tokens.ts';

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

/** True when an index record's text (Chinese decoded from its tokens) contains every phrase. */
export function containsPhrases(content: string, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return true;
  const { text } = decodeHanTokens(content.split(/\s+/));
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
 * The word index of the first occurrence of any phrase in an index record's words (Chinese
 * decoded from its tokens), at or after word `from` (the start of the text, after title,
 * summary and names).
 */
export function findPhraseWord(content: string, phrases: readonly string[], from = 0): number | undefined {
  const { text, wordAt } = decodeHanTokens(content.split(/\s+/));
  const start = wordAt.findIndex((word) => word >= from);
  if (start < 0) return undefined;
  const chars = [...text];
  const offsets = phrases.map((phrase) => indexOfChars(chars, [...phrase], start)).filter((offset) => offset >= 0);
  return offsets.length > 0 ? wordAt[Math.min(...offsets)] : undefined;
}

function indexOfChars(chars: readonly string[], phrase: readonly string[], from: number): number {
  outer: for (let i = from; i + phrase.length <= chars.length; i += 1) {
    for (let k = 0; k < phrase.length; k += 1) if (chars[i + k] !== phrase[k]) continue outer;
    return i;
  }
  return -1;
}

/** The 1-based number of the paragraph holding a word, from the paragraph start words (`meta.paras`). */
export function findParagraph(paragraphStarts: readonly number[], word: number | undefined): number | undefined {
  if (word === undefined) return undefined;
  let found: number | undefined;
  paragraphStarts.forEach((start, i) => {
    if (start <= word) found = i + 1;
  });
  return found;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * An excerpt of a Chinese index record (decoded from its tokens) around the first occurrence of
 * a phrase at or after word `from`, every phrase marked; without phrases (or none found), the
 * start of the text. Returns HTML (text escaped, `<mark>` added).
 */
export function buildPhraseExcerpt(content: string, phrases: readonly string[], from = 0, radius = 30): string {
  const { text, wordAt } = decodeHanTokens(content.split(/\s+/));
  const chars = [...text];
  const start = Math.max(
    0,
    wordAt.findIndex((word) => word >= from),
  );
  const offsets = phrases.map((phrase) => indexOfChars(chars, [...phrase], start)).filter((offset) => offset >= 0);
  const at = offsets.length > 0 ? Math.min(...offsets) : start;
  const first = offsets.length > 0 ? Math.max(start, at - radius) : start;
  const length = offsets.length > 0 ? radius + Math.max(...phrases.map((phrase) => [...phrase].length)) : 2 * radius;
  const last = Math.min(chars.length, at + length);
  const excerpt = `${first > start ? '…' : ''}${chars.slice(first, last).join('')}${last < chars.length ? '…' : ''}`;
  if (phrases.length === 0) return escapeHtml(excerpt);
  const pattern = new RegExp(
    [...phrases]
      .sort((a, b) => b.length - a.length)
      .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  let html = '';
  let last2 = 0;
  for (const match of excerpt.matchAll(pattern)) {
    html += `${escapeHtml(excerpt.slice(last2, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last2 = match.index + match[0].length;
  }
  return html + escapeHtml(excerpt.slice(last2));
}
