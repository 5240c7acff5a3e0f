// Writes the Chinese search index (src/lib/chinese-index/) from the checked documents: each
// part of consecutive pages (documents in date order) is read, tokenised and written once, into
// the build cache where a later build finds it again when its documents are unchanged; the
// parts are then joined into the site's bucket files, page lengths and facets.
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setImmediate } from 'node:timers/promises';
import type { EntityCatalogue } from '../lib/archive-index.ts';
import { readContentBody, type CheckedEntry } from '../checker/check-content.ts';
import { buildChineseEntry } from '../lib/chinese-index/entry.ts';
import {
  bucketCount,
  CHINESE_INDEX_FOLDER,
  decodePageLengths,
  encodeFacets,
  encodePageLengths,
  INDEX_FILES,
  type ChineseIndexManifest,
  type PageFacets,
} from '../lib/chinese-index/format.ts';
import { joinSections, PartPostingsBuilder, readSectionOffsets } from '../lib/chinese-index/postings.ts';
import { dateSortKey } from '../lib/format-date.ts';
import { searchFilters } from '../lib/search-records.ts';
import { SEARCH_FILTERS } from '../lib/search-query.ts';

/** A run of consecutive pages, indexed in one pass. */
export interface ChinesePart {
  /** The page number of its first document. */
  start: number;
  documents: CheckedEntry[];
}

/**
 * Cuts documents in date order into parts of consecutive pages with at most `budget`
 * characters of text each (a document longer than that is a part of its own).
 */
export function planChineseParts(documents: readonly CheckedEntry[], budget: number): ChinesePart[] {
  const parts: ChinesePart[] = [];
  let current: ChinesePart | undefined;
  let characters = 0;
  documents.forEach((doc, page) => {
    if (!current || (characters + doc.characters > budget && current.documents.length > 0)) {
      current = { start: page, documents: [] };
      parts.push(current);
      characters = 0;
    }
    current.documents.push(doc);
    characters += doc.characters;
  });
  return parts;
}

/** Files of a written part, in its folder. */
const PART_FILES = { postings: 'postings.bin', lengths: 'lengths.bin', digest: 'digest.txt', fragments: 'f' };

/**
 * Indexes one part into `folder` (written under a temporary name and renamed when complete,
 * so a folder that exists is whole): its postings for `buckets` bucket files, its pages'
 * lengths, its fragments (gzipped, numbered from 0 within the part) and a digest of them all.
 * Yields to the event loop between documents.
 */
export async function writeChinesePart(
  folder: string,
  documents: readonly CheckedEntry[],
  buckets: number,
  catalogue: EntityCatalogue,
): Promise<void> {
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(join(partial, PART_FILES.fragments), { recursive: true });
  const builder = new PartPostingsBuilder();
  const lengths: number[] = [];
  const hash = createHash('sha256');
  for (const [n, doc] of documents.entries()) {
    const entry = buildChineseEntry(doc, readContentBody(doc.file), catalogue);
    builder.add(entry.counts);
    lengths.push(entry.length);
    const fragment = gzipSync(JSON.stringify(entry.fragment), { level: 6 });
    hash.update(fragment);
    writeFileSync(join(partial, PART_FILES.fragments, `${n}.json`), fragment);
    if (n % 20 === 19) await setImmediate();
  }
  const postings = builder.encode(buckets);
  hash.update(postings);
  writeFileSync(join(partial, PART_FILES.postings), postings);
  writeFileSync(join(partial, PART_FILES.lengths), encodePageLengths(lengths));
  writeFileSync(join(partial, PART_FILES.digest), hash.digest('hex'));
  rmSync(folder, { recursive: true, force: true });
  renameSync(partial, folder);
}

/** True when `folder` holds a part written by `writeChinesePart`. */
export function isChinesePart(folder: string): boolean {
  return existsSync(join(folder, PART_FILES.digest));
}

/** Every page's filter values in the index's form (value lists in order of first use). */
export function collectPageFacets(documents: readonly CheckedEntry[], catalogue: EntityCatalogue): PageFacets {
  const names = [...SEARCH_FILTERS];
  const values = names.map(() => new Map<string, number>());
  const pages = documents.map((doc) => {
    const filters = searchFilters(doc, 'zh', catalogue);
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

/** Reads `length` bytes at `position` of an open file. */
function readAt(fd: number, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) throw new Error('postings file is cut short');
    done += read;
  }
  return bytes;
}

/** Buckets joined at a time: each part's sections for them are read in one go. */
const BUCKETS_PER_READ = 256;

/**
 * Joins written parts (folders, with the page number each starts at, in page order) into the
 * site's Chinese index under `site/search-zh/`: a folder named after a digest of its contents
 * with the bucket files, fragments, page lengths and facets, and `index.json` pointing to it.
 * Returns the manifest.
 */
export function assembleChineseIndex(
  site: string,
  parts: readonly { folder: string; start: number }[],
  buckets: number,
  facets: PageFacets,
): ChineseIndexManifest {
  const root = join(site, CHINESE_INDEX_FOLDER);
  const staging = join(root, '.partial');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'b'), { recursive: true });
  mkdirSync(join(staging, 'f'), { recursive: true });
  const hash = createHash('sha256');
  const write = (path: string, bytes: Uint8Array) => {
    hash.update(path);
    hash.update(bytes);
    writeFileSync(join(staging, path), bytes);
  };

  // Page lengths and fragments, renumbered from each part's start.
  const lengths: number[] = [];
  for (const { folder, start } of parts) {
    hash.update(readFileSync(join(folder, PART_FILES.digest)));
    const own = [...decodePageLengths(readFileSync(join(folder, PART_FILES.lengths)))];
    if (lengths.length !== start) throw new Error(`part ${folder} starts at page ${start}, not ${lengths.length}`);
    lengths.push(...own);
    own.forEach((_, n) =>
      copyFileSync(
        join(folder, PART_FILES.fragments, `${n}.json`),
        join(staging, INDEX_FILES.fragment(start + n)),
        constants.COPYFILE_FICLONE,
      ),
    );
  }
  write(INDEX_FILES.pages, gzipSync(encodePageLengths(lengths), { level: 9 }));
  write(INDEX_FILES.facets, gzipSync(encodeFacets(facets), { level: 9 }));

  // Buckets, a batch at a time from every part.
  const files = parts.map(({ folder, start }) => {
    const fd = openSync(join(folder, PART_FILES.postings), 'r');
    const head = readSectionOffsets(readAt(fd, 0, 4 * (buckets + 2)));
    if (head.buckets !== buckets) throw new Error(`part ${folder} has ${head.buckets} buckets, not ${buckets}`);
    return { fd, start, offsets: head.offsets };
  });
  try {
    for (let from = 0; from < buckets; from += BUCKETS_PER_READ) {
      const to = Math.min(buckets, from + BUCKETS_PER_READ);
      const batches = files.map(({ fd, offsets }) => ({
        base: offsets[from]!,
        bytes: readAt(fd, offsets[from]!, offsets[to]! - offsets[from]!),
      }));
      for (let b = from; b < to; b += 1) {
        const sections = files.map(({ start, offsets }, p) => {
          const { base, bytes } = batches[p]!;
          return { start, section: bytes.subarray(offsets[b]! - base, offsets[b + 1]! - base) };
        });
        write(INDEX_FILES.bucket(b), gzipSync(joinSections(sections), { level: 6 }));
      }
    }
  } finally {
    for (const { fd } of files) closeSync(fd);
  }

  const manifest: ChineseIndexManifest = { folder: hash.digest('hex').slice(0, 16), buckets, pages: lengths.length };
  for (const name of readdirSync(root)) {
    if (name !== '.partial') rmSync(join(root, name), { recursive: true, force: true });
  }
  renameSync(staging, join(root, manifest.folder));
  writeFileSync(join(root, 'index.json'), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

/** What indexing the Chinese records needs from the index worker. */
export interface ChineseIndexJob {
  /** Published documents (or drafts too), in any order. */
  documents: readonly CheckedEntry[];
  catalogue: EntityCatalogue;
  site: string;
  /** Characters per part. */
  partBudget: number;
  /** Where parts are kept between builds, and each part's key; without it, parts go in `site`. */
  cache?: { dir: string; key: (documents: readonly CheckedEntry[], buckets: number) => string };
}

/** What `indexChinese` did. */
export interface ChineseIndexResult {
  indexed: number;
  reused: number;
  parts: number;
  buckets: number;
  /** The cache keys of the parts, which the cache must keep. */
  keys: string[];
}

/**
 * Indexes the documents in Chinese: plans parts, writes those not found in the cache (one at a
 * time; each holds only its own postings in memory) and joins them into the site. Returns how
 * many documents were indexed and how many were kept from an earlier build, and the keys of
 * the parts used (the rest of the cache may go).
 */
export async function indexChinese(job: ChineseIndexJob): Promise<ChineseIndexResult> {
  // Page n is the n-th oldest document, so that sorting by date is sorting by page number.
  const documents = [...job.documents].sort(
    (a, b) => dateSortKey(a.date).localeCompare(dateSortKey(b.date)) || a.id.localeCompare(b.id),
  );
  const characters = documents.reduce((sum, doc) => sum + doc.characters, 0);
  const buckets = bucketCount(characters);
  const plan = planChineseParts(documents, job.partBudget);
  const scratch = join(job.site, `${CHINESE_INDEX_FOLDER}.parts`);
  let indexed = 0;
  let reused = 0;
  const keys: string[] = [];
  const folders = [];
  for (const [p, part] of plan.entries()) {
    const key = job.cache?.key(part.documents, buckets);
    const folder = key ? join(job.cache!.dir, key) : join(scratch, String(p));
    if (key) keys.push(key);
    if (key && isChinesePart(folder)) reused += part.documents.length;
    else {
      await writeChinesePart(folder, part.documents, buckets, job.catalogue);
      indexed += part.documents.length;
    }
    folders.push({ folder, start: part.start });
  }
  assembleChineseIndex(job.site, folders, buckets, collectPageFacets(documents, job.catalogue));
  rmSync(scratch, { recursive: true, force: true });
  return { indexed, reused, parts: plan.length, buckets, keys };
}
