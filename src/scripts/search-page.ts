// The search page: Pagefind queries as the reader types, filters with counts, sorting, and the
// whole state in the URL. Without JavaScript the page says so and points to the static lists.
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
import { encodeHanTokens } from '../lib/han-tokens.ts';
import type { ShardManifest } from '../lib/search-shards.ts';

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
  mergeIndex(path: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: Record<string, unknown>): Promise<Search>;
  debouncedSearch(query: string | null, options?: Record<string, unknown>, wait?: number): Promise<Search | null>;
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

  const loadPagefind = (): Promise<Pagefind> =>
    (pagefind ??= (async () => {
      // A large archive's Chinese index comes in shards (src/lib/search-shards.ts), merged here.
      const [module, manifest] = await Promise.all([
        import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>,
        fetch(`${base}pagefind/shards.json`).then((response) =>
          response.ok ? (response.json() as Promise<ShardManifest>) : { zh: [] },
        ),
      ]);
      await module.options({ baseUrl: base, excerptLength: 40 });
      await module.init();
      if (lang === 'zh') for (const path of manifest.zh) await module.mergeIndex(`${base}${path}`);
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

  const renderResult = (fragment: Fragment, marks: string[]): HTMLLIElement => {
    const item = element('li');
    // Link to the paragraph where the query first matched (`meta.paras`: where each ¶ starts,
    // as an offset in the Chinese text, as a word index in the English one).
    const starts = (fragment.meta.paras ?? '').split(',').filter(Boolean).map(Number);
    const textStart = starts[0] ?? (lang === 'zh' ? 0 : Infinity);
    const inText = fragment.locations.filter((location) => location >= textStart);
    const position =
      lang === 'zh'
        ? findMarkOffset(fragment.content, marks, textStart)
        : inText.length > 0
          ? Math.min(...inText)
          : undefined;
    const paragraph = findParagraph(starts, position);
    const title = element('a', { href: paragraph ? `${fragment.url}#p${paragraph}` : fragment.url });
    title.textContent = fragment.meta.title ?? fragment.url;
    const heading = element('h2', { className: 'result-title' });
    heading.append(title);
    item.append(heading);
    if (lang === 'en' && fragment.meta.original) {
      item.append(element('p', { className: 'original-title', lang: 'zh', textContent: fragment.meta.original }));
    }
    item.append(
      element('p', {
        className: 'meta',
        textContent: [fragment.meta.date, fragment.meta.type].filter(Boolean).join(' · '),
      }),
    );
    const enterprises = (fragment.meta.enterprises ?? '').split(META_LIST_SEPARATOR).filter(Boolean);
    if (enterprises.length > 0) {
      const chips = element('ul', { className: 'chips' });
      chips.append(...enterprises.map((name) => element('li', { textContent: name })));
      item.append(chips);
    }
    const excerpt = element('p', { className: 'excerpt' });
    // Pagefind cannot place a Chinese query in the text (the index does not keep where its
    // tokens are), so the page finds it itself; Pagefind's English excerpts escape the text and
    // add only <mark> elements.
    excerpt.innerHTML = lang === 'zh' ? buildPhraseExcerpt(fragment.content, marks, textStart) : fragment.excerpt;
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

  /** Counts filter values over fragments, as Pagefind would over its results. */
  const countFilters = (fragments: Fragment[]) => {
    const counts: Record<string, Record<string, number>> = {};
    for (const fragment of fragments) {
      for (const [name, values] of Object.entries(fragment.filters)) {
        counts[name] ??= {};
        for (const value of values) counts[name][value] = (counts[name][value] ?? 0) + 1;
      }
    }
    return counts;
  };

  let generation = 0;
  let lastInput = -Infinity;

  const run = async (delay = 0) => {
    const current = (generation += 1);
    const params = serializeSearchState(state);
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    input.value = state.query;
    sort.value = state.sort;
    const engine = await loadPagefind();
    if (current !== generation) return; // a newer query replaced this one
    const hasQuery = state.query.trim() !== '';
    if (!hasQuery && Object.keys(state.filters).length === 0) {
      list.replaceChildren();
      status.textContent = messages.hint;
      const counts = await loadFacets();
      if (current === generation) renderFilters(counts);
      return;
    }
    status.textContent = messages.loading;
    const prepared =
      hasQuery && lang === 'zh' && containsHan(state.query)
        ? prepareChineseQuery(state.query, await loadPairs())
        : { query: state.query.trim(), phrases: [], marks: state.query.trim().split(/\s+/).filter(Boolean) };
    const pagefindQuery = lang === 'zh' ? encodeHanTokens(prepared.query, false) : prepared.query;
    const search = await engine.debouncedSearch(
      hasQuery ? pagefindQuery : null,
      { filters: toPagefindFilters(state.filters) },
      delay,
    );
    if (!search || current !== generation) return; // a newer query replaced this one
    const candidates = orderResults(search.results, state.sort);
    const matches: Fragment[] = [];
    let checked = 0;
    const fill = async (wanted: number) => {
      const limit = candidates.length <= CHECK_ALL_UP_TO ? candidates.length : 0;
      while (checked < candidates.length && (matches.length < wanted || checked < limit)) {
        const batch = await Promise.all(candidates.slice(checked, checked + PAGE_SIZE).map((result) => result.data()));
        checked += batch.length;
        matches.push(...batch.filter((fragment) => containsPhrases(fragment.content, prepared.phrases)));
      }
    };
    await fill(PAGE_SIZE);
    if (current !== generation) return;
    let shown = 0;
    const exhaustive = checked === candidates.length;
    const countText = () => {
      const count = exhaustive ? String(matches.length) : `${matches.length}+`;
      return matches.length === 0 ? messages.none : messages.count.replace('{count}', count);
    };
    const showMore = async () => {
      await fill(shown + PAGE_SIZE);
      if (current !== generation) return;
      const next = matches.slice(shown, shown + PAGE_SIZE);
      shown += next.length;
      list.append(...next.map((fragment) => renderResult(fragment, prepared.marks)));
      more.hidden = shown >= matches.length && checked === candidates.length;
      status.textContent = checked === candidates.length ? countText().replace('+', '') : countText();
    };
    const more = element('button', { type: 'button', className: 'more-results', textContent: messages.more });
    more.addEventListener('click', () => void showMore());
    list.replaceChildren(...englishPageHint(state.query));
    list.after(more);
    document.querySelectorAll('.more-results').forEach((button) => button !== more && button.remove());
    await showMore();
    if (exhaustive && prepared.phrases.length > 0) {
      renderFilters(countFilters(matches));
      return;
    }
    if (!allFiltersLoaded) {
      // Pagefind counts only filters whose files it has loaded. They are loaded once, after the
      // first results are on screen (about 185 KB at 10,000 documents), and counted again.
      await engine.filters();
      allFiltersLoaded = true;
      if (current !== generation) return;
      const counted = await engine.search(hasQuery ? pagefindQuery : null, {
        filters: toPagefindFilters(state.filters),
      });
      if (current === generation) renderFilters(counted.filters);
      return;
    }
    renderFilters(search.filters);
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
  // Start loading the search engine (and, on the Chinese page, the character map) with the
  // page, so the first query does not wait for them.
  void loadPagefind();
  if (lang === 'zh') void loadPairs();
  void run();
}
