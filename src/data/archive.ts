import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import {
  buildArchiveIndex,
  listAliases,
  listEntitiesCiting,
  type ArchiveIndex,
  type DocumentSource,
  type EntityCollection,
  type IndexedDocument,
  type TextFacts,
} from '../lib/archive-index.ts';
import { digest } from '../lib/digest.ts';
import { isDated, type Document } from '../schema/document.ts';
import { checkedFileDigest, offeredBuild } from '../build/handoff.ts';
import { readResultCache, writeResultCache } from '../build/store.ts';
import { keepResult } from '../build/kept-results.ts';
import { choosePagesByDigest } from '../build/plan.ts';
import { digestUsagePages } from '../lib/usage-digest.ts';
import { formatTextRecord } from '../lib/texts-export.ts';
import { buildReadingView, type ReadingView } from '../lib/reading-view.ts';
import { measureCoverage, type TranslationCoverage } from '../lib/translation-blocks.ts';
import { claimView, readStoredView, storedViewPath, writeStoredView } from '../build/reading-views.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { GIT_LOG_ARGS, parseGitLog, type FileHistory } from '../lib/git-history.ts';
import type { CitationInput } from '../lib/citations/citation-input.ts';
import { documentCitationInput } from '../lib/citations/citation-files.ts';
import { pagePath, withBase } from '../lib/urls.ts';
import { pick } from '../lib/bilingual.ts';
import { renderDocumentFeed } from '../lib/document-feed.ts';
import { useTranslations, type Lang } from '../i18n/index.ts';
import { documentRow, formatDocumentCsv } from '../lib/data-export.ts';

let cached: Promise<ArchiveIndex> | undefined;

function forgetCaches(): void {
  cached = undefined;
  translations = undefined;
  rows = undefined;
  views.clear();
  coverages.clear();
}

/** The whole archive and its link graph, built once per build. Drafts only with ARCHIVE_DRAFTS=1. */
export function loadArchive(): Promise<ArchiveIndex> {
  // `npm run dev` serves edits as they happen: there, nothing is cached between requests.
  if (import.meta.env.DEV) forgetCaches();
  cached ??= (async () => {
    const [documents, enterprises, directives, people] = await Promise.all([
      loadDocuments(),
      getCollection('enterprises'),
      getCollection('directives'),
      getCollection('people'),
    ]);
    const input = {
      documents,
      enterprises: enterprises.map((entry) => entry.data),
      directives: directives.map((entry) => entry.data),
      people: people.map((entry) => entry.data),
    };
    const texts = openTextCache(input);
    const index = buildArchiveIndex(input, {
      includeDrafts: process.env.ARCHIVE_DRAFTS === '1',
      readBody,
      keepText: texts?.keep,
    });
    texts?.save();
    return index;
  })();
  return cached;
}

/**
 * Every document's frontmatter and file (relative to the working directory): in `npm run build`
 * as the checker validated it (src/build/handoff.ts), elsewhere from the collection.
 */
async function loadDocuments(): Promise<DocumentSource[]> {
  const offered = offeredBuild()?.documents;
  if (offered) return offered.map(({ data, path }) => ({ ...data, file: relative(process.cwd(), resolve(path)) }));
  // A draft the importer could not date waits for an editor's date before any page shows it.
  return (await getCollection('documents'))
    .map((entry) => ({ ...entry.data, file: entry.filePath! }))
    .filter((doc): doc is Document & { file: string } => isDated(doc));
}

/**
 * What the archive index read from texts in the last build (`TextFacts`), when the build keeps
 * it (src/build/handoff.ts: the file, and the build key it is valid for). Each text's facts are found by a key over its file's path and bytes,
 * every entity's names and the entities it lists: an unchanged text is neither decoded nor
 * searched for mentions, nor, in `npm run build`, read (the checker's digest stands for its bytes).
 */
function openTextCache(input: Parameters<typeof listAliases>[0]) {
  const texts = offeredBuild()?.texts;
  if (!texts || import.meta.env.DEV) return undefined;
  const { path, key: salt } = texts;
  const kept = readResultCache<TextFacts>(path, salt);
  const next = new Map<string, TextFacts>();
  const names = digest([JSON.stringify(listAliases(input))]);
  return {
    keep(source: DocumentSource, listed: readonly string[], read: () => TextFacts): TextFacts {
      const key = digest([names, source.file, fileDigest(source.file), ...listed]);
      const facts = kept.get(key) ?? read();
      next.set(key, facts);
      return facts;
    },
    save: () => writeResultCache(path, salt, next),
  };
}

/**
 * `digest([bytes])` of a content file (path relative to the working directory): in `npm run
 * build` the checker's digest, so that no file is read here.
 */
function fileDigest(file: string): string {
  return checkedFileDigest(file) ?? digest([readFileSync(resolve(file))]);
}

/**
 * The Markdown body of a content file (path as the loader stores it, relative to the working
 * directory). The store keeps no bodies, so each is read when a page needs it; the loader
 * validated the file, so it splits.
 */
export function readBody(file: string): string {
  const split = splitFrontmatter(readFileSync(resolve(file), 'utf8'));
  if (!('body' in split)) throw new Error(`${file}: frontmatter not found; run npm run check`);
  return split.body;
}

/**
 * In an incremental build, the documents whose text or Git dates changed (src/build/handoff.ts);
 * undefined in a full build. The other pages stay as the previous build wrote them.
 */
function readChangedDocuments(): ReadonlySet<string> | undefined {
  return offeredBuild()?.changed;
}

/** The documents whose pages this build renders: all of them, or only those that changed. */
export function selectDocumentPages(documents: IndexedDocument[]): IndexedDocument[] {
  const changed = readChangedDocuments();
  return changed ? documents.filter((doc) => changed.has(doc.id)) : documents;
}

/**
 * The entities whose pages and feeds this build renders: all of them, or in an incremental
 * build those whose citations hold a changed document (their pages quote its text, their feeds
 * carry its Git dates).
 */
export async function selectEntityPages<T extends { id: string }>(
  collection: EntityCollection,
  entities: Iterable<T>,
): Promise<T[]> {
  const changed = readChangedDocuments();
  if (!changed) return [...entities];
  const citing = listEntitiesCiting(await loadArchive(), changed);
  return [...entities].filter((entity) => citing.has(`${collection}/${entity.id}`));
}

/**
 * The entities whose usage pages this build renders (pages that show, besides metadata, the
 * documents that list or name the entity and every year's characters: a directive's). In a full
 * build, all of them; in an incremental one, those whose digest of what they show
 * (`digestUsagePages`) is not the one the last build recorded. Every entity's digest goes into
 * this build's record.
 */
export async function selectUsagePages<T extends { id: string }>(
  collection: EntityCollection,
  entities: Iterable<T>,
): Promise<T[]> {
  const all = [...entities];
  // Only `npm run build` offers what the digests need (astro dev and astro check offer nothing).
  const build = offeredBuild();
  if (!build) return all;
  const keys = all.map((entity) => `${collection}/${entity.id}` as const);
  const digests = digestUsagePages(await loadArchive(), keys, build.fingerprints);
  for (const [key, value] of digests) if (value !== undefined) build.pages.next[key] = value;
  const chosen = choosePagesByDigest(digests, build.changed ? build.pages.previous : undefined);
  return all.filter((_, i) => chosen.has(keys[i]!));
}

/**
 * The paths of a route whose pages show metadata only (frontmatter and entities; never a
 * document's text, what is counted or quoted from it, or its Git dates): all of them, or none
 * in an incremental build, which runs only when no metadata changed, so the pages the last
 * build wrote are still right.
 */
export function selectMetadataPages<T>(paths: T[]): T[] {
  return readChangedDocuments() ? [] : paths;
}

/** An English translation's metadata, and where its text is. */
export interface TranslationEntry {
  translator: string;
  note?: string;
  /** What a partial translation translates (absent in a full one). */
  scope?: { zh: string; en: string };
  file: string;
}

let translations: Promise<Map<string, TranslationEntry>> | undefined;

/** English translations by document id, loaded once per build. */
export function loadTranslations(): Promise<Map<string, TranslationEntry>> {
  translations ??= getCollection('translations').then(
    (entries) => new Map(entries.map((entry) => [entry.id, { ...entry.data, file: entry.filePath! }])),
  );
  return translations;
}

/** How many reading views to keep: both language pages of a document are rendered in a row. */
const VIEW_CACHE_SIZE = 16;
const views = new Map<string, Promise<ReadingView>>();

/**
 * A document's rendered text, its other-script conversion and its translation, row by row.
 * Both language pages show the same rendering (entity links are relative), so it is built
 * once per document and build. Only the last few are kept: holding every document's HTML
 * until the end of the build is what made large builds run out of memory.
 */
export function loadReadingView(doc: IndexedDocument): Promise<ReadingView> {
  let view = views.get(doc.id);
  if (!view) {
    // In `npm run build` the worker thread may have made it already (src/build/reading-views.ts).
    const store = offeredBuild()?.views;
    const path = store && storedViewPath(store, doc.id);
    const stored = path && readStoredView(path);
    if (stored) store.read = (store.read ?? 0) + 1;
    // Not made yet: this page makes it, and the worker, coming the other way, stops here. The
    // page keeps what it made for the next build, as the worker would have.
    const keep = !stored && store && path && claimView(store, doc.id, 'page') ? path : undefined;
    if (!stored && store) store.made = (store.made ?? 0) + 1;
    view = stored
      ? Promise.resolve(stored)
      : Promise.all([loadArchive(), loadTranslations()]).then(([archive, translations]) => {
          const translation = translations.get(doc.id);
          const made = buildReadingView(
            readBody(doc.file),
            doc.script,
            archive.matcher,
            translation && readBody(translation.file),
          );
          try {
            if (keep) writeStoredView(keep, made);
          } catch (error) {
            // The next build makes it again; this one has it.
            console.warn(`could not keep the reading view of ${doc.id}: ${(error as Error).message}`);
          }
          return made;
        });
    views.set(doc.id, view);
    if (views.size > VIEW_CACHE_SIZE) views.delete(views.keys().next().value!);
  }
  return view;
}

let gitHistory: Map<string, FileHistory> | undefined;

/**
 * When each content file was added and last changed, from one `git log` over the content
 * directory (paths relative to it). Outside a Git checkout, or if git fails, the map is empty
 * and pages leave the dates out.
 */
export function loadGitHistory(): Map<string, FileHistory> {
  if (!gitHistory) {
    const result = spawnSync('git', ['-C', resolveContentDir(), ...GIT_LOG_ARGS], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    gitHistory = result.status === 0 ? parseGitLog(result.stdout) : new Map();
  }
  return gitHistory;
}

/** The public address of a path inside the site, base path included. */
export function siteUrl(site: URL, path: string): string {
  return new URL(withBase(import.meta.env.BASE_URL, path), site).href;
}

let rows: { site: string; rows: Promise<ReturnType<typeof documentRow>[]> } | undefined;

/** One row per document for the data downloads, with both permalinks; made once per build (three downloads use them). */
export function loadDocumentRows(site: URL): Promise<ReturnType<typeof documentRow>[]> {
  // Outside `npm run build` (astro dev serves edits as they happen) they are made each time.
  if (rows?.site !== site.href || !offeredBuild()) {
    rows = {
      site: site.href,
      rows: Promise.all([loadArchive(), loadTranslations()]).then(([archive, translations]) =>
        archive.documents.map((doc) =>
          documentRow(doc, {
            urlZh: siteUrl(site, pagePath('zh', 'documents', doc.id)),
            urlEn: siteUrl(site, pagePath('en', 'documents', doc.id)),
            translation: loadTranslationCoverage(doc.id, translations),
          }),
        ),
      ),
    };
  }
  return rows.rows;
}

let documentCsv: { rows: Promise<ReturnType<typeof documentRow>[]>; csv: Promise<string> } | undefined;

/**
 * `/data/documents.csv` (without a byte-order mark), made once from the rows: the Excel download
 * is the same bytes after one, and at 10,000 documents each formatting took a second.
 */
export function loadDocumentCsv(site: URL): Promise<string> {
  const made = loadDocumentRows(site);
  if (documentCsv?.rows !== made) documentCsv = { rows: made, csv: made.then(formatDocumentCsv) };
  return documentCsv.csv;
}

const coverages = new Map<string, TranslationCoverage>();

/**
 * How much of a document its translation covers (undefined without one): counted once per
 * build, and in `npm run build` kept for the next build by the translation file's digest.
 */
export function loadTranslationCoverage(
  id: string,
  translations: Map<string, TranslationEntry>,
): TranslationCoverage | undefined {
  const translation = translations.get(id);
  if (!translation) return undefined;
  let coverage = coverages.get(id);
  if (!coverage) {
    coverage = keepResult(offeredBuild()?.results, 'translation coverage', [fileDigest(translation.file)], () =>
      measureCoverage(readBody(translation.file)),
    );
    coverages.set(id, coverage);
  }
  return coverage;
}

/**
 * A document's line of `/data/texts.jsonl` (src/lib/texts-export.ts), newline included, as
 * bytes: in `npm run build` kept for the next build, by the record's metadata and the digests
 * of the document's and its translation's files, so that a rebuild parses only changed texts.
 */
export function loadTextRecord(doc: IndexedDocument, translation: TranslationEntry | undefined): Uint8Array {
  const { file, mentions: _mentions, ...record } = doc;
  return keepResult(
    offeredBuild()?.results,
    'texts.jsonl line',
    [JSON.stringify(record), fileDigest(file), translation ? fileDigest(translation.file) : ''],
    () =>
      new TextEncoder().encode(
        `${formatTextRecord(record, readBody(file), translation && readBody(translation.file))}\n`,
      ),
  );
}

/** The facts a citation of a document needs, with the archive's permalinks for it. */
export async function loadCitationInput(doc: IndexedDocument, site: URL): Promise<CitationInput> {
  return documentCitationInput(doc, await loadArchive(), { site: site.href, base: import.meta.env.BASE_URL });
}

/**
 * An Atom feed response in one language: of the whole archive (`entity` undefined) or of the
 * documents citing one enterprise or directive.
 */
export async function renderFeed(
  lang: Lang,
  site: URL,
  entity?: { kind: 'enterprises' | 'directives'; id: string },
): Promise<Response> {
  const archive = await loadArchive();
  const page = entity ? `${lang}/${entity.kind}/${entity.id}/` : `${lang}/`;
  const body = renderDocumentFeed({
    lang,
    documents: entity
      ? (archive.citations.get(`${entity.kind}/${entity.id}`) ?? []).map((citation) => citation.document)
      : archive.documents,
    history: loadGitHistory(),
    root: siteUrl(site, '/'),
    self: `${page}feed.xml`,
    alternate: page,
    title: entity ? pick(archive[entity.kind].get(entity.id)!.name, lang) : useTranslations(lang)('home.newest'),
    t: useTranslations(lang),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
