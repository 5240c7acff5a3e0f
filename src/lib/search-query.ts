import { wordToken } from './search-index/tokens.ts';

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

/**
 * A filter's values as the page lists them: years newest first, the others by how many documents
 * have them, then alphabetically in the page's language. One order for the counts the page is
 * built with and those the script shows, so replacing one with the other moves nothing.
 */
export function orderFacetValues(name: string, counts: Record<string, number>, lang: string): [string, number][] {
  return Object.entries(counts).sort(([a, x], [b, y]) =>
    name === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b, lang),
  );
}

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

/**
 * An excerpt of an English result's text around the first word at or after offset `from` whose
 * index form (`wordToken`: lower case, stemmed) is one of `tokens`, every such word in it
 * highlighted; without one, the start of the text. `radius` is in characters, widened to whole
 * words. Returns HTML (text escaped, `<mark>` added) and where the word was found.
 */
export function buildWordExcerpt(
  text: string,
  tokens: ReadonlySet<string>,
  from = 0,
  radius = 100,
): { html: string; at: number | undefined } {
  // Stemming every word of a long translation took tens of ms; a stem keeps its word's first
  // two letters, so only words starting like a token are stemmed.
  const starts = new Set([...tokens].map((token) => token.slice(0, 2)));
  const isMatch = (word: string) => {
    const lower = word.toLowerCase();
    return starts.has(lower.slice(0, 2)) && tokens.has(wordToken(lower));
  };
  const matches = (start: number, end: number) =>
    [...text.slice(start, end).matchAll(/[0-9A-Za-z]+/g)]
      .filter((match) => isMatch(match[0]))
      .map((match) => ({ start: start + match.index, end: start + match.index + match[0].length }));
  let at: number | undefined;
  for (const match of text.slice(from).matchAll(/[0-9A-Za-z]+/g)) {
    if (isMatch(match[0])) {
      at = from + match.index;
      break;
    }
  }
  const wordStart = (offset: number) => Math.max(from, text.lastIndexOf(' ', offset) + 1);
  const wordEnd = (offset: number) => {
    const space = text.indexOf(' ', offset);
    return space < 0 ? text.length : space;
  };
  const first = at === undefined ? from : at - radius <= from ? from : wordStart(at - radius);
  const last = wordEnd(Math.min(text.length, (at ?? from) + radius));
  let html = first > from ? '…' : '';
  let done = first;
  for (const match of matches(first, last)) {
    html += `${escapeHtml(text.slice(done, match.start))}<mark>${escapeHtml(text.slice(match.start, match.end))}</mark>`;
    done = match.end;
  }
  html += escapeHtml(text.slice(done, last)) + (last < text.length ? '…' : '');
  return { html, at };
}

/**
 * Splits an English query into its complete words and the word being typed: the last one, when
 * the query does not end with a space (in lower case; the index completes it). `social func`
 * → `social ` and `func`.
 */
export function splitTypedWord(query: string): { complete: string; typing?: string } {
  const match = /[0-9A-Za-z]+$/.exec(query);
  if (!match) return { complete: query };
  return { complete: query.slice(0, match.index), typing: match[0].toLowerCase() };
}
