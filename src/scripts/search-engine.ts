// The search engine of the search page: loads a language's index files as a query needs them
// (src/lib/search-index/format.ts) and answers from them with the pure functions of
// src/lib/search-index/search.ts. Every file is fetched once per page load.
import {
  bucketOf,
  chooseTokens,
  completeWord,
  decodeFacets,
  decodePageLengths,
  findPostings,
  INDEX_FILES,
  WORD_PREFIX,
  type IndexManifest,
  type SearchFragment,
  type PageFacets,
  type Postings,
} from '../lib/search-index/format.ts';
import { filterPages, intersectPostings, orderPages, scoreMatches, unionPostings } from '../lib/search-index/search.ts';
import { wordToken } from '../lib/search-index/tokens.ts';

/** The gunzipped bytes of a file the build gzipped. */
async function fetchGzipped(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const unzipped = response.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
}

/** The answer to a query: matching pages in the order asked for, and the words searched. */
export interface SearchAnswer {
  pages: number[];
  /** The tokens looked up, a half-typed last word's completions included (what to mark). */
  tokens: string[];
}

/** A language's index of a site, loaded lazily. */
export class SearchEngine {
  private manifest?: Promise<IndexManifest>;
  private lengths?: Promise<Int32Array>;
  private facets?: Promise<PageFacets>;
  private readonly buckets = new Map<number, Promise<Uint8Array>>();
  private readonly words = new Map<string, Promise<[string, number][]>>();
  private readonly fragments = new Map<number, Promise<SearchFragment>>();

  private readonly root: string;

  /** `root`: the URL of the index's folder (`search-zh/`, `search-en/`), ending in a slash. */
  constructor(root: string) {
    this.root = root;
  }

  private loadManifest(): Promise<IndexManifest> {
    return (this.manifest ??= fetch(`${this.root}index.json`).then((response) => {
      if (!response.ok) throw new Error(`${this.root}index.json: HTTP ${response.status}`);
      return response.json() as Promise<IndexManifest>;
    }));
  }

  private async url(path: string): Promise<string> {
    return `${this.root}${(await this.loadManifest()).folder}/${path}`;
  }

  /** Starts loading what every query needs (the manifest and the page lengths). */
  preload(): void {
    void this.loadLengths().catch(() => undefined);
  }

  private loadLengths(): Promise<Int32Array> {
    return (this.lengths ??= this.url(INDEX_FILES.pages).then(fetchGzipped).then(decodePageLengths));
  }

  /** Every page's filter values (about 70 KB at 10,000 documents; loaded when first needed). */
  loadFacets(): Promise<PageFacets> {
    return (this.facets ??= this.url(INDEX_FILES.facets).then(fetchGzipped).then(decodeFacets));
  }

  /** True once the facets are loaded, so counting them costs no download. */
  hasFacets(): boolean {
    return this.facets !== undefined;
  }

  private async postings(token: string): Promise<Postings | undefined> {
    const { buckets } = await this.loadManifest();
    const bucket = bucketOf(token, buckets);
    let bytes = this.buckets.get(bucket);
    if (!bytes) {
      bytes = this.url(INDEX_FILES.bucket(bucket)).then(fetchGzipped);
      this.buckets.set(bucket, bytes);
    }
    return findPostings(await bytes, token);
  }

  /** The indexed words that complete a half-typed word (already in lower case), most frequent first. */
  private async complete(prefix: string): Promise<string[]> {
    if (prefix.length < WORD_PREFIX || !/^[0-9a-z]+$/.test(prefix)) return [];
    const key = prefix.slice(0, WORD_PREFIX);
    let group = this.words.get(key);
    if (!group) {
      group = this.url(INDEX_FILES.words(key))
        .then(fetchGzipped)
        .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as [string, number][])
        .catch(() => []); // no word of the index starts so
      this.words.set(key, group);
    }
    return completeWord(await group, prefix);
  }

  /**
   * A half-typed word's postings: of the word itself and of its completions, together. The
   * word's own file is fetched at once, beside the vocabulary, so a word typed whole costs no
   * second round trip.
   */
  private async prefixPostings(prefix: string): Promise<{ postings?: Postings; tokens: string[] }> {
    const own = wordToken(prefix);
    const ownPostings = this.postings(own);
    const completions = (await this.complete(prefix)).filter((token) => token !== own);
    const lists = (await Promise.all([ownPostings, ...completions.map((token) => this.postings(token))])).filter(
      (list): list is Postings => list !== undefined,
    );
    return { postings: lists.length > 0 ? unionPostings(lists) : undefined, tokens: [own, ...completions] };
  }

  /**
   * The pages holding every token (and, with `prefix`, a word that starts so: the last word of
   * a query still being typed), narrowed by the filters and ordered; with no tokens, every page
   * the filters let through. Common tokens among `optional` may be left out (`chooseTokens`).
   */
  async search(
    tokens: readonly string[],
    filters: Readonly<Record<string, readonly string[]>>,
    sort: 'relevance' | 'newest' | 'oldest',
    prefix?: string,
    optional: ReadonlySet<string> = new Set(),
  ): Promise<SearchAnswer> {
    const filtered = Object.values(filters).some((values) => values.length > 0);
    const chosen = chooseTokens(tokens, optional, (await this.loadManifest()).common ?? {});
    const [lengths, facets, exact, partial] = await Promise.all([
      this.loadLengths(),
      filtered ? this.loadFacets() : undefined,
      Promise.all(chosen.map((token) => this.postings(token))),
      prefix ? this.prefixPostings(prefix) : undefined,
    ]);
    const searched = [...chosen, ...(partial?.tokens ?? [])];
    if (searched.length === 0) {
      const all = Array.from({ length: lengths.length }, (_, page) => page);
      return { pages: orderPages(facets ? filterPages(all, facets, filters) : all, undefined, sort), tokens: [] };
    }
    const lists = partial ? [...exact, partial.postings] : exact;
    if (lists.some((list) => list === undefined)) return { pages: [], tokens: searched };
    const matches = intersectPostings(lists as Postings[]);
    const scores = scoreMatches(
      matches,
      (lists as Postings[]).map((list) => list.pages.length),
      lengths,
    );
    if (!facets) return { pages: orderPages(matches.pages, scores, sort), tokens: searched };
    const kept = new Set(filterPages(matches.pages, facets, filters));
    const at = [...matches.pages.keys()].filter((i) => kept.has(matches.pages[i]!));
    return {
      pages: orderPages(
        at.map((i) => matches.pages[i]!),
        Float64Array.from(at.map((i) => scores[i]!)),
        sort,
      ),
      tokens: searched,
    };
  }

  /** A page's fragment: what a result shows, and the text it is checked against. */
  fragment(page: number): Promise<SearchFragment> {
    let fragment = this.fragments.get(page);
    if (!fragment) {
      fragment = this.url(INDEX_FILES.fragment(page))
        .then(fetchGzipped)
        .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as SearchFragment);
      this.fragments.set(page, fragment);
    }
    return fragment;
  }
}
