// The search index, built in a worker thread while the main thread runs Astro: records are
// made here and handed to Pagefind without waiting for Astro's rendering loop to yield.
import { parentPort, workerData } from 'node:worker_threads';
import { LANGUAGES } from '../i18n/index.ts';
import { buildArchiveIndex, type ArchiveIndex } from '../lib/archive-index.ts';
import { buildSearchRecord, type SearchRecord } from '../lib/search-records.ts';
import type { CheckResult } from '../checker/check-content.ts';
import { indexRecords } from './index-search.ts';

/** What the build passes to the worker. */
export interface IndexJob {
  entries: CheckResult['entries'];
  drafts: boolean;
  /** The folder that receives `pagefind/`. */
  site: string;
}

/** Every document's search record in each language, made one at a time as Pagefind asks. */
export function* searchRecords(
  archive: ArchiveIndex,
  translations: ReadonlyMap<string, string>,
): Generator<SearchRecord> {
  for (const lang of LANGUAGES) {
    for (const doc of archive.documents) yield buildSearchRecord(doc, lang, archive, translations.get(doc.id));
  }
}

if (parentPort && workerData) {
  const job = workerData as IndexJob;
  const archive = buildArchiveIndex(job.entries, job.drafts);
  const count = await indexRecords(job.site, searchRecords(archive, job.entries.translations));
  parentPort.postMessage(count);
}
