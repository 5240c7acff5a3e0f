// The search index, built in a worker thread while the main thread runs Astro: records are
// made here and handed to Pagefind without waiting for Astro's rendering loop to yield.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../i18n/index.ts';
import { catalogueEntities, selectDocuments, type EntityCatalogue } from '../lib/archive-index.ts';
import { listCitationFiles, type SiteAddress } from '../lib/citations/citation-files.ts';
import { buildSearchRecord, type SearchRecord } from '../lib/search-records.ts';
import { readContentBody, type CheckedEntry, type CheckResult, type ContentFile } from '../checker/check-content.ts';
import { englishPartFolder, englishWeight, dealSearchParts } from '../lib/search-parts.ts';
import { digest } from '../lib/build-plan.ts';
import { indexRecords, loadPagefindInstances, type PagefindApi } from './index-search.ts';
import { finishSearchIndex } from './merge-search-parts.ts';
import { mergeInThread } from './merge-worker.ts';
import { indexChinese, type ChineseIndexResult } from './write-chinese-index.ts';

/** What the build passes to the worker. */
export interface IndexJob {
  entries: CheckResult['entries'];
  drafts: boolean;
  /** The folder that receives `pagefind/` (English) and `search-zh/` (Chinese). */
  site: string;
  /** Characters of text per Pagefind run and per part of the Chinese index (`readPartBudget`). */
  partBudget: number;
  /** How many Pagefind processes may index at once. */
  processes: number;
  /** Where the site is published, for the permalinks in citation files. */
  address: SiteAddress;
  /** Where shard bundles are kept between builds, and what they depend on (`SearchCache`). */
  cache?: SearchCache;
}

/**
 * Shards kept between builds: a shard whose documents' records cannot have changed is copied
 * from the cache instead of being indexed again. Its key digests `salt` (the code, settings and
 * entities, which records also depend on), the language and, for each of its documents, the
 * id and the digest of what that language's record is made from.
 */
export interface SearchCache {
  dir: string;
  salt: string;
  documents: Record<string, { zh: string; en: string }>;
}

/** The cache key of a shard of documents in one language. */
export function shardKey(cache: SearchCache, lang: Lang, documents: readonly { id: string }[]): string {
  return digest([cache.salt, lang, ...documents.flatMap((doc) => [doc.id, cache.documents[doc.id]?.[lang] ?? '?'])]);
}

/**
 * Writes the citation files (`cite/…`, see `listCitationFiles`) into `folder`, yielding to the
 * event loop between batches so that Pagefind, fed from this thread, never waits long.
 */
export async function writeCitationFiles(
  folder: string,
  files: Iterable<{ path: string; text: string }>,
): Promise<number> {
  let count = 0;
  const made = new Set<string>();
  for (const file of files) {
    const path = join(folder, file.path);
    if (!made.has(dirname(path))) mkdirSync(dirname(path), { recursive: true });
    made.add(dirname(path));
    writeFileSync(path, file.text);
    count += 1;
    if (count % 200 === 0) await setImmediate();
  }
  return count;
}

/**
 * The English search records of some documents, made one at a time as Pagefind asks, each
 * translation read from its file just then.
 */
export function* searchRecords(
  catalogue: EntityCatalogue,
  documents: readonly CheckedEntry[],
  translations: ReadonlyMap<string, ContentFile>,
): Generator<SearchRecord> {
  for (const doc of documents) {
    const translation = translations.get(doc.id);
    yield buildSearchRecord(doc, { translation: translation && readContentBody(translation) }, catalogue);
  }
}

/** What the index worker did: English records indexed and reused, merge time, and the Chinese index. */
export interface IndexResult {
  indexed: number;
  reused: number;
  merge_s: number;
  chinese: Omit<ChineseIndexResult, 'keys'>;
}

/**
 * Indexes the archive. Chinese: our own index (src/lib/chinese-index/), written part by part in
 * this thread (`indexChinese`). English: Pagefind, in parts (English weighs less per character,
 * `englishWeight`), each part in its own Pagefind run so that no run holds more than a part,
 * then merged into one index (`mergeEnglishIndex`, `finishSearchIndex`). Once `moreLanes`
 * settles (the build says Astro is done), up to `job.processes` Pagefind runs go at a time, so
 * that both cores work. Parts found in `job.cache` are used instead of being made again.
 * Writes the citation files on the way.
 */
export async function indexArchive(
  job: IndexJob,
  moreLanes: Promise<unknown> = Promise.resolve(),
): Promise<IndexResult> {
  // Not buildArchiveIndex: its keyword-in-context pass over every text is for the pages.
  const catalogue = catalogueEntities(job.entries);
  if (job.cache) mkdirSync(job.cache.dir, { recursive: true });
  const documents = selectDocuments(job.entries.documents, job.drafts);
  const translations = job.entries.translations;
  const english = dealSearchParts(documents, job.partBudget, (doc) =>
    englishWeight(translations.get(doc.id)?.size ?? 0),
  );
  // Cache keys: of each part, and of the merged English index (its parts' keys), so that a
  // rebuild after one edit indexes one part of each language and merges one index.
  const cache = job.cache;
  const used = new Set<string>();
  const keyOf = (lang: Lang, part: readonly CheckedEntry[]) => (cache ? shardKey(cache, lang, part) : undefined);
  const englishKeys = english.map((part) => keyOf('en', part));
  const englishMerged = cache && englishKeys.every(Boolean) ? digest(['en', ...(englishKeys as string[])]) : undefined;
  for (const key of [...englishKeys, englishMerged]) if (key) used.add(key);
  const cached = (key: string | undefined) =>
    cache && key && existsSync(join(cache.dir, key, 'pagefind-entry.json')) ? join(cache.dir, key) : undefined;
  const keep = (folder: string, key: string | undefined) => {
    if (!cache || !key) return;
    // Copied whole under a temporary name first: a cache entry is complete or absent.
    const target = join(cache.dir, key);
    rmSync(`${target}.partial`, { recursive: true, force: true });
    cpSync(folder, `${target}.partial`, { recursive: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(`${target}.partial`, target);
  };

  // Parts of an English index already merged in the cache are not needed.
  const runs = cached(englishMerged)
    ? []
    : english.map((part, p) => ({ part, key: englishKeys[p], bundle: join(job.site, englishPartFolder(p)) }));
  let indexed = 0;
  let reused = documents.length - runs.reduce((sum, run) => sum + run.part.length, 0);
  let next = 0;
  let firstLaneDone = () => {};
  const firstLaneFinished = new Promise<void>((resolve) => (firstLaneDone = resolve));
  const lane = async (api: PagefindApi, number: number) => {
    // Further lanes wait for the site; if the first lane has done everything by then, they end.
    if (number > 0) await Promise.race([moreLanes, firstLaneFinished]);
    while (next < runs.length) {
      const run = runs[next++]!;
      const hit = cached(run.key);
      if (hit) {
        cpSync(hit, run.bundle, { recursive: true });
        reused += run.part.length;
        continue;
      }
      const records = searchRecords(catalogue, run.part, translations);
      const count = await indexRecords(run.bundle, records, api);
      indexed += count; // not `indexed += await …`, which would add to a count read before the wait
      keep(run.bundle, run.key);
    }
    if (number === 0) firstLaneDone();
  };
  const instances = await loadPagefindInstances(Math.max(1, Math.min(job.processes, runs.length)));
  // The Chinese index and the citation files are written here while Pagefind works in its own process.
  const chinese = indexChinese({
    documents,
    catalogue,
    site: job.site,
    partBudget: job.partBudget,
    cache: cache && {
      dir: cache.dir,
      key: (part, buckets) => digest([shardKey(cache, 'zh', part), 'chinese-index', String(buckets)]),
    },
  }).then((result) => {
    for (const key of result.keys) used.add(key);
    return result;
  });
  const citations = writeCitationFiles(join(job.site, 'cite'), listCitationFiles(documents, catalogue, job.address));
  const [zh] = await Promise.all([chinese, citations, ...instances.map((api, number) => lane(api, number))]);

  const merging = performance.now();
  const hit = cached(englishMerged);
  if (hit) cpSync(hit, join(job.site, englishPartFolder(0)), { recursive: true });
  else {
    await mergeInThread({ site: job.site, sizes: english.map((part) => part.length) });
    keep(join(job.site, englishPartFolder(0)), englishMerged);
  }
  finishSearchIndex(job.site);
  if (cache) {
    // Only what this build used is kept: the cache never grows past one index.
    for (const name of readdirSync(cache.dir)) {
      if (!used.has(name)) rmSync(join(cache.dir, name), { recursive: true, force: true });
    }
  }
  return {
    indexed,
    reused,
    merge_s: (performance.now() - merging) / 1000,
    chinese: { indexed: zh.indexed, reused: zh.reused, parts: zh.parts, buckets: zh.buckets },
  };
}

if (parentPort && workerData) {
  const port = parentPort;
  const siteBuilt = new Promise((resolve) => port.once('message', resolve));
  port.postMessage(await indexArchive(workerData as IndexJob, siteBuilt));
}
