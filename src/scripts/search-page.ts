// The search page: queries as the reader types, answered from the language's own index
// (src/lib/search-index/, loaded by src/scripts/search-engine.ts), filters with counts, sorting,
// and the whole state in the URL. Without JavaScript the page says so and points to the static
// lists.
import {
  buildPhraseExcerpt,
  buildWordExcerpt,
  containsHan,
  containsPhrases,
  findMarkOffset,
  findParagraph,
  orderFacetValues,
  parseCharacterPairs,
  parseSearchState,
  prepareChineseQuery,
  SEARCH_FILTERS,
  serializeSearchState,
  splitTypedWord,
  type SearchState,
} from '../lib/search-query.ts';
import { queryTokens } from '../lib/search-index/tokens.ts';
import { countFacets } from '../lib/search-index/search.ts';
import type { SearchFragment } from '../lib/search-index/format.ts';
import { SearchEngine } from './search-engine.ts';

/** A result as the page shows it: its fragment's fields, and where and how the query matched. */
interface View extends Pick<SearchFragment, 'url' | 'title' | 'original' | 'date' | 'type' | 'enterprises'> {
  /** The page number in the index. */
  page: number;
  /** The paragraph where the query first matched (1-based), if known. */
  paragraph?: number;
  /** HTML: the text escaped, the query marked. */
  excerpt: string;
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
  let pairs: Promise<Map<string, string>> | undefined;
  const engine = new SearchEngine(form.dataset.index!);
  let facets: Promise<Record<string, Record<string, number>>> | undefined;
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
      const values = orderFacetValues(name, counts[name] ?? {}, lang);
      const chosen = new Set(state.filters[name] ?? []);
      if (values.length === 0 && chosen.size === 0) return [];
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

  /** The query as the index reads it, the phrases results must contain, and what to mark. */
  const prepareQuery = async (
    hasQuery: boolean,
  ): Promise<{ tokens: string[]; optional?: Set<string>; typing?: string; phrases: string[]; marks: string[] }> => {
    if (!hasQuery) return { tokens: [], phrases: [], marks: [] };
    if (lang === 'zh') {
      const prepared = prepareChineseQuery(state.query, await loadPairs());
      // The pairs of each phrase: every result is checked for the phrase itself, so the index
      // may leave out its common pairs.
      const optional = new Set(prepared.phrases.flatMap((phrase) => queryTokens(phrase)));
      return { tokens: queryTokens(prepared.query), optional, phrases: prepared.phrases, marks: prepared.marks };
    }
    // English: every word (stemmed) is required, the last one also by its completions while it
    // may still be being typed; words are marked by their stems.
    const { complete, typing } = splitTypedWord(state.query);
    return { tokens: queryTokens(complete), typing, phrases: [], marks: [] };
  };

  /** A result as shown: Chinese excerpts around the typed phrase, English around a query word. */
  const toView = (
    page: number,
    fragment: SearchFragment,
    prepared: Awaited<ReturnType<typeof prepareQuery>>,
    searched: readonly string[],
  ): View => {
    // Link to the paragraph where the query first matched (`paras`: where each ¶ starts).
    const textStart = fragment.paras[0] ?? 0;
    let excerpt: string;
    let position: number | undefined;
    if (lang === 'zh') {
      position = findMarkOffset(fragment.text, prepared.marks, textStart);
      excerpt = buildPhraseExcerpt(fragment.text, prepared.marks, textStart);
    } else {
      const words = buildWordExcerpt(fragment.text, new Set(searched), textStart);
      position = words.at;
      excerpt = words.html;
    }
    return {
      page,
      url: `${base}${fragment.url.replace(/^\//, '')}`,
      title: fragment.title,
      original: fragment.original,
      date: fragment.date,
      type: fragment.type,
      enterprises: fragment.enterprises,
      paragraph: findParagraph(fragment.paras, position),
      excerpt,
    };
  };

  let generation = 0;
  let lastInput = -Infinity;

  const run = async (delay = 0) => {
    const current = (generation += 1);
    const params = serializeSearchState(state);
    // The state goes into the URL once the results are on screen: Chromium fetches the page's
    // icon again on every change of URL, and that request took one of the six connections the
    // index files needed (measured: 36 ms of a 60 ms query).
    const remember = () => {
      if (current === generation)
        history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    };
    input.value = state.query;
    sort.value = state.sort;
    const hasQuery = state.query.trim() !== '';
    if (!hasQuery && Object.keys(state.filters).length === 0) {
      list.replaceChildren();
      document.querySelectorAll('.more-results').forEach((button) => button.remove());
      status.textContent = messages.hint;
      remember();
      const counts = await loadFacets();
      if (current === generation) renderFilters(counts);
      return;
    }
    status.textContent = messages.loading;
    // While the reader goes on typing, wait for a pause.
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (current !== generation) return;
    const prepared = await prepareQuery(hasQuery);
    const { pages, tokens: searched } = await engine.search(
      prepared.tokens,
      state.filters,
      state.sort,
      prepared.typing,
      prepared.optional,
    );
    if (current !== generation) return; // a newer query replaced this one
    // Candidates hold every token; with phrases to check (Chinese), each is then checked.
    const checkedForPhrases = prepared.phrases.length > 0;
    const candidates = pages.map((page) => async (): Promise<View | undefined> => {
      const fragment = await engine.fragment(page);
      return containsPhrases(fragment.text, prepared.phrases) ? toView(page, fragment, prepared, searched) : undefined;
    });
    const matches: View[] = [];
    let checked = 0;
    const more = element('button', { type: 'button', className: 'more-results', textContent: messages.more });
    more.addEventListener('click', () => void showMore());
    let shown = 0;
    let cleared = false;
    // The last query's results stay until the first of this one's can take their place.
    const show = (upTo: number) => {
      if (!cleared) {
        cleared = true;
        list.replaceChildren(...englishPageHint(state.query));
        list.after(more);
        document.querySelectorAll('.more-results').forEach((button) => button !== more && button.remove());
      }
      while (shown < Math.min(upTo, matches.length)) list.append(renderResult(matches[shown++]!));
    };
    // Candidates are loaded a page at a time, all at once, and shown in order as they arrive.
    const fill = async (wanted: number, progress: () => void) => {
      const limit = checkedForPhrases && candidates.length <= CHECK_ALL_UP_TO ? candidates.length : 0;
      while (checked < candidates.length && (matches.length < wanted || checked < limit)) {
        const batch = candidates.slice(checked, checked + PAGE_SIZE).map((load) => load());
        for (const pending of batch) {
          const view = await pending;
          if (current !== generation) return;
          checked += 1;
          if (view) {
            matches.push(view);
            progress();
          }
        }
      }
    };
    // Without phrases to check, every candidate is a match and the count is exact; with them,
    // only once every candidate has been checked.
    const total = () =>
      !checkedForPhrases ? String(candidates.length) : `${matches.length}${checked < candidates.length ? '+' : ''}`;
    const countText = () => (total() === '0' ? messages.none : messages.count.replace('{count}', total()));
    const showMore = async () => {
      const upTo = shown + PAGE_SIZE;
      show(upTo);
      await fill(upTo, () => show(upTo));
      if (current !== generation) return;
      show(upTo);
      more.hidden = shown >= matches.length && checked === candidates.length;
      status.textContent = countText();
    };
    await showMore();
    if (current !== generation) return;
    remember();
    // Filter counts over the matches once all are known, else over the candidates; the facets
    // file loads now, after the first results are on screen.
    const counted = checkedForPhrases && checked === candidates.length ? matches.map((view) => view.page) : pages;
    const counts = countFacets(counted, await engine.loadFacets());
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
  // Start loading what every query needs (the page lengths; on the Chinese page, the character
  // map) with the page, so the first query does not wait for them.
  engine.preload();
  if (lang === 'zh') void loadPairs();
  void run();
}
