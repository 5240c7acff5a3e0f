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
import {
  englishPartFolder,
  englishWeight,
  planSearchShards,
  searchPartFolder,
  shardFolder,
} from '../lib/search-shards.ts';
import { digest } from '../lib/build-plan.ts';
import { indexRecords, loadPagefindInstances, type PagefindApi } from './index-search.ts';
import { finishSearchIndex } from './merge-search-shards.ts';
import { mergeInThread } from './merge-worker.ts';

/** What the build passes to the worker. */
export interface IndexJob {
  entries: CheckResult['entries'];
  drafts: boolean;
  /** The folder that receives `pagefind/` (and `pagefind-1/`, … when the index is sharded). */
  site: string;
  /** Characters of text per search shard (`readShardBudget`). */
  shardBudget: number;
  /** Characters of text per Pagefind run (`readPartBudget`). */
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
 * The search records of some documents in one language, made one at a time as Pagefind asks,
 * each text read from its file just then (Chinese records need the body, English ones the
 * translation).
 */
export function* searchRecords(
  catalogue: EntityCatalogue,
  lang: Lang,
  documents: readonly CheckedEntry[],
  translations: ReadonlyMap<string, ContentFile>,
): Generator<SearchRecord> {
  for (const doc of documents) {
    const translation = translations.get(doc.id);
    const text =
      lang === 'zh'
        ? { body: readContentBody(doc.file), translation: undefined }
        : { body: '', translation: translation && readContentBody(translation) };
    yield buildSearchRecord(doc, text, lang, catalogue);
  }
}

/**
 * Indexes the archive: the Chinese records in search shards, each made of parts (see
 * `planSearchShards`), the English ones in parts of one index (English weighs less per
 * character, `englishWeight`), each part in its own Pagefind run so that no run holds more than
 * a part. Once `moreLanes` settles (the build says Astro is done), up to `job.processes` runs go
 * at a time, so that both cores work (measured at 10,000 documents: two runs beside Astro
 * slowed it from 178 s to 251 s and gained nothing). The parts of each shard are then merged
 * (`mergeSearchShard`, `mergeEnglishIndex`, `finishSearchIndex`). Parts and merged shards found
 * in `job.cache` are copied instead of being made again. Writes the citation files on the way.
 * Returns how many records were indexed and reused, and the seconds spent merging.
 */
export async function indexArchive(
  job: IndexJob,
  moreLanes: Promise<unknown> = Promise.resolve(),
): Promise<{ indexed: number; reused: number; merge_s: number }> {
  // Not buildArchiveIndex: its keyword-in-context pass over every text is for the pages.
  const catalogue = catalogueEntities(job.entries);
  if (job.cache) mkdirSync(job.cache.dir, { recursive: true });
  const documents = selectDocuments(job.entries.documents, job.drafts);
  const translations = job.entries.translations;
  const chinese = planSearchShards(documents, job.shardBudget).map((shard) => planSearchShards(shard, job.partBudget));
  const english = planSearchShards(documents, job.partBudget, (doc) =>
    englishWeight(translations.get(doc.id)?.size ?? 0),
  );
  // Cache keys: of each part, and of each merged shard and the merged English index (their
  // parts' keys), so that a rebuild after one edit indexes one part and merges one shard.
  const cache = job.cache;
  const used = new Set<string>();
  const keyOf = (lang: Lang, part: readonly CheckedEntry[]) => (cache ? shardKey(cache, lang, part) : undefined);
  const mergedKey = (name: string, keys: (string | undefined)[]) =>
    cache && keys.every(Boolean) ? digest([name, ...(keys as string[])]) : undefined;
  const shards = chinese.map((parts, q) => {
    const keys = parts.map((part) => keyOf('zh', part));
    return { q, parts, keys, merged: mergedKey(`zh ${q} of ${chinese.length}`, keys) };
  });
  const englishKeys = english.map((part) => keyOf('en', part));
  const englishMerged = mergedKey('en', englishKeys);
  for (const key of [...shards.flatMap((shard) => [...shard.keys, shard.merged]), ...englishKeys, englishMerged]) {
    if (key) used.add(key);
  }
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

  // Parts of shards (or of an English index) already merged in the cache are not needed.
  const runs = [
    ...shards
      .filter((shard) => !cached(shard.merged))
      .flatMap(({ q, parts, keys }) =>
        parts.map((part, p) => ({
          lang: 'zh' as const,
          part,
          key: keys[p],
          bundle: join(job.site, searchPartFolder(q, p)),
        })),
      ),
    ...(cached(englishMerged)
      ? []
      : english.map((part, p) => ({
          lang: 'en' as const,
          part,
          key: englishKeys[p],
          bundle: join(job.site, englishPartFolder(p)),
        }))),
  ];
  let indexed = 0;
  let reused = documents.length * 2 - runs.reduce((sum, run) => sum + run.part.length, 0);
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
      const records = searchRecords(catalogue, run.lang, run.part, translations);
      const count = await indexRecords(run.bundle, records, api);
      indexed += count; // not `indexed += await …`, which would add to a count read before the wait
      keep(run.bundle, run.key);
    }
    if (number === 0) firstLaneDone();
  };
  const instances = await loadPagefindInstances(Math.max(1, Math.min(job.processes, runs.length)));
  // The citation files are written here too, while Pagefind works in its own process.
  const citations = writeCitationFiles(join(job.site, 'cite'), listCitationFiles(documents, catalogue, job.address));
  await Promise.all([...instances.map((api, number) => lane(api, number)), citations]);

  // The merges run in threads of their own, as many at once as Pagefind runs were allowed.
  const merging = performance.now();
  const merges: (() => Promise<void>)[] = shards.map((shard) => async () => {
    const hit = cached(shard.merged);
    if (hit) return cpSync(hit, join(job.site, shardFolder(shard.q)), { recursive: true });
    const sizes = shard.parts.map((part) => part.length);
    await mergeInThread({ kind: 'zh', site: job.site, shard: shard.q, shards: shards.length, sizes });
    keep(join(job.site, shardFolder(shard.q)), shard.merged);
  });
  merges.push(async () => {
    const hit = cached(englishMerged);
    if (hit) return cpSync(hit, join(job.site, englishPartFolder(0)), { recursive: true });
    await mergeInThread({ kind: 'en', site: job.site, sizes: english.map((part) => part.length) });
    keep(join(job.site, englishPartFolder(0)), englishMerged);
  });
  let nextMerge = 0;
  const mergeLane = async () => {
    while (nextMerge < merges.length) await merges[nextMerge++]!();
  };
  await Promise.all(Array.from({ length: Math.max(1, job.processes) }, mergeLane));
  finishSearchIndex(job.site, shards.length);
  if (cache) {
    // Only what this build used is kept: the cache never grows past one index.
    for (const name of readdirSync(cache.dir)) {
      if (!used.has(name)) rmSync(join(cache.dir, name), { recursive: true, force: true });
    }
  }
  return { indexed, reused, merge_s: (performance.now() - merging) / 1000 };
}

if (parentPort && workerData) {
  const port = parentPort;
  const siteBuilt = new Promise((resolve) => port.once('message', resolve));
  port.postMessage(await indexArchive(workerData as IndexJob, siteBuilt));
}
