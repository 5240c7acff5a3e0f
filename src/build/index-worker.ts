// The search indexes and the citation files, made in a worker thread while the main thread runs
// Astro, from the checked entries (the HTML is not parsed).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { useTranslations, type Lang } from '../i18n/index.ts';
import { catalogueEntities, listAliases, selectDocuments } from '../lib/archive-index.ts';
import { createMentionMatcher } from '../lib/find-mentions.ts';
import { buildReadingView } from '../lib/reading-view.ts';
import {
  claimDocument,
  claimView,
  pruneStoredViews,
  READING_VIEWS,
  storedViewPath,
  writeStoredView,
  type ReadingViewStore,
} from './reading-views.ts';
import { documentCitationInput, listCitationFiles, type SiteAddress } from '../lib/citations/citation-files.ts';
import { readContentBody, type CheckedEntry, type CheckResult } from '../checker/check-content.ts';
import { digest } from '../lib/digest.ts';
import { CACHE_OWNER } from './store.ts';
import {
  FORMATTED_CITATIONS,
  storedCitationsFile,
  writeStoredCitations,
  type CitationStore,
} from './citation-store.ts';
import { readCitationStyleFiles } from './citation-style-files.ts';
import { createCitationFormatter } from '../lib/citations/citation-styles.ts';
import { formatCslJson } from '../lib/citations/format-csl-json.ts';
import type { EntityCatalogue } from '../lib/archive-index.ts';
import { buildChineseEntry, buildEnglishEntry } from '../lib/search-index/entry.ts';
import { indexLanguage, type IndexResult as LanguageResult } from './write-search-index.ts';
import { writeTrendsIndex } from './write-trends-index.ts';

/** What the build passes to the worker. */
export interface IndexJob {
  entries: CheckResult['entries'];
  drafts: boolean;
  /** The folder that receives `search-zh/`, `search-en/` and `cite/`. */
  site: string;
  /** Characters of text per part of an index (`readPartBudget`). */
  partBudget: number;
  /** Where the site is published, for the permalinks in citation files. */
  address: SiteAddress;
  /** Whether to write the citation files (not when only texts changed: they depend on frontmatter). */
  citations: boolean;
  /** Where index parts are kept between builds, and what they depend on (`SearchCache`). */
  cache?: SearchCache;
  /** Where to leave the documents' reading views for Astro's pages, made before anything else. */
  views?: ReadingViewStore;
  /** Where to leave formatted citations for Astro's pages, made when the indexes are done. */
  formattedCitations?: CitationStore;
}

/**
 * Index parts kept between builds: a part whose documents' entries cannot have changed is used
 * again instead of being written again. Its key digests `salt` (the code, settings and
 * entities, which entries also depend on), the language, the number of buckets and, for each of
 * its documents, the id and the digest of what that language's entry is made from.
 */
export interface SearchCache {
  dir: string;
  salt: string;
  documents: Record<string, { zh: string; en: string }>;
}

/** The cache key of a part of one language's index. */
export function partKey(cache: SearchCache, lang: Lang, documents: readonly { id: string }[], buckets: number): string {
  return digest([
    cache.salt,
    lang,
    String(buckets),
    ...documents.flatMap((doc) => [doc.id, cache.documents[doc.id]?.[lang] ?? '?']),
  ]);
}

/**
 * Writes the citation files (`cite/…`, see `listCitationFiles`) into `folder`, yielding to the
 * event loop between batches so that the indexes, written in this thread too, go on meanwhile.
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
 * Makes the reading views that `views` does not hold yet, from the last of the documents given
 * (in Astro's order of the document pages) backwards, until it meets one a page has claimed
 * (src/build/reading-views.ts): the pages, going forwards, make the rest. Removes the views
 * no document uses any more.
 */
export async function writeReadingViews(
  views: ReadingViewStore,
  documents: readonly CheckedEntry[],
  entries: CheckResult['entries'],
): Promise<number> {
  pruneStoredViews(views);
  const matcher = createMentionMatcher(listAliases(entries));
  let made = 0;
  for (const doc of [...documents].reverse()) {
    const path = storedViewPath(views, doc.id);
    if (!path || existsSync(path)) continue;
    if (!claimView(views, doc.id, 'worker')) break;
    const translation = entries.translations.get(doc.id);
    const view = buildReadingView(
      readContentBody(doc.file),
      doc.script,
      matcher,
      translation && readContentBody(translation),
    );
    writeStoredView(path, view);
    made += 1;
    if (made % 50 === 0) await setImmediate();
  }
  return made;
}

/**
 * Formats the citations of documents whose pages Astro has not reached yet and leaves them in
 * `store` (src/build/citation-store.ts), from the last of the documents given (in Astro's order
 * of the document pages) backwards, until it meets one a page has claimed. Run when the worker
 * has nothing else to do: Astro's thread, which formats the rest, is then the longer one.
 */
export async function formatCitationsAhead(
  store: CitationStore,
  documents: readonly CheckedEntry[],
  catalogue: EntityCatalogue,
  address: SiteAddress,
): Promise<number> {
  let format: ReturnType<typeof createCitationFormatter> | undefined;
  let made = 0;
  for (const doc of [...documents].reverse()) {
    // The pages claim every document they reach: where they have been, this stops at once.
    if (!claimDocument(store.claims, doc.id, 'worker')) break;
    const item = formatCslJson(documentCitationInput(doc, catalogue, address));
    const { path } = storedCitationsFile(store, JSON.stringify(item));
    if (existsSync(path)) continue;
    // citeproc is loaded only when there is something to format (seconds, for Chicago).
    format ??= createCitationFormatter(readCitationStyleFiles());
    writeStoredCitations(path, format(item));
    made += 1;
    if (made % 50 === 0) await setImmediate();
  }
  return made;
}

/**
 * What the index worker did, per language; how many documents' citations it formatted; and the
 * CPU seconds of its thread (on a shared machine a fairer measure of its share than wall time).
 */
export type IndexResult = Record<Lang, Omit<LanguageResult, 'keys'>> & { citationsAhead: number; cpuSeconds: number };

/**
 * Writes both search indexes (src/build/write-search-index.ts) and the citation files. Chinese:
 * every text of a document in simplified, its body paragraph by paragraph. English: English
 * titles, summaries, names and translations, not the Chinese a second time. Parts found in
 * `job.cache` are used again; the cache keeps only what this build used.
 */
export async function indexArchive(job: IndexJob): Promise<IndexResult> {
  const cpuStarted = process.threadCpuUsage();
  // Not buildArchiveIndex: its keyword-in-context pass over every text is for the pages.
  const catalogue = catalogueEntities(job.entries);
  const cache = job.cache;
  if (cache) mkdirSync(cache.dir, { recursive: true });
  const documents = selectDocuments(job.entries.documents, job.drafts);
  const translations = job.entries.translations;
  const index = (
    lang: Lang,
    makeEntry: Parameters<typeof indexLanguage>[0]['makeEntry'],
    weight: (doc: CheckedEntry) => number,
  ) =>
    indexLanguage({
      lang,
      documents,
      catalogue,
      makeEntry,
      weight,
      site: job.site,
      partBudget: job.partBudget,
      cache: cache && { dir: cache.dir, key: (part, buckets) => partKey(cache, lang, part, buckets) },
    });
  if (job.views) await writeReadingViews(job.views, documents, job.entries);
  // Citation files come from frontmatter only: a build after text edits keeps the last ones.
  const citations = job.citations
    ? writeCitationFiles(join(job.site, 'cite'), listCitationFiles(documents, catalogue, job.address))
    : Promise.resolve(0);
  // The words for types in each language's fragments, from the UI dictionary.
  const labels = { zh: useTranslations('zh'), en: useTranslations('en') };
  const zh = await index(
    'zh',
    (doc, sink) => buildChineseEntry(doc, readContentBody(doc.file), catalogue, sink, labels.zh),
    (doc) => doc.characters,
  );
  const en = await index(
    'en',
    (doc, sink) => {
      const translation = translations.get(doc.id);
      return buildEnglishEntry(doc, translation && readContentBody(translation), catalogue, sink, labels.en);
    },
    // About 1,000 characters of titles, summary and names, and the translation.
    (doc) => {
      const translation = translations.get(doc.id);
      return 1_000 + (translation?.size ?? translation?.bytes?.length ?? 0);
    },
  );
  // The trends indexes (trends-zh/, trends-en/), in parts kept in the cache as the search index's.
  const trendsStarted = performance.now();
  const trendsCpu = process.threadCpuUsage();
  const trends = [];
  for (const lang of ['zh', 'en'] as const) {
    trends.push(
      await writeTrendsIndex({
        site: job.site,
        lang,
        documents,
        translations,
        catalogue,
        partBudget: job.partBudget,
        cache: cache && {
          dir: cache.dir,
          salt: cache.salt,
          key: (part, buckets) => `trends-${partKey(cache, lang, part, buckets)}`,
        },
      }),
    );
  }
  const { user, system } = process.threadCpuUsage(trendsCpu);
  console.log(
    `trends indexes in ${((performance.now() - trendsStarted) / 1000).toFixed(1)} s ` +
      `(${((user + system) / 1e6).toFixed(1)} CPU-s in the worker's thread, gzip aside): ` +
      trends
        .map(
          (own) =>
            `${own.units} units, ${own.buckets} + ${own.positionBuckets} buckets, ${(own.bytes / 1e6).toFixed(1)} MB` +
            ` (${own.tokenised} of ${own.documents} documents tokenised in ${own.parts} parts,` +
            ` ${own.joined} files joined, ${own.zipped} gzipped)`,
        )
        .join('; '),
  );
  const citationsAhead = job.formattedCitations
    ? await formatCitationsAhead(job.formattedCitations, documents, catalogue, job.address)
    : 0;
  await citations;
  if (cache) {
    // Only what this build used is kept: the cache never grows past one index per language.
    const used = new Set([
      ...zh.keys,
      ...en.keys,
      ...trends.flatMap((own) => own.keys),
      READING_VIEWS,
      FORMATTED_CITATIONS,
      CACHE_OWNER,
    ]);
    for (const name of readdirSync(cache.dir)) {
      if (!used.has(name)) rmSync(join(cache.dir, name), { recursive: true, force: true });
    }
  }
  const { keys: _zh, ...zhResult } = zh;
  const { keys: _en, ...enResult } = en;
  const cpu = process.threadCpuUsage(cpuStarted);
  return { zh: zhResult, en: enResult, citationsAhead, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

if (parentPort && workerData) {
  parentPort.postMessage(await indexArchive(workerData as IndexJob));
}
