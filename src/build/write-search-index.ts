// Writes a language's search index (src/lib/search-index/) from the checked documents: each
// part of consecutive pages (documents in date order) is read, tokenised and written once, into
// the build cache where a later build finds it again when its documents are unchanged; the
// parts are then joined into the site's bucket files, page lengths and facets.
import { createHash } from 'node:crypto';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readAt, shareFile, sumFile, sumZipped } from './files.ts';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setImmediate } from 'node:timers/promises';
import { compareOldestFirst, type EntityCatalogue } from '../lib/archive-index.ts';
import type { CheckedEntry } from '../checker/check-content.ts';
import type { SearchEntry } from '../lib/search-index/entry.ts';
import {
  bucketCount,
  COMMON_SHARE,
  decodePageLengths,
  encodeFacets,
  encodePageLengths,
  groupWords,
  INDEX_FILES,
  indexFolder,
  type IndexManifest,
  type PageFacets,
} from '../lib/search-index/format.ts';
import type { TokenSink } from '../lib/search-index/tokens.ts';
import { useTranslations, type Lang } from '../i18n/index.ts';
import { joinSections, PartPostingsBuilder, readSectionOffsets } from '../lib/search-index/postings.ts';
import { digest } from '../lib/digest.ts';
import { searchFilters } from '../lib/search-records.ts';
import { SEARCH_FILTERS } from '../lib/search-query.ts';

/**
 * Characters of text per part unless ARCHIVE_INDEX_PART_CHARS says otherwise: what one pass
 * holds in memory (postings of some 20 MB), and what a rebuild after one edit writes again.
 */
export const DEFAULT_PART_CHARACTERS = 2_000_000;

/** The part budget from the environment, or the default. */
export function readPartBudget(env: Record<string, string | undefined>): number {
  const value = Number(env.ARCHIVE_INDEX_PART_CHARS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_PART_CHARACTERS;
}

/** A run of consecutive pages, indexed in one pass. */
export interface IndexPart {
  /** The page number of its first document. */
  start: number;
  documents: CheckedEntry[];
}

/**
 * Cuts documents in date order into parts of consecutive pages with at most `budget`
 * characters of text each, as `weight` counts them (a document longer than that is a part of
 * its own).
 *
 * Where a part ends is decided by the documents themselves, not by how full the part is: a
 * part ends after a document with a chance of its weight over half the budget, drawn from a
 * hash of its id (the same document always decides the same way), and before a document that
 * would take it over the budget. Filling parts up to the budget instead moved every later
 * boundary whenever one text grew or a document was added in the middle of the archive, and so
 * wrote every later part again; now a boundary moves only up to the next drawn one, which comes
 * after about half a budget of text.
 */
export function planIndexParts(
  documents: readonly CheckedEntry[],
  budget: number,
  weight: (doc: CheckedEntry) => number = (doc) => doc.characters,
): IndexPart[] {
  const parts: IndexPart[] = [];
  let current: IndexPart | undefined;
  let characters = 0;
  documents.forEach((doc, page) => {
    const own = weight(doc);
    if (!current || (characters + own > budget && current.documents.length > 0)) {
      current = { start: page, documents: [] };
      parts.push(current);
      characters = 0;
    }
    current.documents.push(doc);
    characters += own;
    if (drawFraction(doc.id) < own / (budget / 2)) current = undefined;
  });
  return parts;
}

/** A number in [0, 1) drawn from a document's id: the same id, the same number. */
function drawFraction(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32;
}

/** Makes a document's entry for an index, its tokens going to `sink`. */
export type MakeEntry = (doc: CheckedEntry, sink: TokenSink) => SearchEntry;

/** Files of a written part, in its folder. */
const PART_FILES = { postings: 'postings.bin', lengths: 'lengths.bin', digest: 'digest.txt', fragments: 'f' };

/**
 * Indexes one part into `folder` (written under a temporary name and renamed when complete,
 * so a folder that exists is whole): its postings for `buckets` bucket files, its pages'
 * lengths, its fragments (gzipped, numbered from 0 within the part) and a digest of them all.
 * Yields to the event loop between documents.
 */
export async function writeIndexPart(
  folder: string,
  documents: readonly CheckedEntry[],
  buckets: number,
  makeEntry: MakeEntry,
): Promise<void> {
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(join(partial, PART_FILES.fragments), { recursive: true });
  const builder = new PartPostingsBuilder();
  const lengths: number[] = [];
  const hash = createHash('sha256');
  for (const [n, doc] of documents.entries()) {
    const entry = makeEntry(doc, builder);
    builder.endPage();
    lengths.push(entry.length);
    const fragment = gzipSync(JSON.stringify(entry.fragment), { level: 6 });
    hash.update(fragment);
    writeFileSync(join(partial, PART_FILES.fragments, `${n}.json`), fragment);
    if (n % 20 === 19) await setImmediate();
  }
  const postings = builder.encode(buckets);
  hash.update(postings);
  const encodedLengths = encodePageLengths(lengths);
  hash.update(encodedLengths);
  writeFileSync(join(partial, PART_FILES.postings), postings);
  writeFileSync(join(partial, PART_FILES.lengths), encodedLengths);
  writeFileSync(join(partial, PART_FILES.digest), hash.digest('hex'));
  rmSync(folder, { recursive: true, force: true });
  renameSync(partial, folder);
}

/**
 * True when `folder` holds a whole part of `pages` pages as `writeIndexPart` wrote it: its
 * digest is computed again from its files, so a file cut short, emptied or changed (a part's
 * fragments are hard links to the published site's, which other tools may edit) is noticed
 * and the part written again rather than published.
 */
export function isIndexPart(folder: string, pages: number): boolean {
  try {
    const expected = readFileSync(join(folder, PART_FILES.digest), 'utf8');
    const lengths = readFileSync(join(folder, PART_FILES.lengths));
    if (decodePageLengths(lengths).length !== pages) return false;
    const hash = createHash('sha256');
    for (let n = 0; n < pages; n += 1) hash.update(readFileSync(join(folder, PART_FILES.fragments, `${n}.json`)));
    hash.update(readFileSync(join(folder, PART_FILES.postings)));
    hash.update(lengths);
    return hash.digest('hex') === expected;
  } catch {
    return false;
  }
}

/** Every page's filter values in the index's form (value lists in order of first use). */
export function collectPageFacets(
  documents: readonly CheckedEntry[],
  catalogue: EntityCatalogue,
  lang: Lang,
): PageFacets {
  const names = [...SEARCH_FILTERS];
  const values = names.map(() => new Map<string, number>());
  const t = useTranslations(lang);
  const pages = documents.map((doc) => {
    const filters = searchFilters(doc, lang, catalogue, t);
    return names.map((name, f) =>
      [...new Set(filters[name] ?? [])].map((value) => {
        const own = values[f]!;
        if (!own.has(value)) own.set(value, own.size);
        return own.get(value)!;
      }),
    );
  });
  return { names, values: values.map((own) => [...own.keys()]), pages };
}

/** What a part's postings file that ends too soon is said to be (`readAt`). */
const cutShort = (path: string) =>
  `the search index part's postings file ${path} is cut short (changed since it was checked); build again with --full`;

/** Buckets joined at a time: each part's sections for them are read in one go. */
const BUCKETS_PER_READ = 256;

/** A joined index an earlier build wrote: its files, and a digest of what each file is made from. */
export interface JoinedIndex {
  /** The folder holding its files (`b/`, `f/`, …), as `assembleIndex` named it. */
  folder: string;
  sums: Record<string, string>;
}

/**
 * Joins written parts (folders, with the page number each starts at, in page order) into the
 * site's index of one language under `site/search-<lang>/`: a folder named after a digest of
 * its contents with the bucket files, fragments, page lengths and facets, and `index.json`
 * pointing to it. Returns the manifest and a digest of what each file is made from (its
 * "sum": contents before gzip, gzip level, zlib's version). A file whose sum is that of the same
 * file of `previous` is linked from there rather than compressed and written again: after one
 * document's text changes, only the buckets of the words whose counts changed are new.
 */
export function assembleIndex(
  site: string,
  lang: Lang,
  parts: readonly { folder: string; start: number }[],
  buckets: number,
  facets: PageFacets,
  previous?: JoinedIndex,
): { manifest: IndexManifest; sums: Record<string, string> } {
  const root = join(site, indexFolder(lang));
  const staging = join(root, '.partial');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'b'), { recursive: true });
  mkdirSync(join(staging, 'f'), { recursive: true });
  const hash = createHash('sha256');
  const sums: Record<string, string> = {};
  const write = (path: string, contents: Uint8Array | string, level: number) => {
    const sum = sumZipped(contents, level);
    sums[path] = sum;
    hash.update(`${path}\u0000${sum}\u0000`);
    if (previous?.sums[path] === sum) {
      try {
        linkSync(join(previous.folder, path), join(staging, path));
        return;
      } catch {
        // gone or on another device: written below
      }
    }
    writeFileSync(join(staging, path), gzipSync(contents, { level }));
  };

  // Page lengths and fragments, renumbered from each part's start.
  const lengths: number[] = [];
  for (const { folder, start } of parts) {
    hash.update(readFileSync(join(folder, PART_FILES.digest)));
    const own = [...decodePageLengths(readFileSync(join(folder, PART_FILES.lengths)))];
    if (lengths.length !== start) throw new Error(`part ${folder} starts at page ${start}, not ${lengths.length}`);
    lengths.push(...own);
    own.forEach((_, n) =>
      shareFile(join(folder, PART_FILES.fragments, `${n}.json`), join(staging, INDEX_FILES.fragment(start + n))),
    );
  }
  write(INDEX_FILES.pages, encodePageLengths(lengths), 9);
  write(INDEX_FILES.facets, encodeFacets(facets), 9);

  // Buckets, a batch at a time from every part; the Latin words go to the vocabulary files.
  const words: [string, number][] = [];
  const common: [string, number][] = [];
  const files = parts.map(({ folder, start }) => {
    const path = join(folder, PART_FILES.postings);
    const fd = openSync(path, 'r');
    const head = readSectionOffsets(readAt(fd, 0, 4 * (buckets + 2), cutShort(path)));
    if (head.buckets !== buckets) throw new Error(`part ${folder} has ${head.buckets} buckets, not ${buckets}`);
    return { fd, path, start, offsets: head.offsets };
  });
  try {
    for (let from = 0; from < buckets; from += BUCKETS_PER_READ) {
      const to = Math.min(buckets, from + BUCKETS_PER_READ);
      const batches = files.map(({ fd, path, offsets }) => ({
        base: offsets[from]!,
        bytes: readAt(fd, offsets[from]!, offsets[to]! - offsets[from]!, cutShort(path)),
      }));
      for (let b = from; b < to; b += 1) {
        const sections = files.map(({ start, offsets }, p) => {
          const { base, bytes } = batches[p]!;
          return { start, section: bytes.subarray(offsets[b]! - base, offsets[b + 1]! - base) };
        });
        const bucket = joinSections(sections, (token, pages) => {
          if (/^[0-9a-z]/.test(token)) words.push([token, pages]);
          else if (pages >= COMMON_SHARE * lengths.length) common.push([token, pages]);
        });
        // Level 4: measured on 800 buckets at 10,000 documents, 4 times as fast as level 6 for
        // 4% more bytes.
        write(INDEX_FILES.bucket(b), bucket, 4);
      }
    }
  } finally {
    for (const { fd } of files) closeSync(fd);
  }

  mkdirSync(join(staging, 'w'), { recursive: true });
  for (const [prefix, group] of [...groupWords(words)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    write(INDEX_FILES.words(prefix), JSON.stringify(group), 9);
  }

  const manifest: IndexManifest = {
    folder: hash.digest('hex').slice(0, 16),
    buckets,
    pages: lengths.length,
    common: Object.fromEntries(common.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  for (const name of readdirSync(root)) {
    if (name !== '.partial') rmSync(join(root, name), { recursive: true, force: true });
  }
  renameSync(staging, join(root, manifest.folder));
  writeFileSync(join(root, 'index.json'), `${JSON.stringify(manifest)}\n`);
  return { manifest, sums };
}

/** What indexing one language needs from the index worker. */
export interface IndexJob {
  lang: Lang;
  /** Published documents (or drafts too), in any order. */
  documents: readonly CheckedEntry[];
  catalogue: EntityCatalogue;
  /** A document's entry in this language's index. */
  makeEntry: MakeEntry;
  /** A document's characters of text in this language, for planning parts and buckets. */
  weight: (doc: CheckedEntry) => number;
  site: string;
  /** Characters per part. */
  partBudget: number;
  /** Where parts are kept between builds, and each part's key; without it, parts go in `site`. */
  cache?: { dir: string; key: (documents: readonly CheckedEntry[], buckets: number) => string };
}

/** What `indexLanguage` did. */
export interface IndexResult {
  indexed: number;
  reused: number;
  parts: number;
  buckets: number;
  /** True when the whole joined index was kept from the last build. */
  whole: boolean;
  /** The cache keys of the parts (and of the joined index), which the cache must keep. */
  keys: string[];
}

/**
 * Indexes the documents in one language: plans parts, writes those not found in the cache
 * (one at a time; each holds only its own postings in memory) and joins them into the site.
 * Returns how many documents were indexed and how many were kept from an earlier build, and the
 * keys of the parts used (the rest of the cache may go).
 */
export async function indexLanguage(job: IndexJob): Promise<IndexResult> {
  // Page n is the n-th oldest document, so that sorting by date is sorting by page number.
  const documents = [...job.documents].sort(compareOldestFirst);
  const characters = documents.reduce((sum, doc) => sum + job.weight(doc), 0);
  const buckets = bucketCount(characters);
  const plan = planIndexParts(documents, job.partBudget, job.weight);
  const scratch = join(job.site, `${indexFolder(job.lang)}.parts`);
  let indexed = 0;
  let reused = 0;
  const keys: string[] = [];
  const folders = [];
  for (const [p, part] of plan.entries()) {
    const key = job.cache?.key(part.documents, buckets);
    const folder = key ? join(job.cache!.dir, key) : join(scratch, String(p));
    if (key) keys.push(key);
    if (key && isIndexPart(folder, part.documents.length)) reused += part.documents.length;
    else {
      await writeIndexPart(folder, part.documents, buckets, job.makeEntry);
      indexed += part.documents.length;
    }
    folders.push({ folder, start: part.start });
  }
  const facets = collectPageFacets(documents, job.catalogue, job.lang);
  const target = join(job.site, indexFolder(job.lang));
  // The joined index is kept too: when every part and the facets are as before (the English
  // index after a Chinese text was edited), it is linked in instead of joined again, and
  // otherwise its unchanged files are linked into the new one.
  const joined = job.cache && join(job.cache.dir, joinedFolder(job.lang));
  const source = digest([String(buckets), ...keys, encodeFacets(facets)]);
  const kept = joined ? readJoined(joined) : undefined;
  const whole = kept !== undefined && kept.whole && keys.length === plan.length && kept.source === source;
  if (whole) {
    linkTree(join(joined!, 'index'), target);
  } else {
    const { sums } = assembleIndex(job.site, job.lang, folders, buckets, facets, kept);
    if (joined) {
      rmSync(joined, { recursive: true, force: true });
      linkTree(target, join(joined, 'index'));
      writeFileSync(join(joined, 'sums.json'), JSON.stringify(sums));
      writeFileSync(join(joined, 'files.json'), JSON.stringify(hashTree(join(joined, 'index'))));
      writeFileSync(join(joined, 'source.txt'), source);
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  return {
    indexed,
    reused,
    parts: plan.length,
    buckets,
    whole,
    keys: joined ? [...keys, joinedFolder(job.lang)] : keys,
  };
}

/** The cache folder that keeps a language's last joined index. */
function joinedFolder(lang: Lang): string {
  return `joined-${lang}`;
}

/** A file of the kept joined index, if there is one. */
function readKept(joined: string, name: string): string | undefined {
  try {
    return readFileSync(join(joined, name), 'utf8');
  } catch {
    return undefined;
  }
}

/** The SHA-1 of every file under `dir`, by path relative to it. */
function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[relative(dir, path)] = sumFile(path) ?? '';
  }
  return hashes;
}

/**
 * The kept joined index, for `assembleIndex` to take unchanged files from: only the files whose
 * bytes are still those written (they are hard links to the published site's, which other tools
 * may edit), and whether all of them are, with what it was made from (`source`).
 */
function readJoined(joined: string): (JoinedIndex & { whole: boolean; source?: string }) | undefined {
  try {
    const index = join(joined, 'index');
    const { folder } = JSON.parse(readFileSync(join(index, 'index.json'), 'utf8')) as IndexManifest;
    const sums = JSON.parse(readFileSync(join(joined, 'sums.json'), 'utf8')) as Record<string, string>;
    const written = JSON.parse(readFileSync(join(joined, 'files.json'), 'utf8')) as Record<string, string>;
    const found = hashTree(index);
    const sound = (path: string) => written[path] !== undefined && found[path] === written[path];
    const whole =
      Object.keys(found).length === Object.keys(written).length && Object.keys(written).every((path) => sound(path));
    const verified = Object.fromEntries(
      Object.entries(sums).filter(([path]) => sound(relative(index, join(index, folder, path)))),
    );
    return { folder: join(index, folder), sums: verified, whole, source: readKept(joined, 'source.txt') };
  } catch {
    return undefined;
  }
}

/** Puts every file under `from` at the same place under `to` (hard links where possible). */
function linkTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const copy = join(to, relative(from, path));
    mkdirSync(dirname(copy), { recursive: true });
    shareFile(path, copy);
  }
}
