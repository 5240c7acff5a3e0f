// The search index, built in a worker thread while the main thread runs Astro: records are
// made here and handed to Pagefind without waiting for Astro's rendering loop to yield.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../i18n/index.ts';
import {
  catalogueEntities,
  selectDocuments,
  type EntityCatalogue,
  type IndexedDocument,
} from '../lib/archive-index.ts';
import { buildSearchRecord, searchLanguage, type SearchRecord } from '../lib/search-records.ts';
import type { CheckResult } from '../checker/check-content.ts';
import { planSearchShards, shardFolder } from '../lib/search-shards.ts';
import { indexRecords, loadPagefindInstances, type PagefindApi } from './index-search.ts';
import { mergeLanguageBundle } from './normalise-pagefind.ts';
import { finishSearchIndex } from './merge-search-shards.ts';

/** What the build passes to the worker. */
export interface IndexJob {
  entries: CheckResult['entries'];
  drafts: boolean;
  /** The folder that receives `pagefind/` (and `pagefind-1/`, … when the index is sharded). */
  site: string;
  /** Characters of text per search shard (`readShardBudget`). */
  shardBudget: number;
  /** How many Pagefind processes may index at once. */
  processes: number;
}

/** The search records of some documents in one language, made one at a time as Pagefind asks. */
export function* searchRecords(
  catalogue: EntityCatalogue,
  lang: Lang,
  documents: readonly IndexedDocument[],
  translations: ReadonlyMap<string, string>,
): Generator<SearchRecord> {
  for (const doc of documents) yield buildSearchRecord(doc, lang, catalogue, translations.get(doc.id));
}

/**
 * Indexes the archive: the Chinese records in shards, the English ones whole, each in its own
 * Pagefind run so that no run holds more than one of them (the English index of 10,000
 * documents alone took about 1.8 GB); once `moreLanes` settles (the build says Astro is done),
 * up to `job.processes` runs at a time, so that both cores work (measured at 10,000 documents:
 * two runs beside Astro slowed it from 178 s to 251 s and gained nothing). The English index
 * then joins the first Chinese shard in `pagefind/`, and the Chinese shards are merged into it
 * (`finishSearchIndex`).
 * Returns the number of records indexed.
 */
export async function indexArchive(job: IndexJob, moreLanes: Promise<unknown> = Promise.resolve()): Promise<number> {
  // Not buildArchiveIndex: its keyword-in-context pass over every text is for the pages.
  const catalogue = catalogueEntities(job.entries);
  const documents = selectDocuments(job.entries.documents, job.drafts);
  const shards = planSearchShards(documents, job.shardBudget);
  const translations = job.entries.translations;
  const first = join(job.site, shardFolder(0));
  const english = join(job.site, 'pagefind-en');
  const runs: { bundle: string; records: () => Iterable<SearchRecord> }[] = [
    { bundle: english, records: () => searchRecords(catalogue, 'en', documents, translations) },
    ...shards.map((shard, index) => ({
      bundle: join(job.site, shardFolder(index)),
      records: () => searchRecords(catalogue, 'zh', shard, translations),
    })),
  ];
  let count = 0;
  let next = 0;
  let firstLaneDone = () => {};
  const firstLaneFinished = new Promise<void>((resolve) => (firstLaneDone = resolve));
  const lane = async (api: PagefindApi, number: number) => {
    // Further lanes wait for the site; if the first lane has done everything by then, they end.
    if (number > 0) await Promise.race([moreLanes, firstLaneFinished]);
    while (next < runs.length) {
      const run = runs[next++]!;
      const indexed = await indexRecords(run.bundle, run.records(), api);
      count += indexed; // not `count += await …`, which would add to a count read before the wait
    }
    if (number === 0) firstLaneDone();
  };
  const instances = await loadPagefindInstances(Math.min(job.processes, runs.length));
  await Promise.all(instances.map((api, number) => lane(api, number)));
  mergeLanguageBundle(english, first, searchLanguage('en'));
  finishSearchIndex(
    job.site,
    shards.map((shard) => shard.length),
  );
  return count;
}

if (parentPort && workerData) {
  const port = parentPort;
  const siteBuilt = new Promise((resolve) => port.once('message', resolve));
  port.postMessage(await indexArchive(workerData as IndexJob, siteBuilt));
}
