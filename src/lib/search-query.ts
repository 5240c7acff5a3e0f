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

/** Separates list items in meta fields of search records (names never contain it). */
export const META_LIST_SEPARATOR = ' | ';

const CJK = '\\u2014\\u2018-\\u201f\\u2026\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const CJK_CHAR = new RegExp(`([${CJK}])`, 'g');

/**
 * Puts a space around every Han character and CJK punctuation mark, so that the Chinese search
 * index holds each character as a word (see `buildSearchRecord`), and a query matches it.
 */
export function spaceHanCharacters(text: string): string {
  return text.replace(CJK_CHAR, ' $1 ').replace(/\s+/g, ' ').trim();
}

/**
 * Undoes `spaceHanCharacters` in an excerpt's HTML: removes the spaces whose nearest visible
 * characters on both sides are Chinese, across the `<mark>` tags Pagefind adds.
 */
export function joinHanSpacing(html: string): string {
  const isCjk = new RegExp(`[${CJK}]`);
  const tokens = html.split(/(<[^>]+>)/);
  const visible = (from: number, step: 1 | -1): string | undefined => {
    for (let i = from; i >= 0 && i < tokens.length; i += step) {
      const token = tokens[i]!;
      if (token.startsWith('<')) continue;
      const text = step === 1 ? token.trimStart() : token.trimEnd();
      if (text) return step === 1 ? text[0] : text[text.length - 1];
    }
    return undefined;
  };
  return tokens
    .map((token, i) => {
      if (token.startsWith('<')) return token;
      return token.replace(/\s+/g, (space, offset: number) => {
        const before = token.slice(0, offset).trimEnd();
        const after = token.slice(offset + space.length).trimStart();
        const left = before ? before[before.length - 1] : visible(i - 1, -1);
        const right = after ? after[0] : visible(i + 1, 1);
        return left && right && isCjk.test(left) && isCjk.test(right) ? '' : space;
      });
    })
    .join('');
}

/**
 * The word index of the first occurrence of any phrase in spaced content (whitespace ignored),
 * at or after word `from` (the start of the text, after title, summary and names).
 */
export function findPhraseWord(content: string, phrases: readonly string[], from = 0): number | undefined {
  const words = content.split(/\s+/);
  let compact = '';
  const wordAt: number[] = [];
  words.forEach((word, index) => {
    for (let i = 0; i < word.length; i += 1) wordAt.push(index);
    compact += word;
  });
  const start = wordAt.indexOf(from);
  const offsets = phrases
    .map((phrase) => compact.indexOf(phrase, Math.max(start, 0)))
    .filter((offset) => offset >= 0 && start >= 0);
  return offsets.length > 0 ? wordAt[Math.min(...offsets)] : undefined;
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

/** Joins words of spaced content back into text: no space between Chinese characters. */
export function joinWords(words: readonly string[]): string {
  const isCjk = new RegExp(`^[${CJK}]`);
  const endsCjk = new RegExp(`[${CJK}]$`);
  return words.reduce((text, word) => {
    if (!text) return word;
    return endsCjk.test(text) && isCjk.test(word) ? text + word : `${text} ${word}`;
  }, '');
}

/**
 * An excerpt of spaced Chinese content around the first occurrence of a phrase at or after word
 * `from`, with every phrase marked: the passage that made the document a result, not the
 * scattered characters Pagefind matched. Returns HTML (text escaped, `<mark>` added).
 */
export function buildPhraseExcerpt(
  content: string,
  phrases: readonly string[],
  from = 0,
  radius = 30,
): string | undefined {
  const at = findPhraseWord(content, phrases, from) ?? findPhraseWord(content, phrases, 0);
  if (at === undefined) return undefined;
  const words = content.split(/\s+/);
  const start = Math.max(0, at - radius);
  const end = Math.min(words.length, at + radius + Math.max(...phrases.map((phrase) => phrase.length)));
  const text = `${start > 0 ? '…' : ''}${joinWords(words.slice(start, end))}${end < words.length ? '…' : ''}`;
  const pattern = new RegExp(
    [...phrases]
      .sort((a, b) => b.length - a.length)
      .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  let html = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    html += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}
