// The search index, built in a worker thread while the main thread runs Astro: records are
// made here and handed to Pagefind without waiting for Astro's rendering loop to yield.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../i18n/index.ts';
import { catalogueEntities, selectDocuments, type EntityCatalogue } from '../lib/archive-index.ts';
import { listCitationFiles, type SiteAddress } from '../lib/citations/citation-files.ts';
import { buildSearchRecord, searchLanguage, type SearchRecord } from '../lib/search-records.ts';
import { readContentBody, type CheckedEntry, type CheckResult, type ContentFile } from '../checker/check-content.ts';
import {
  planSearchShards,
  SHARD_ANCHOR_DATE,
  SHARD_ANCHOR_WORD,
  shardFolder,
  shardManifest,
} from '../lib/search-shards.ts';
import { indexRecords, loadPagefindInstances, type PagefindApi } from './index-search.ts';
import { mergeLanguageBundle } from './normalise-pagefind.ts';

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
  /** Where the site is published, for the permalinks in citation files. */
  address: SiteAddress;
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
 * translation); `anchored`: they begin with the shard's anchor record (see `shardWeight`),
 * which has one meaningless word and no filter values, so no real search or filter finds it.
 */
export function* searchRecords(
  catalogue: EntityCatalogue,
  lang: Lang,
  documents: readonly CheckedEntry[],
  translations: ReadonlyMap<string, ContentFile>,
  anchored = false,
): Generator<SearchRecord> {
  if (anchored) {
    const sort = { date: SHARD_ANCHOR_DATE };
    yield { url: '/search/', language: searchLanguage(lang), content: SHARD_ANCHOR_WORD, meta: {}, filters: {}, sort };
  }
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
 * Indexes the archive: the Chinese records in shards, the English ones whole, each in its own
 * Pagefind run so that no run holds more than one of them (the English index of 10,000
 * documents alone took about 1.8 GB); once `moreLanes` settles (the build says Astro is done),
 * up to `job.processes` runs at a time, so that both cores work (measured at 10,000 documents:
 * two runs beside Astro slowed it from 178 s to 251 s and gained nothing). The English index
 * then joins the first Chinese shard in `pagefind/`. Writes the manifest the search page merges
 * the shards by; returns the number of records indexed.
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
      records: () => searchRecords(catalogue, 'zh', shard, translations, shards.length > 1),
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
  // The citation files are written here too, while Pagefind works in its own process.
  const citations = writeCitationFiles(join(job.site, 'cite'), listCitationFiles(documents, catalogue, job.address));
  await Promise.all([...instances.map((api, number) => lane(api, number)), citations]);
  mergeLanguageBundle(english, first, searchLanguage('en'));
  const manifest = shardManifest(shards.length, documents.length);
  writeFileSync(join(first, 'shards.json'), `${JSON.stringify(manifest)}\n`);
  return count;
}

if (parentPort && workerData) {
  const port = parentPort;
  const siteBuilt = new Promise((resolve) => port.once('message', resolve));
  port.postMessage(await indexArchive(workerData as IndexJob, siteBuilt));
}
