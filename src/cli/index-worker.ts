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
import { englishPartFolder, englishWeight, planSearchShards, searchPartFolder } from '../lib/search-shards.ts';
import { digest } from '../lib/build-plan.ts';
import { indexRecords, loadPagefindInstances, type PagefindApi } from './index-search.ts';
import { finishSearchIndex } from './merge-search-shards.ts';

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
 * slowed it from 178 s to 251 s and gained nothing). Parts found in `job.cache` are copied, not
 * indexed. The parts are then merged (`finishSearchIndex`). Writes the citation files on the
 * way. Returns how many records were indexed and how many were reused.
 */
export async function indexArchive(
  job: IndexJob,
  moreLanes: Promise<unknown> = Promise.resolve(),
): Promise<{ indexed: number; reused: number }> {
  // Not buildArchiveIndex: its keyword-in-context pass over every text is for the pages.
  const catalogue = catalogueEntities(job.entries);
  if (job.cache) mkdirSync(job.cache.dir, { recursive: true });
  const documents = selectDocuments(job.entries.documents, job.drafts);
  const translations = job.entries.translations;
  const chinese = planSearchShards(documents, job.shardBudget).map((shard) => planSearchShards(shard, job.partBudget));
  const english = planSearchShards(documents, job.partBudget, (doc) =>
    englishWeight(translations.get(doc.id)?.size ?? 0),
  );
  const runs = [
    ...chinese.flatMap((parts, q) =>
      parts.map((shard, p) => ({ lang: 'zh' as const, shard, bundle: join(job.site, searchPartFolder(q, p)) })),
    ),
    ...english.map((shard, p) => ({ lang: 'en' as const, shard, bundle: join(job.site, englishPartFolder(p)) })),
  ];
  let indexed = 0;
  let reused = 0;
  const used = new Set<string>();
  let next = 0;
  let firstLaneDone = () => {};
  const firstLaneFinished = new Promise<void>((resolve) => (firstLaneDone = resolve));
  const lane = async (api: PagefindApi, number: number) => {
    // Further lanes wait for the site; if the first lane has done everything by then, they end.
    if (number > 0) await Promise.race([moreLanes, firstLaneFinished]);
    while (next < runs.length) {
      const run = runs[next++]!;
      const key = job.cache && shardKey(job.cache, run.lang, run.shard);
      const cached = key && join(job.cache!.dir, key);
      if (key) used.add(key);
      if (cached && existsSync(join(cached, 'pagefind-entry.json'))) {
        cpSync(cached, run.bundle, { recursive: true });
        reused += run.shard.length;
        continue;
      }
      const records = searchRecords(catalogue, run.lang, run.shard, translations);
      const count = await indexRecords(run.bundle, records, api);
      indexed += count; // not `indexed += await …`, which would add to a count read before the wait
      if (cached) {
        // Copied whole under a temporary name first: a cache entry is complete or absent.
        rmSync(`${cached}.partial`, { recursive: true, force: true });
        cpSync(run.bundle, `${cached}.partial`, { recursive: true });
        renameSync(`${cached}.partial`, cached);
      }
    }
    if (number === 0) firstLaneDone();
  };
  const instances = await loadPagefindInstances(Math.min(job.processes, runs.length));
  // The citation files are written here too, while Pagefind works in its own process.
  const citations = writeCitationFiles(join(job.site, 'cite'), listCitationFiles(documents, catalogue, job.address));
  await Promise.all([...instances.map((api, number) => lane(api, number)), citations]);
  if (job.cache) {
    // Only this build's shards are kept: the cache never grows past one index.
    for (const name of readdirSync(job.cache.dir)) {
      if (!used.has(name)) rmSync(join(job.cache.dir, name), { recursive: true, force: true });
    }
  }
  finishSearchIndex(
    job.site,
    chinese.map((parts) => parts.map((part) => part.length)),
    english.map((part) => part.length),
  );
  return { indexed, reused };
}

if (parentPort && workerData) {
  const port = parentPort;
  const siteBuilt = new Promise((resolve) => port.once('message', resolve));
  port.postMessage(await indexArchive(workerData as IndexJob, siteBuilt));
}
