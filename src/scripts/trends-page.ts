// The trends page: counts each phrase per year from the trends indexes (src/lib/trends/, files
// made by src/build/write-trends-index.ts), draws one chart for all of them, a table of the
// figures and a CSV of them, and, for a chosen year, the sentences that use each phrase, taken
// from the search index's fragments (the same documents in the same order) and linked to
// their paragraphs. The whole state lives in the URL. Chinese phrases (in either script) are
// counted in the original texts, English ones in the translations, on either edition.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { containsHan, convertCharacters, parseCharacterPairs } from '../lib/search-query.ts';
import type { SearchFragment } from '../lib/search-index/format.ts';
import { renderTrendChart } from '../lib/svg/render-trend-chart.ts';
import {
  countPhraseInIndex,
  figuresByYear,
  filterDocs,
  formatRate,
  listYears,
  measureValue,
  type PhraseCount,
  type YearFigures,
} from '../lib/trends/query.ts';
import { findPhraseSentences } from '../lib/trends/sentences.ts';
import type { TrendDocs, TrendManifest } from '../lib/trends/trend-index.ts';
import {
  parseTrendsState,
  serializeTrendsState,
  splitPhrases,
  trendCsvRows,
  type TrendsState,
} from '../lib/trends/trends-state.ts';
import { listPhraseUnits, type TrendLanguage } from '../lib/trends/units.ts';
import { SearchEngine } from './search-engine.ts';

interface Messages {
  hint: string;
  loading: string;
  none: string;
  chartTitle: string;
  seriesSummary: string;
  year: string;
  units: string;
  documents: string;
  occurrences: string;
  per10k: string;
  chooseYear: string;
  yearHeading: string;
  yearNone: string;
  moreSentences: string;
  paragraph: string;
  tooMany: string;
  error: string;
  anySpeaker: string;
}

/** Documents whose sentences are shown for a year, per phrase; the rest are counted only. */
const DOCUMENTS_PER_YEAR = 30;

/** The gunzipped bytes of a file the build gzipped. */
async function fetchGzipped(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const unzipped = response.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
}

/** A language's trends index, its files fetched once each. */
class TrendIndex {
  private manifest?: Promise<TrendManifest>;
  private docs?: Promise<TrendDocs>;
  private readonly files = new Map<string, Promise<Uint8Array>>();
  private readonly counts = new Map<string, Promise<PhraseCount>>();
  private readonly root: string;
  constructor(root: string) {
    this.root = root;
  }
  private loadManifest(): Promise<TrendManifest> {
    return (this.manifest ??= fetch(`${this.root}index.json`).then((response) => {
      if (!response.ok) throw new Error(`${this.root}index.json: HTTP ${response.status}`);
      return response.json() as Promise<TrendManifest>;
    }));
  }
  private async load(path: string): Promise<Uint8Array> {
    let file = this.files.get(path);
    if (!file) {
      file = this.loadManifest().then((manifest) => fetchGzipped(`${this.root}${manifest.folder}/${path}`));
      this.files.set(path, file);
    }
    return file;
  }
  loadDocs(): Promise<TrendDocs> {
    return (this.docs ??= this.load('docs.json').then(
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as TrendDocs,
    ));
  }
  count(units: readonly string[]): Promise<PhraseCount> {
    const key = units.join('\u0000');
    let found = this.counts.get(key);
    if (!found) {
      found = this.loadManifest().then((manifest) => countPhraseInIndex(units, manifest, (path) => this.load(path)));
      this.counts.set(key, found);
    }
    return found;
  }
}

const form = document.querySelector<HTMLFormElement>('form[data-trends-page]');

if (form) {
  const lang = form.dataset.lang === 'en' ? 'en' : 'zh';
  const base = form.dataset.base ?? '/';
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Messages;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const speakerSelect = form.querySelector<HTMLSelectElement>('select[name="speaker"]')!;
  const status = document.getElementById('trends-status')!;
  const result = document.getElementById('trends-result')!;
  const heading = document.getElementById('trends-chart-heading')!;
  const legend = document.getElementById('trends-legend')!;
  const chart = document.getElementById('trends-chart')!;
  const table = document.getElementById('trends-table')!;
  const csv = document.getElementById('trends-csv') as HTMLAnchorElement;
  const yearSection = document.getElementById('trends-year')!;
  const indexes: Record<TrendLanguage, TrendIndex> = {
    zh: new TrendIndex(form.dataset.trendsZh!),
    en: new TrendIndex(form.dataset.trendsEn!),
  };
  const engines: Record<TrendLanguage, SearchEngine> = {
    zh: new SearchEngine(form.dataset.searchZh!),
    en: new SearchEngine(form.dataset.searchEn!),
  };
  let pairs: Promise<Map<string, string>> | undefined;
  const loadPairs = () =>
    (pairs ??= fetch(form.dataset.pairs!)
      .then((response) => response.json() as Promise<string>)
      .then(parseCharacterPairs));
  let csvUrl: string | undefined;
  // After a year is chosen in the chart or the table, its sentences take the focus.
  let focusYear = false;
  let generation = 0;

  const format = (template: string, params: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const element = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Record<string, string | boolean> = {},
  ): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);

  /** The form's controls show `state`. */
  const showState = (state: TrendsState) => {
    input.value = state.phrases.join(lang === 'zh' ? '，' : ', ');
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="what"]'))
      box.checked = box.value === state.what;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="per"]'))
      box.checked = box.value === state.per;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="type"]'))
      box.checked = state.types.includes(box.value);
    speakerSelect.value = state.speakers[0] ?? '';
  };

  /** The state the form's controls show (the year kept only while the phrases stay the same). */
  const readForm = (previous: TrendsState): TrendsState => {
    const data = new FormData(form);
    const phrases = splitPhrases(String(data.get('q') ?? ''));
    const speaker = String(data.get('speaker') ?? '');
    const state: TrendsState = {
      phrases,
      what: data.get('what') === 'documents' ? 'documents' : 'occurrences',
      per: data.get('per') === '10k' ? '10k' : 'count',
      types: data.getAll('type').map(String),
      speakers: speaker ? [speaker] : [],
    };
    const same = phrases.join('\u0000') === previous.phrases.join('\u0000');
    return same && previous.year !== undefined ? { ...state, year: previous.year } : state;
  };

  const fillSpeakers = (docs: TrendDocs, chosen: readonly string[]) => {
    if (speakerSelect.options.length > 1) return;
    const people = [...docs.speakers].sort((a, b) => a[lang].localeCompare(b[lang], lang));
    for (const person of people) speakerSelect.append(new Option(person[lang], person.id));
    speakerSelect.value = chosen[0] ?? '';
  };

  const href = (state: TrendsState) => `${location.pathname}${serializeTrendsState(state)}`;

  /** One phrase as counted: which index, its folded units and its counts. */
  interface Counted {
    phrase: string;
    lang: TrendLanguage;
    units: string[];
    found: PhraseCount;
    docs: TrendDocs;
    mask: Uint8Array;
    rows: YearFigures[];
  }

  const run = async (state: TrendsState) => {
    const own = ++generation;
    showState(state);
    if (state.phrases.length === 0) {
      status.textContent = messages.hint;
      result.hidden = true;
      yearSection.replaceChildren();
      return;
    }
    status.textContent = messages.loading;
    try {
      // The indexes' manifests and document tables do not depend on the phrases: asked for now,
      // they come while the character map does, not one round trip after another. A failure
      // shows where they are awaited below.
      for (const phraseLang of new Set(state.phrases.map((phrase) => (containsHan(phrase) ? 'zh' : 'en')))) {
        indexes[phraseLang].loadDocs().catch(() => undefined);
      }
      const map = state.phrases.some(containsHan) ? await loadPairs() : new Map<string, string>();
      const prepared = state.phrases.map((phrase) => {
        const phraseLang: TrendLanguage = containsHan(phrase) ? 'zh' : 'en';
        const folded = phraseLang === 'zh' ? convertCharacters(phrase, map) : phrase;
        return { phrase, lang: phraseLang, units: listPhraseUnits(folded, phraseLang) };
      });
      const counted = await Promise.all(
        prepared.map(async (item): Promise<Counted> => {
          const index = indexes[item.lang];
          const [docs, found] = await Promise.all([index.loadDocs(), index.count(item.units)]);
          const mask = filterDocs(docs, state);
          return { ...item, found, docs, mask, rows: figuresByYear(docs, mask, found) };
        }),
      );
      if (own !== generation) return;
      const first = counted[0]!;
      fillSpeakers(first.docs, state.speakers);
      // Every year of the archive the filters keep, from the first document to the last.
      const years = listYears(first.docs, first.mask);
      const aligned = counted.map((item) => {
        const byYear = new Map(item.rows.map((row) => [row.year, row]));
        return {
          ...item,
          rows: years.map((year) => byYear.get(year) ?? { year, documents: 0, occurrences: 0, units: 0 }),
        };
      });
      renderChart(state, aligned, years);
      const total = aligned.reduce((sum, item) => sum + item.rows.reduce((own, row) => own + row.occurrences, 0), 0);
      status.textContent = total === 0 ? messages.none : '';
      await renderYear(state, aligned, own);
    } catch (error) {
      if (own !== generation) return;
      status.textContent = format(messages.error, { message: error instanceof Error ? error.message : String(error) });
    }
  };

  const measureName = (state: TrendsState) =>
    `${state.what === 'documents' ? messages.documents : messages.occurrences}${state.per === '10k' ? ` · ${messages.per10k}` : ''}`;

  const renderChart = (state: TrendsState, counted: Counted[], years: number[]) => {
    const value = (row: YearFigures) => measureValue(row, state);
    const formatValue = (n: number) => (state.per === '10k' ? formatRate(n) : String(Math.round(n)));
    const summary = counted
      .map((item) =>
        format(messages.seriesSummary, {
          phrase: item.phrase,
          occurrences: item.rows.reduce((sum, row) => sum + row.occurrences, 0),
          documents: item.rows.reduce((sum, row) => sum + row.documents, 0),
        }),
      )
      .join(lang === 'zh' ? '；' : '; ');
    const title = format(messages.chartTitle, { measure: measureName(state) });
    heading.textContent = title;
    chart.innerHTML = renderTrendChart(
      counted.map((item) => ({ label: item.phrase, values: item.rows.map(value) })),
      {
        idPrefix: 'trend',
        title,
        description: summary,
        lang: lang === 'zh' ? 'zh-Hans' : 'en',
        years,
        formatValue,
        yearHref: (year) => href({ ...state, year }),
        ...(state.year !== undefined ? { selectedYear: state.year } : {}),
      },
    );
    legend.replaceChildren(
      ...counted.map((item, i) => {
        const entry = element('li', { className: `series-${i}` });
        entry.append(
          element('span', { className: 'swatch' }),
          element('span', { className: 'label', textContent: item.phrase }),
        );
        if (item.lang === 'zh') entry.lang = 'zh-Hans';
        return entry;
      }),
    );
    // The table: every figure of every phrase, year by year; each year links to its sentences.
    const grid = element('table', { className: 'trends-table' });
    grid.append(element('caption', { textContent: title }));
    const head = element('thead');
    const top = element('tr');
    top.append(element('th', { scope: 'col', textContent: messages.year }));
    for (const item of counted) {
      const cell = element('th', { scope: 'col', textContent: `${item.phrase}: ${measureName(state)}` });
      top.append(cell);
    }
    top.append(element('th', { scope: 'col', textContent: messages.units }));
    head.append(top);
    const body = element('tbody');
    years.forEach((year, i) => {
      const row = element('tr');
      const th = element('th', { scope: 'row' });
      th.append(element('a', { href: href({ ...state, year }), textContent: String(year) }));
      row.append(th);
      for (const item of counted) row.append(element('td', { textContent: formatValue(value(item.rows[i]!)) }));
      row.append(element('td', { textContent: String(counted[0]!.rows[i]!.units) }));
      body.append(row);
    });
    grid.append(head, body);
    table.replaceChildren(grid);
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    const text = stringify(trendCsvRows(counted, state));
    csvUrl = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
    csv.href = csvUrl;
    csv.download = `trends-${state.phrases.join('-').replace(/[^\p{L}\p{N}-]+/gu, '_')}.csv`;
    result.hidden = false;
  };

  const renderYear = async (state: TrendsState, counted: Counted[], own: number) => {
    if (state.year === undefined) {
      yearSection.replaceChildren(element('p', { className: 'note', textContent: messages.chooseYear }));
      return;
    }
    const year = state.year;
    const sections = await Promise.all(
      counted.map(async (item) => {
        const pages = [...item.found.pages].filter((page) => item.mask[page] && item.docs.years[page] === year);
        const shown = pages.slice(0, DOCUMENTS_PER_YEAR);
        const fragments = await Promise.all(shown.map((page) => engines[item.lang].fragment(page)));
        return { item, pages, fragments };
      }),
    );
    if (own !== generation) return;
    const parts: HTMLElement[] = [element('h2', { textContent: format(messages.yearHeading, { year }) })];
    for (const { item, pages, fragments } of sections) {
      const h3 = element('h3', { textContent: item.phrase });
      parts.push(h3);
      if (pages.length === 0) {
        parts.push(element('p', { textContent: format(messages.yearNone, { year }) }));
        continue;
      }
      if (pages.length > fragments.length) {
        parts.push(
          element('p', {
            className: 'note',
            textContent: format(messages.moreSentences, { shown: fragments.length, total: pages.length }),
          }),
        );
      }
      const list = element('ol', { className: 'trend-documents' });
      for (const fragment of fragments) list.append(renderDocument(fragment, item));
      parts.push(list);
    }
    yearSection.replaceChildren(...parts);
    if (focusYear) yearSection.focus();
    focusYear = false;
  };

  const renderDocument = (fragment: SearchFragment, item: Counted): HTMLElement => {
    const url = `${base}${fragment.url.replace(/^\//, '')}`;
    const entry = element('li');
    const title = element('a', { href: url, textContent: fragment.title });
    entry.append(
      title,
      ' ',
      element('span', { className: 'meta', textContent: `${fragment.date} · ${fragment.type}` }),
    );
    const sentences = element('ul', { className: 'contexts' });
    sentences.lang = item.lang === 'zh' ? 'zh-Hans' : 'en';
    fragment.paras.forEach((start, i) => {
      const paragraph = fragment.text.slice(start, fragment.paras[i + 1] ?? fragment.text.length);
      for (const sentence of findPhraseSentences(paragraph, item.units, item.lang)) {
        const line = element('li');
        let at = 0;
        for (const [from, to] of sentence.marks) {
          line.append(sentence.text.slice(at, from), element('mark', { textContent: sentence.text.slice(from, to) }));
          at = to;
        }
        line.append(sentence.text.slice(at), ' ');
        const link = element('a', { href: `${url}#p${i + 1}`, textContent: `¶${i + 1}` });
        link.setAttribute('aria-label', format(messages.paragraph, { n: i + 1 }));
        line.append(link);
        sentences.append(line);
      }
    });
    entry.append(sentences);
    return entry;
  };

  let state = parseTrendsState(location.search);
  if (state.phrases.length > 6) status.textContent = messages.tooMany;

  const go = (next: TrendsState, push: boolean) => {
    state = next;
    const url = href(next);
    if (push && url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void run(next);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(readForm(state), true);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).id === 'trends-input') return;
    go(readForm(state), true);
  });
  // Years in the chart and the table are links to the same page with `year=`: followed here
  // without a page load.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a');
    if (!link || !result.contains(link) || link.id === 'trends-csv') return;
    const target = new URL(link.getAttribute('href') ?? '', location.href);
    if (target.pathname !== location.pathname || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    focusYear = true;
    go(parseTrendsState(target.search), true);
  });
  window.addEventListener('popstate', () => go(parseTrendsState(location.search), false));
  void run(state);
}
