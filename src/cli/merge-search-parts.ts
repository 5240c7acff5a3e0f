import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { encode } from 'cborg';
import {
  buildPageMaps,
  chunkRanges,
  concatChunk,
  checkSortOrders,
  mergeFilterValues,
  mergeWordStreams,
  pageFragmentName,
  readChunkWords,
  toStoredWord,
  type WordPostings,
} from '../lib/merge-pagefind-index.ts';
import {
  contentName,
  decodePagefindFile,
  encodePagefindBytes,
  encodePagefindFile,
  type FilterFile,
  type PagefindEntry,
} from '../lib/pagefind-bundle.ts';
import { searchLanguage } from '../lib/search-records.ts';
import { dealtOrder, englishPartFolder } from '../lib/search-parts.ts';

type Meta = [
  string,
  [string, number][],
  [string, string, string][],
  [string, string][],
  [string, number[]][],
  string[],
  ...unknown[],
];

/** How to merge: the page order, what to change on the way, and how large a chunk may grow. */
export interface MergeOptions {
  /**
   * The merged index's pages, as (bundle, page) in date order (checked against each bundle's
   * `date` sort); pages not listed are left out.
   */
  order: readonly (readonly [number, number])[];
  /** Uncompressed CBOR bytes after which a chunk is closed. */
  chunkBytes: number;
}

const readEntry = (bundle: string): PagefindEntry =>
  JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;

/** The words of one bundle's index in order, one chunk decoded at a time. */
function* bundleWords(bundle: string, meta: Meta): Generator<WordPostings> {
  for (const [, , hash] of meta[2]) {
    yield* readChunkWords(decodePagefindFile(readFileSync(join(bundle, 'index', `${hash}.pf_index`))));
  }
}

/** Writes a file named after its content, lengthening the name while another file has it. */
function writeNamed(folder: string, prefix: string, suffix: string, bytes: Uint8Array, taken: Set<string>): string {
  for (let length = 7; ; length += 1) {
    const name = contentName(prefix, bytes, length);
    if (!taken.has(name)) {
      taken.add(name);
      writeFileSync(join(folder, `${name}${suffix}`), bytes);
      return name;
    }
  }
}

/** A fresh folder beside the bundle's own, for files not to be mixed with the old ones yet. */
function stage(bundle: string, folder: string, language: string): string {
  const path = join(bundle, `${folder}.${language}.merging`);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return path;
}

/**
 * Rewrites one language's index from one or more Pagefind bundles into the first
 * (`bundles[0]`): pages in date order under names that say their place (`pageFragmentName`,
 * so the search page sorts by date without Pagefind's sort lists, which took a sixth of the
 * meta file), index chunks re-cut from the merged words, filters merged. The other bundles
 * are removed; they must hold nothing but this language's index.
 */
export function mergePagefindBundles(bundles: readonly string[], language: string, options: MergeOptions): void {
  const [into] = bundles;
  if (!into) throw new Error('no bundle to merge');
  const entries = bundles.map(readEntry);
  const metas = entries.map((entry, i) => {
    const index = entry.languages[language];
    if (!index) throw new Error(`${bundles[i]} has no ${language} index`);
    return decodePagefindFile(readFileSync(join(bundles[i]!, `pagefind.${index.hash}.pf_meta`))) as Meta;
  });
  const pageMaps = buildPageMaps(
    metas.map((meta) => meta[1].length),
    options.order,
  );
  checkSortOrders(
    metas.map((meta) => meta[4].find(([name]) => name === 'date')?.[1] ?? []),
    pageMaps,
  );

  // Fragments, renamed (and rewritten) into a folder of their own.
  const fragments = stage(into, 'fragment', language);
  const tag = createHash('sha256')
    .update(options.order.map(([bundle, page]) => metas[bundle]![1][page]![0]).join(' '))
    .digest('hex')
    .slice(0, 6);
  const pages = options.order.map(([bundle, page], merged): [string, number] => {
    const [hash, words] = metas[bundle]![1][page]!;
    const bytes = readFileSync(join(bundles[bundle]!, 'fragment', `${hash}.pf_fragment`));
    const name = pageFragmentName(language, tag, merged);
    writeFileSync(join(fragments, `${name}.pf_fragment`), bytes);
    return [name, words];
  });

  // Index chunks.
  const staged = stage(into, 'index', language);
  const chunkNames = new Set<string>();
  const chunks: { first: string; last: string; hash: string }[] = [];
  let words: Uint8Array[] = [];
  let first = '';
  let last = '';
  let size = 0;
  const close = () => {
    if (words.length === 0) return;
    const hash = writeNamed(staged, language, '.pf_index', encodePagefindBytes(concatChunk(words), 6), chunkNames);
    chunks.push({ first, last, hash });
    words = [];
    size = 0;
  };
  const streams = bundles.map((bundle, i) => bundleWords(bundle, metas[i]!));
  for (const merged of mergeWordStreams(streams, pageMaps)) {
    const bytes = encode(toStoredWord(merged));
    if (words.length === 0) first = merged.word;
    last = merged.word;
    words.push(bytes);
    size += bytes.length;
    if (size >= options.chunkBytes) close();
  }
  close();

  // Filters.
  const filterStaged = stage(into, 'filter', language);
  const filterNames = new Set<string>();
  const filterKeys = [...new Set(metas.flatMap((meta) => meta[3].map(([name]) => name)))].sort();
  const filters = filterKeys.map((key): [string, string] => {
    const values = metas.map((meta, i) => {
      const file = meta[3].find(([name]) => name === key)?.[1];
      if (!file) return [];
      return (decodePagefindFile(readFileSync(join(bundles[i]!, 'filter', `${file}.pf_filter`))) as FilterFile)[1];
    });
    const bytes = encodePagefindFile([key, mergeFilterValues(values, pageMaps)]);
    return [key, writeNamed(filterStaged, language, '.pf_filter', bytes, filterNames)];
  });

  const ranges = chunkRanges(chunks);
  const [version, , , , , fields, ...rest] = metas[0]!;
  const meta: Meta = [
    version,
    pages,
    chunks.map(({ hash }, i): [string, string, string] => [ranges[i]!.from, ranges[i]!.to, hash]),
    filters,
    [],
    [...new Set([...fields, ...metas.flatMap((other) => other[5])])].sort(),
    ...rest,
  ];
  const metaBytes = encodePagefindFile(meta);
  const metaName = contentName(language, metaBytes, 10);

  // Swap the new files in for the old ones.
  rmSync(join(into, `pagefind.${entries[0]!.languages[language]!.hash}.pf_meta`));
  for (const [folder, staging] of [
    ['fragment', fragments],
    ['index', staged],
    ['filter', filterStaged],
  ] as const) {
    const path = join(into, folder);
    mkdirSync(path, { recursive: true });
    for (const name of readdirSync(path)) if (name.startsWith(`${language}_`)) rmSync(join(path, name));
    for (const name of readdirSync(staging)) renameSync(join(staging, name), join(path, name));
    rmSync(staging, { recursive: true });
  }
  writeFileSync(join(into, `pagefind.${metaName}.pf_meta`), metaBytes);
  const entry = entries[0]!;
  entry.languages[language] = { ...entry.languages[language]!, hash: metaName, page_count: pages.length };
  writeFileSync(join(into, 'pagefind-entry.json'), JSON.stringify(entry));
  for (const bundle of bundles.slice(1)) if (existsSync(bundle)) rmSync(bundle, { recursive: true });
}

/**
 * Uncompressed bytes per index chunk, measured at 10,000 documents (docs/architecture.md,
 * "Search index"): a query loads one chunk per word, and the meta file lists every chunk.
 */
export const CHUNK_BYTES = 60_000;

/** Merges the English parts (`englishPartFolder(p)`) into the first, keeping their locations, which excerpts need. */
export function mergeEnglishIndex(site: string, sizes: readonly number[]): void {
  const english = sizes.map((_, p) => join(site, englishPartFolder(p)));
  mergePagefindBundles(english, searchLanguage('en'), { order: dealtOrder(sizes), chunkBytes: CHUNK_BYTES });
}

/** Finishes the English index once merged: moves it to `pagefind/`, where the search page loads it. */
export function finishSearchIndex(site: string): void {
  renameSync(join(site, englishPartFolder(0)), join(site, 'pagefind'));
}
