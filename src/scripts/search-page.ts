// The search page: queries as the reader types (Chinese from our own index, English through
// Pagefind), filters with counts, sorting, and the whole state in the URL. Without JavaScript
// the page says so and points to the static lists.
import {
  buildPhraseExcerpt,
  containsHan,
  containsPhrases,
  findMarkOffset,
  findParagraph,
  META_LIST_SEPARATOR,
  orderResults,
  parseCharacterPairs,
  parseSearchState,
  prepareChineseQuery,
  SEARCH_FILTERS,
  serializeSearchState,
  toPagefindFilters,
  type SearchState,
} from '../lib/search-query.ts';
import { queryTokens } from '../lib/chinese-index/tokens.ts';
import { countFacets } from '../lib/chinese-index/search.ts';
import { ChineseSearch } from './chinese-search.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  excerpt: string;
  meta: Record<string, string | undefined>;
  locations: number[];
}
interface Search {
  results: { id: string; data(): Promise<Fragment> }[];
  filters: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: Record<string, unknown>): Promise<Search>;
  debouncedSearch(query: string | null, options?: Record<string, unknown>, wait?: number): Promise<Search | null>;
}
/** A result as the page shows it, whichever engine found it. */
interface View {
  /** The page number in the Chinese index. */
  page?: number;
  url: string;
  title: string;
  original?: string;
  date: string;
  type: string;
  enterprises: string[];
  /** The paragraph where the query first matched (1-based), if known. */
  paragraph?: number;
  /** HTML: the text escaped, the query marked. */
  excerpt: string;
}

type Counts = Record<string, Record<string, number>>;

/** What an engine answers: candidates in order, each loaded as a View or refused (undefined). */
interface Answer {
  candidates: (() => Promise<View | undefined>)[];
  /** True when candidates are checked for phrases, so that some may be refused. */
  checked: boolean;
  /** Filter counts over every candidate. */
  countAll(): Promise<Counts>;
  /** Filter counts over the matches, once every candidate is checked. */
  countMatches(matches: View[]): Promise<Counts>;
}

interface Messages {
  count: string;
  none: string;
  hint: string;
  loading: string;
  clear: string;
  more: string;
  chineseOnEnglish: string;
  filters: Record<string, string>;
}

// Results are shown ten at a time; each needs its fragment (the page's text) from the server.
const PAGE_SIZE = 10;
// Up to this many candidates, every one is checked for the query's phrases, so the count and
// the filter counts are exact; beyond it, candidates are checked page by page as the reader asks.
const CHECK_ALL_UP_TO = 40;
// A search starts at once when the reader starts typing; while they go on typing (inputs less
// than TYPING_MS apart), only once they pause for SEARCH_DELAY_MS, so that every letter of a
// word does not load index chunks of its own.
const TYPING_MS = 300;
const SEARCH_DELAY_MS = 100;
const form = document.querySelector<HTMLFormElement>('form[data-search-page]');

if (form) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const groups = document.getElementById('search-filter-groups')!;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const base = form.dataset.base ?? '/';
  const lang = form.dataset.lang === 'en' ? 'en' : 'zh';
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Messages;
  let state: SearchState = parseSearchState(new URLSearchParams(location.search));
  let pagefind: Promise<Pagefind> | undefined;
  let pairs: Promise<Map<string, string>> | undefined;

  const chinese = new ChineseSearch(form.dataset.chineseIndex!);
  const loadPagefind = (): Promise<Pagefind> =>
    (pagefind ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      await module.options({ baseUrl: base, excerptLength: 40 });
      await module.init();
      return module;
    })());
  let facets: Promise<Record<string, Record<string, number>>> | undefined;
  let allFiltersLoaded = false;
  // The counts before any search, made at build time (src/pages/search/facets-[lang].json.ts).
  const loadFacets = (): Promise<Record<string, Record<string, number>>> =>
    (facets ??= fetch(form.dataset.facets!).then(
      (response) => response.json() as Promise<Record<string, Record<string, number>>>,
    ));
  const loadPairs = (): Promise<Map<string, string>> =>
    (pairs ??= fetch(form.dataset.pairs!)
      .then((response) => response.json() as Promise<string>)
      .then(parseCharacterPairs));

  const element = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Record<string, string | boolean> = {},
  ): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);

  const renderFilters = (counts: Record<string, Record<string, number>>) => {
    const fieldsets = SEARCH_FILTERS.flatMap((name) => {
      const values = Object.entries(counts[name] ?? {});
      const chosen = new Set(state.filters[name] ?? []);
      if (values.length === 0 && chosen.size === 0) return [];
      values.sort(([a, x], [b, y]) => (name === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b, lang)));
      const fieldset = element('fieldset', { className: 'filter-group' });
      fieldset.append(element('legend', { textContent: messages.filters[name] ?? name }));
      for (const [value, count] of values) {
        const label = element('label');
        const box = element('input', { type: 'checkbox', name, value, checked: chosen.has(value) });
        label.append(box, ` ${value} `, element('span', { className: 'meta', textContent: `(${count})` }));
        fieldset.append(label);
      }
      return [fieldset];
    });
    groups.replaceChildren(...fieldsets);
    if (Object.keys(state.filters).length > 0) {
      const clear = element('button', { type: 'button', className: 'clear-filters', textContent: messages.clear });
      clear.addEventListener('click', () => {
        state = { ...state, filters: {} };
        void run();
      });
      groups.append(clear);
    }
  };

  /** Renders a result: title (and the original beside it), date and type, chips, excerpt. */
  const renderResult = (view: View): HTMLLIElement => {
    const item = element('li');
    const title = element('a', { href: view.paragraph ? `${view.url}#p${view.paragraph}` : view.url });
    title.textContent = view.title;
    const heading = element('h2', { className: 'result-title' });
    heading.append(title);
    item.append(heading);
    if (view.original)
      item.append(element('p', { className: 'original-title', lang: 'zh', textContent: view.original }));
    item.append(element('p', { className: 'meta', textContent: [view.date, view.type].filter(Boolean).join(' · ') }));
    if (view.enterprises.length > 0) {
      const chips = element('ul', { className: 'chips' });
      chips.append(...view.enterprises.map((name) => element('li', { textContent: name })));
      item.append(chips);
    }
    const excerpt = element('p', { className: 'excerpt' });
    excerpt.innerHTML = view.excerpt;
    item.append(excerpt);
    return item;
  };

  const englishPageHint = (query: string) => {
    if (lang !== 'en' || !containsHan(query)) return [];
    const link = element('a', {
      href: `${form.dataset.otherSearch}?${serializeSearchState({ ...state, filters: {} })}`,
    });
    link.textContent = query;
    link.lang = 'zh';
    const hint = element('li', { className: 'hint' });
    hint.append(`${messages.chineseOnEnglish} `, link);
    return [hint];
  };

  /**
   * The Chinese search: our own index (src/lib/chinese-index/), pages holding every pair of
   * characters of the query, each then checked for the phrases themselves.
   */
  const searchChinese = async (hasQuery: boolean): Promise<Answer> => {
    const prepared = hasQuery
      ? prepareChineseQuery(state.query, await loadPairs())
      : { query: '', phrases: [], marks: [] };
    const { pages } = await chinese.search(queryTokens(prepared.query), state.filters, state.sort);
    const candidates = pages.map((page) => async (): Promise<View | undefined> => {
      const fragment = await chinese.fragment(page);
      if (!containsPhrases(fragment.text, prepared.phrases)) return undefined;
      // Link to the paragraph where the query first matched (`paras`: where each ¶ starts).
      const textStart = fragment.paras[0] ?? 0;
      const position = findMarkOffset(fragment.text, prepared.marks, textStart);
      return {
        page,
        url: `${base}${fragment.url.replace(/^\//, '')}`,
        title: fragment.title,
        date: fragment.date,
        type: fragment.type,
        enterprises: fragment.enterprises,
        paragraph: findParagraph(fragment.paras, position),
        excerpt: buildPhraseExcerpt(fragment.text, prepared.marks, textStart),
      };
    });
    const counted = async (pagesToCount: Iterable<number>) => countFacets(pagesToCount, await chinese.loadFacets());
    return {
      candidates,
      checked: prepared.phrases.length > 0,
      countAll: () => counted(pages),
      countMatches: (views) => counted(views.map((view) => view.page!)),
    };
  };

  /** The English search: Pagefind, with its filters loaded once the first results are shown. */
  const searchEnglish = async (hasQuery: boolean, delay: number): Promise<Answer | null> => {
    const engine = await loadPagefind();
    const query = hasQuery ? state.query.trim() : null;
    const filters = toPagefindFilters(state.filters);
    const search = await engine.debouncedSearch(query, { filters }, delay);
    if (!search) return null;
    const candidates = orderResults(search.results, state.sort).map((result) => async (): Promise<View> => {
      const fragment = await result.data();
      // Link to the paragraph where the query first matched (`meta.paras`: the word at which each ¶ starts).
      const starts = (fragment.meta.paras ?? '').split(',').filter(Boolean).map(Number);
      const inText = fragment.locations.filter((location) => location >= (starts[0] ?? Infinity));
      const position = inText.length > 0 ? Math.min(...inText) : undefined;
      return {
        url: fragment.url,
        title: fragment.meta.title ?? fragment.url,
        original: fragment.meta.original,
        date: fragment.meta.date ?? '',
        type: fragment.meta.type ?? '',
        enterprises: (fragment.meta.enterprises ?? '').split(META_LIST_SEPARATOR).filter(Boolean),
        paragraph: findParagraph(starts, position),
        // Pagefind's excerpts escape the text and add only <mark> elements.
        excerpt: fragment.excerpt,
      };
    });
    return {
      candidates,
      checked: false,
      countAll: async () => {
        if (allFiltersLoaded) return search.filters;
        // Pagefind counts only filters whose files it has loaded. They are loaded once, after
        // the first results are on screen (about 185 KB at 10,000 documents), and counted again.
        await engine.filters();
        allFiltersLoaded = true;
        return (await engine.search(query, { filters })).filters;
      },
      countMatches: async () => search.filters,
    };
  };

  let generation = 0;
  let lastInput = -Infinity;

  const run = async (delay = 0) => {
    const current = (generation += 1);
    const params = serializeSearchState(state);
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    input.value = state.query;
    sort.value = state.sort;
    const hasQuery = state.query.trim() !== '';
    if (!hasQuery && Object.keys(state.filters).length === 0) {
      list.replaceChildren();
      document.querySelectorAll('.more-results').forEach((button) => button.remove());
      status.textContent = messages.hint;
      const counts = await loadFacets();
      if (current === generation) renderFilters(counts);
      return;
    }
    status.textContent = messages.loading;
    let answer: Answer | null;
    if (lang === 'zh') {
      // While the reader goes on typing, wait for a pause (Pagefind's debounce does this in English).
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (current !== generation) return;
      answer = await searchChinese(hasQuery);
    } else {
      answer = await searchEnglish(hasQuery, delay);
    }
    if (!answer || current !== generation) return; // a newer query replaced this one
    const { candidates } = answer;
    const matches: View[] = [];
    let checked = 0;
    const fill = async (wanted: number) => {
      const limit = answer.checked && candidates.length <= CHECK_ALL_UP_TO ? candidates.length : 0;
      while (checked < candidates.length && (matches.length < wanted || checked < limit)) {
        const batch = await Promise.all(candidates.slice(checked, checked + PAGE_SIZE).map((load) => load()));
        checked += batch.length;
        matches.push(...batch.filter((view): view is View => view !== undefined));
      }
    };
    await fill(PAGE_SIZE);
    if (current !== generation) return;
    let shown = 0;
    // Without phrases to check, every candidate is a match and the count is exact; with them,
    // only once every candidate has been checked.
    const total = () =>
      !answer.checked ? String(candidates.length) : `${matches.length}${checked < candidates.length ? '+' : ''}`;
    const countText = () => (total() === '0' ? messages.none : messages.count.replace('{count}', total()));
    const showMore = async () => {
      await fill(shown + PAGE_SIZE);
      if (current !== generation) return;
      const next = matches.slice(shown, shown + PAGE_SIZE);
      shown += next.length;
      list.append(...next.map(renderResult));
      more.hidden = shown >= matches.length && checked === candidates.length;
      status.textContent = countText();
    };
    const more = element('button', { type: 'button', className: 'more-results', textContent: messages.more });
    more.addEventListener('click', () => void showMore());
    list.replaceChildren(...englishPageHint(state.query));
    list.after(more);
    document.querySelectorAll('.more-results').forEach((button) => button !== more && button.remove());
    await showMore();
    const counts = await (checked === candidates.length && answer.checked
      ? answer.countMatches(matches)
      : answer.countAll());
    if (current === generation) renderFilters(counts);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, query: input.value };
    void run();
  });
  const typed = () => {
    const now = performance.now();
    const typing = now - lastInput < TYPING_MS;
    lastInput = now;
    state = { ...state, query: input.value };
    void run(typing ? SEARCH_DELAY_MS : 0);
  };
  // An input method composing characters sends inputs of Latin letters; the search waits for
  // the characters.
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) typed();
  });
  input.addEventListener('compositionend', typed);
  sort.addEventListener('change', () => {
    state = { ...state, sort: sort.value as SearchState['sort'] };
    void run();
  });
  groups.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const values = new Set(state.filters[box.name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state = { ...state, filters: { ...state.filters, [box.name]: [...values] } };
    if (values.size === 0) delete state.filters[box.name];
    void run();
  });
  // Start loading the search engine (on the Chinese page: the character map and the page
  // lengths) with the page, so the first query does not wait for them.
  if (lang === 'zh') {
    void loadPairs();
    chinese.preload();
  } else {
    void loadPagefind();
  }
  void run();
}
