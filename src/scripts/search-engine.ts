// The search engine of the search page: loads a language's index files as a query needs them
// (src/lib/search-index/format.ts) and answers from them with the pure functions of
// src/lib/search-index/search.ts. Every file is fetched once per page load.
import {
  bucketOf,
  decodeFacets,
  decodePageLengths,
  findPostings,
  INDEX_FILES,
  type IndexManifest,
  type SearchFragment,
  type PageFacets,
  type Postings,
} from '../lib/search-index/format.ts';
import { filterPages, intersectPostings, orderPages, scoreMatches } from '../lib/search-index/search.ts';

/** The gunzipped bytes of a file the build gzipped. */
async function fetchGzipped(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const unzipped = response.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
}

/** The answer to a query: matching pages in the order asked for. */
export interface SearchAnswer {
  pages: number[];
}

/** A language's index of a site, loaded lazily. */
export class SearchEngine {
  private manifest?: Promise<IndexManifest>;
  private lengths?: Promise<Int32Array>;
  private facets?: Promise<PageFacets>;
  private readonly buckets = new Map<number, Promise<Uint8Array>>();
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

  /**
   * The pages holding every token, narrowed by the filters and ordered; with no tokens, every
   * page the filters let through.
   */
  async search(
    tokens: readonly string[],
    filters: Readonly<Record<string, readonly string[]>>,
    sort: 'relevance' | 'newest' | 'oldest',
  ): Promise<SearchAnswer> {
    const filtered = Object.values(filters).some((values) => values.length > 0);
    const [lengths, facets, lists] = await Promise.all([
      this.loadLengths(),
      filtered ? this.loadFacets() : undefined,
      Promise.all(tokens.map((token) => this.postings(token))),
    ]);
    if (tokens.length === 0) {
      const all = Array.from({ length: lengths.length }, (_, page) => page);
      return { pages: orderPages(facets ? filterPages(all, facets, filters) : all, undefined, sort) };
    }
    if (lists.some((list) => list === undefined)) return { pages: [] };
    const matches = intersectPostings(lists as Postings[]);
    const scores = scoreMatches(
      matches,
      (lists as Postings[]).map((list) => list.pages.length),
      lengths,
    );
    if (!facets) return { pages: orderPages(matches.pages, scores, sort) };
    const kept = new Set(filterPages(matches.pages, facets, filters));
    const at = [...matches.pages.keys()].filter((i) => kept.has(matches.pages[i]!));
    return {
      pages: orderPages(
        at.map((i) => matches.pages[i]!),
        Float64Array.from(at.map((i) => scores[i]!)),
        sort,
      ),
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
