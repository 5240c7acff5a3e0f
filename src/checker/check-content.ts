import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { digest as digestParts } from '../lib/digest.ts';
import { createMentionMatcher, findMentions, type AliasEntry, type MentionMatcher } from '../lib/find-mentions.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { listScriptForms } from '../lib/script-convert.ts';
import { SLUG_PATTERN } from '../schema/common.ts';
import type { Directive, Document, Enterprise, Person } from '../schema/index.ts';
import { findMisalignment, outlineBlocks, UNTRANSLATED_MARKER, type BlockOutline } from '../lib/translation-blocks.ts';
import { classifyContentPath, COLLECTIONS, translationSchema, type CollectionName } from './collections.ts';
import { MAX_BYTES, readEntry, type ReadEntry } from './read-entry.ts';
import { formatFieldPath, sortProblems, type Problem } from './problem.ts';
import { didYouMean } from './suggest.ts';
import { positionOf } from './unsafe-html.ts';

/**
 * A file of the content tree: its bytes in memory, or the path to read them from when the
 * checker gets to it (so that a large archive is never held in memory whole).
 */
export interface ContentFile {
  /** Path relative to the content root, with forward slashes: `documents/x.md`. */
  relative: string;
  /** Path as shown to the editor, e.g. `content/documents/x.md`. */
  display: string;
  /** The file's bytes (left empty for a file too big to read); read from `path` when absent. */
  bytes?: Uint8Array;
  /** Where the file is on disk, for files whose bytes are read on demand. */
  path?: string;
  /** The file's size in bytes, when it differs from `bytes.length`. */
  size?: number;
  /** What `stat` said of the file when it was listed (`loadContentFiles`). */
  stat?: FileStat;
  /**
   * `digest([bytes])` (src/lib/digest.ts) of the file, when it is known without reading it
   * (`npm run build` keeps it between builds for files whose `stat` has not changed): then the
   * checker reads the file only if it has no kept result for it.
   */
  digest?: string;
  /**
   * Why the file is not read (`loadContentFiles`: a symbolic link that loops, points nowhere,
   * or leaves the content folder): the checker reports it as an error and goes on.
   */
  refused?: string;
}

/** A file's stat, as much as tells whether it may have changed. */
export interface FileStat {
  /** Size, modification and change times, inode and device, in one string. */
  signature: string;
  /** The later of its modification and change times, in milliseconds. */
  changedMs: number;
}

/** A content file's bytes, read from disk if they are not in memory (and not kept). */
export function contentBytes(file: ContentFile): Uint8Array {
  if (file.bytes) return file.bytes;
  // A refused file (a symbolic link that loops, points nowhere or leaves the tree) is never read.
  if (file.refused !== undefined) return new Uint8Array(0);
  if (file.path === undefined) throw new Error(`${file.display}: no bytes and no path`);
  if (file.size !== undefined && file.size > MAX_BYTES) return new Uint8Array(0);
  return readFileSync(file.path);
}

/** A content file's Markdown body (what follows the frontmatter), read again from its bytes. */
export function readContentBody(file: ContentFile): string {
  const split = splitFrontmatter(new TextDecoder().decode(contentBytes(file)));
  return 'body' in split ? split.body : '';
}

interface Loaded extends ReadEntry {
  file: ContentFile;
  id: string;
}

/** A line and column in a file, where a problem is reported. */
type Place = { line?: number; column?: number };

/** A reference to check once every id is known, or a problem the file has whatever the ids. */
type ReferenceCheck =
  { problem: Problem } | { target: CollectionName; id: string; place: Place & { file: string; field: string } };

/**
 * What checking a document on its own finds: its problems, its metadata, and what the checks
 * across files need of it (references with their places, the raw source's recorded digest),
 * without its text or parsed YAML. It depends only on the file's bytes and path, the entities'
 * names (mentions) and whether it has a translation (blocks), so it can be kept between runs
 * (`CheckCache`).
 */
export interface DocumentFacts {
  /** Problems of the file on its own, before the references are checked. */
  problems: Problem[];
  /** The id the frontmatter declares, and where. */
  declared?: string;
  idPlace: Place;
  data?: Document;
  /** Whether the frontmatter could be parsed at all. */
  parsed: boolean;
  /** The kinds and lines of its top-level blocks, which a translation must repeat (when it has one). */
  blocks: Pick<BlockOutline, 'kind' | 'line'>[];
  /** Characters of the body. */
  characters: number;
  /** Its references, in the order their problems are reported. */
  references: ReferenceCheck[];
  /** The SHA-256 its frontmatter records for its raw source, and where (when the YAML could be read). */
  source?: { recorded: unknown; place: Place; digestPlace: Place };
  /** Mentions in the text of entities its frontmatter does not list. */
  mentions: Problem[];
}

/** What checking a translation on its own finds (see `DocumentFacts`). */
export interface TranslationFacts {
  problems: Problem[];
  /** Whether the frontmatter could be parsed, and whether it passed its schema. */
  parsed: boolean;
  valid: boolean;
  /** Its top-level blocks (kind, line in the body, untranslated marker), when it could be parsed. */
  blocks: BlockOutline[];
  bodyLine: number;
}

/**
 * Per-file results kept between runs of the checker, found by a key over everything a result
 * depends on: the file's bytes, path and size, `salt` (the checker's code) and, for documents,
 * the entities' names and whether a translation exists. A result whose key does not match is
 * never used. The checker reads `previous` and puts every result of this run in `next`.
 */
export interface CheckCache {
  salt: string;
  previous: ReadonlyMap<string, FileFacts>;
  next: Map<string, FileFacts>;
}

/** What checking one document or translation on its own finds: what `CheckCache` keeps. */
export type FileFacts = DocumentFacts | TranslationFacts;

/** How a run of the checker may save work. */
export interface CheckOptions {
  cache?: CheckCache;
  /**
   * Called with the bytes of each collection file as it is read, and their digest
   * (`digest([bytes])`), so that callers need not read or hash it again. A document or
   * translation with a known `digest` and a kept result is not read.
   */
  onRead?: (file: ContentFile, bytes: Uint8Array, digest: string) => void;
}

/** What the checker keeps of a document once it has been checked on its own. */
interface CheckedDocument extends IdClaim {
  facts: DocumentFacts;
}

/** A validated document as the steps after the check receive it: metadata and where its text is. */
export type CheckedEntry = Document & {
  /** The file, to read the body from (`readContentBody`) when it is needed. */
  file: ContentFile;
  /** Characters of the body, for planning work by size without reading it. */
  characters: number;
};

/** The outcome of checking a whole content tree. */
export interface CheckResult {
  problems: Problem[];
  errors: number;
  warnings: number;
  /** How many entries each collection has (translations counted apart). */
  counts: Record<CollectionName | 'translations', number>;
  /** The validated entries, for the steps after the check (entries with errors left out). */
  entries: {
    documents: CheckedEntry[];
    /** Each valid translation's file, by document id. */
    translations: Map<string, ContentFile>;
    enterprises: Enterprise[];
    directives: Directive[];
    people: Person[];
  };
}

/** Which collection each reference field points into. */
const REFERENCES: Record<CollectionName, { field: string; target: CollectionName }[]> = {
  documents: [
    { field: 'enterprises', target: 'enterprises' },
    { field: 'directives', target: 'directives' },
    { field: 'people', target: 'people' },
    { field: 'speaker', target: 'people' },
  ],
  enterprises: [{ field: 'parent', target: 'enterprises' }],
  directives: [
    { field: 'parent', target: 'directives' },
    { field: 'issuer', target: 'enterprises' },
  ],
  people: [{ field: 'roles[].organisation', target: 'enterprises' }],
};

const SINGULAR: Record<CollectionName, string> = {
  documents: 'document',
  enterprises: 'enterprise',
  directives: 'directive',
  people: 'person',
};

/**
 * Checks a whole content tree and reports every problem: each file on its own (encoding, YAML,
 * schema), then across files (ids, references, aliases, translations, mentions). Entities are
 * read first and kept; documents and translations are then read one at a time, checked against
 * them, and reduced to their metadata, so memory grows with the number of files, not their text.
 */
export function checkContent(files: readonly ContentFile[], options: CheckOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const entities: Record<EntityCollectionName, Loaded[]> = { enterprises: [], directives: [], people: [] };
  const read = (file: ContentFile): { bytes: Uint8Array; digest: string } => {
    const bytes = contentBytes(file);
    const digest = digestParts([bytes]);
    options.onRead?.(file, bytes, digest);
    return { bytes, digest };
  };

  const { entityFiles, documentFiles, translationFiles } = sortFiles(files, problems);
  for (const { file, collection, id } of entityFiles) {
    const entry = readLoaded(file, read(file).bytes, id, COLLECTIONS[collection]);
    problems.push(...entry.problems);
    entities[collection].push(entry);
  }

  const ids = { documents: new Set<string>() } as Record<CollectionName, Set<string>>;
  for (const collection of ENTITY_COLLECTIONS) {
    ids[collection] = checkDuplicates(entities[collection].map(describeId), problems);
  }
  for (const collection of ENTITY_COLLECTIONS) {
    for (const entry of entities[collection]) resolveReferences(listReferences(collection, entry), ids, problems);
  }
  checkParentCycles(entities.enterprises, problems);
  checkParentCycles(entities.directives, problems);
  const aliases = checkAliases(entities, problems);
  const matcher = createMentionMatcher(aliases);
  // The raw file a document was imported from: text, a saved page or a Word file (by its id).
  const sources = new Map(
    files
      .filter((file) => /^sources\/[^/]+\.(?:txt|html?|docx)$/.test(file.relative))
      .map((file) => [file.relative.replace(/\.(?:txt|html?|docx)$/, ''), file]),
  );
  // A file's result, kept by a key over what it depends on besides its own bytes and path: a
  // file whose digest is known is read only when there is no kept result for it.
  const cached = <T extends DocumentFacts | TranslationFacts>(
    file: ContentFile,
    context: string,
    check: (bytes: Uint8Array) => T,
  ): T => {
    const { cache } = options;
    let fromDisk = file.digest === undefined || !cache ? read(file) : undefined;
    if (!cache) return check(fromDisk!.bytes);
    const keyOf = (digest: string) => factsKey(cache.salt, file, context, digest);
    let key = keyOf(fromDisk?.digest ?? file.digest!);
    let facts = cache.previous.get(key) as T | undefined;
    if (!facts) {
      // Checked from the bytes as read now, and kept under their own digest.
      fromDisk ??= read(file);
      key = keyOf(fromDisk.digest);
      facts = (cache.previous.get(key) as T | undefined) ?? check(fromDisk.bytes);
    }
    cache.next.set(key, facts);
    return facts;
  };

  const documents: CheckedDocument[] = [];
  // Block kinds cost a Markdown parse: only originals with a translation need them.
  const translated = new Set(translationFiles.map((entry) => entry.id));
  const names = describeNames(aliases);
  for (const { file, id } of documentFiles) {
    const hasTranslation = translated.has(id);
    const facts = cached(file, documentContext(names, hasTranslation), (bytes) =>
      checkDocument(readLoaded(file, bytes, id, COLLECTIONS.documents), matcher, hasTranslation),
    );
    problems.push(...facts.problems);
    resolveReferences(facts.references, ids, problems);
    checkRawSource(file, facts, sources.get(`sources/${id}`), problems);
    problems.push(...facts.mentions);
    documents.push({ file, id, declared: facts.declared, idPlace: facts.idPlace, facts });
  }
  ids.documents = checkDuplicates(documents, problems);

  const translations: { file: ContentFile; id: string }[] = [];
  const originals = new Map(documents.map((doc) => [doc.id, doc.facts]));
  for (const { file, id } of translationFiles) {
    const facts = cached(file, TRANSLATION_CONTEXT, (bytes) =>
      checkTranslationFile(readLoaded(file, bytes, id, translationSchema)),
    );
    problems.push(...facts.problems);
    checkTranslation(file, id, facts, originals.get(id), problems);
    if (facts.valid) translations.push({ file, id });
  }

  const sorted = sortProblems(problems);
  const valid = <T>(list: Loaded[]) => list.filter((entry) => entry.data).map((entry) => entry.data as T);
  return {
    entries: {
      documents: documents.flatMap(({ file, facts }) =>
        facts.data ? [{ ...facts.data, file, characters: facts.characters }] : [],
      ),
      translations: new Map(translations.map((entry) => [entry.id, entry.file])),
      enterprises: valid<Enterprise>(entities.enterprises),
      directives: valid<Directive>(entities.directives),
      people: valid<Person>(entities.people),
    },
    problems: sorted,
    errors: sorted.filter((p) => p.severity === 'error').length,
    warnings: sorted.filter((p) => p.severity === 'warning').length,
    counts: {
      documents: documentFiles.length,
      enterprises: entities.enterprises.length,
      directives: entities.directives.length,
      people: entities.people.length,
      translations: translationFiles.length,
    },
  };
}

/** Checks a document on its own, given the entities' names, and keeps what the checks across files need. */
function checkDocument(entry: Loaded, matcher: MentionMatcher, hasTranslation: boolean): DocumentFacts {
  const mentions: Problem[] = [];
  checkDocumentBody(entry, matcher, mentions);
  const claim = describeId(entry);
  return {
    problems: entry.problems,
    declared: claim.declared,
    idPlace: claim.idPlace,
    data: entry.data as Document | undefined,
    parsed: entry.raw !== undefined,
    blocks:
      entry.raw && hasTranslation
        ? outlineBlocks(entry.body).map(({ kind, line }) => ({ kind, line: line + entry.bodyLine - 1 }))
        : [],
    characters: entry.body.length,
    references: listReferences('documents', entry),
    source: entry.yaml && {
      recorded: (entry.raw?.source as { sha256?: unknown } | undefined)?.sha256,
      place: entry.yaml.locate(['source']),
      digestPlace: entry.yaml.locate(['source', 'sha256']),
    },
    mentions,
  };
}

/** The collection files of a content tree by kind; refused files and stray Markdown are reported in `problems`. */
function sortFiles(
  files: readonly ContentFile[],
  problems: Problem[],
): {
  entityFiles: { file: ContentFile; collection: EntityCollectionName; id: string }[];
  documentFiles: { file: ContentFile; id: string }[];
  translationFiles: { file: ContentFile; id: string }[];
} {
  const sorted: ReturnType<typeof sortFiles> = { entityFiles: [], documentFiles: [], translationFiles: [] };
  for (const file of files) {
    if (file.refused !== undefined) {
      problems.push({ severity: 'error', file: file.display, message: file.refused });
      continue;
    }
    const kind = classifyContentPath(file.relative);
    if (kind.kind === 'other') {
      if (file.relative.endsWith('.md') && file.relative.includes('/')) {
        problems.push({
          severity: 'warning',
          file: file.display,
          message: `not part of any collection (documents, enterprises, directives, people): it is not built`,
        });
      }
      continue;
    }
    if (kind.kind === 'translation') sorted.translationFiles.push({ file, id: kind.id });
    else if (kind.collection === 'documents') sorted.documentFiles.push({ file, id: kind.id });
    else sorted.entityFiles.push({ file, collection: kind.collection, id: kind.id });
  }
  return sorted;
}

/** A digest of every entity's names: a document's mention check depends on them. */
const describeNames = (aliases: readonly AliasEntry[]) =>
  createHash('sha256').update(JSON.stringify(aliases)).digest('hex');
const documentContext = (names: string, hasTranslation: boolean) => `document ${names} ${hasTranslation}`;
const TRANSLATION_CONTEXT = 'translation';

/** The key of a file's kept result (`CheckCache`): the checker's salt, the file, what else the result depends on, and the file's digest. */
function factsKey(salt: string, file: ContentFile, context: string, digest: string): string {
  return digestParts([JSON.stringify([salt, file.relative, file.display, file.size, context]), digest]);
}

/** A document or translation checked on its own, as `checkContent` keeps it: what making its result elsewhere needs. */
export interface FactsJob {
  file: ContentFile;
  id: string;
  /** What the result depends on besides the file (`factsKey`). */
  context: string;
  /** A document: whether it has a translation. Undefined: the file is a translation. */
  hasTranslation?: boolean;
}

/**
 * Every document and translation of `files` as a job whose result `checkContent` would keep,
 * and the entities' names the documents are checked against. The entity files are read for
 * their names only: their own problems are `checkContent`'s to report.
 */
export function listFactsJobs(files: readonly ContentFile[]): { aliases: AliasEntry[]; jobs: FactsJob[] } {
  const sorted = sortFiles(files, []);
  const entities: Record<EntityCollectionName, Loaded[]> = { enterprises: [], directives: [], people: [] };
  for (const { file, collection, id } of sorted.entityFiles) {
    entities[collection].push(readLoaded(file, contentBytes(file), id, COLLECTIONS[collection]));
  }
  const aliases = checkAliases(entities, []);
  const names = describeNames(aliases);
  const translated = new Set(sorted.translationFiles.map((entry) => entry.id));
  return {
    aliases,
    jobs: [
      ...sorted.documentFiles.map(({ file, id }) => ({
        file,
        id,
        context: documentContext(names, translated.has(id)),
        hasTranslation: translated.has(id),
      })),
      ...sorted.translationFiles.map(({ file, id }) => ({ file, id, context: TRANSLATION_CONTEXT })),
    ],
  };
}

/**
 * The result of `job` under the cache's `salt`, keyed as `checkContent` looks it up: made from
 * the file's bytes (read here unless its digest is known and `known` has the key).
 */
export function makeFacts(
  job: FactsJob,
  salt: string,
  matcher: MentionMatcher,
  known: ReadonlySet<string>,
): { key: string; facts?: FileFacts } {
  if (job.file.digest !== undefined) {
    const key = factsKey(salt, job.file, job.context, job.file.digest);
    if (known.has(key)) return { key };
  }
  const bytes = contentBytes(job.file);
  const key = factsKey(salt, job.file, job.context, digestParts([bytes]));
  if (known.has(key)) return { key };
  const facts =
    job.hasTranslation === undefined
      ? checkTranslationFile(readLoaded(job.file, bytes, job.id, translationSchema))
      : checkDocument(readLoaded(job.file, bytes, job.id, COLLECTIONS.documents), matcher, job.hasTranslation);
  return { key, facts };
}

/** Checks a translation on its own and keeps what the alignment check needs. */
function checkTranslationFile(entry: Loaded): TranslationFacts {
  const blocks = entry.raw ? outlineBlocks(entry.body) : [];
  const problems = [...entry.problems];
  if (entry.raw && entry.yaml) checkTranslationScope(entry, blocks, problems);
  return {
    problems,
    parsed: entry.raw !== undefined,
    valid: entry.data !== undefined,
    blocks,
    bodyLine: entry.bodyLine,
  };
}

/**
 * A translation that leaves blocks untranslated says in `scope` which part it translates; a
 * full one has no `scope`; one that translates nothing is no translation.
 */
function checkTranslationScope(entry: Loaded, blocks: readonly BlockOutline[], problems: Problem[]): void {
  const untranslated = blocks.filter((block) => block.untranslated).length;
  const hasScope = entry.raw?.scope !== undefined;
  const file = entry.file.display;
  if (blocks.length > 0 && untranslated === blocks.length) {
    problems.push({
      severity: 'error',
      file,
      line: entry.bodyLine,
      column: 1,
      message: `every block of this translation is ${UNTRANSLATED_MARKER}: translate at least one paragraph, or delete the file`,
    });
  } else if (untranslated > 0 && !hasScope) {
    const first = blocks.find((block) => block.untranslated)!;
    problems.push({
      severity: 'error',
      file,
      line: first.line + entry.bodyLine - 1,
      column: 1,
      message: `this translation leaves ${untranslated} of ${blocks.length} blocks ${UNTRANSLATED_MARKER} (the first here): say which part it translates in the frontmatter, e.g. scope: { zh: 有关国有企业的段落, en: the passages on state-owned enterprises }`,
    });
  } else if (untranslated === 0 && hasScope) {
    problems.push({
      severity: 'error',
      file,
      ...entry.yaml!.locate(['scope'], 'key'),
      field: 'scope',
      message: `scope is for partial translations, but every block here is translated: remove scope (or mark the blocks left out ${UNTRANSLATED_MARKER})`,
    });
  }
}

type EntityCollectionName = Exclude<CollectionName, 'documents'>;
const ENTITY_COLLECTIONS: readonly EntityCollectionName[] = ['enterprises', 'directives', 'people'];

/** Reads and checks one file on its own: encoding, YAML, schema, file name. Its problems are in `problems`. */
function readLoaded(file: ContentFile, bytes: Uint8Array, id: string, schema: z.core.$ZodType): Loaded {
  const read = readEntry(file.display, bytes, schema, file.size);
  const loaded: Loaded = { ...read, problems: [...read.problems], file, id };
  if (!SLUG_PATTERN.test(id)) {
    loaded.problems.push({
      severity: 'error',
      file: file.display,
      message: `file name "${id}" is not a lowercase ASCII slug: rename the file, e.g. to ${slugSuggestion(id)}.md`,
    });
  }
  checkIdMatchesFile(loaded, loaded.problems);
  return loaded;
}

/** What the duplicate check needs of an entry. */
interface IdClaim {
  file: ContentFile;
  id: string;
  declared?: string;
  idPlace: { line?: number; column?: number };
}

function describeId(entry: Loaded): IdClaim {
  return {
    file: entry.file,
    id: entry.id,
    declared: typeof entry.raw?.id === 'string' ? entry.raw.id : undefined,
    idPlace: entry.yaml?.locate(['id']) ?? {},
  };
}

function slugSuggestion(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'my-entry';
}

function checkIdMatchesFile(entry: Loaded, problems: Problem[]): void {
  const declared = entry.raw?.id;
  if (typeof declared !== 'string' || declared === entry.id || !entry.yaml) return;
  const sameButCase = declared.toLowerCase() === entry.id.toLowerCase();
  problems.push({
    severity: 'error',
    file: entry.file.display,
    ...entry.yaml.locate(['id']),
    field: 'id',
    message: sameButCase
      ? `id "${declared}" differs from the file name "${entry.id}" only by case: ids are lowercase, and the id must equal the file name`
      : `id "${declared}" differs from the file name "${entry.id}": the id is the permalink, so rename the file or change the id`,
  });
}

function checkDuplicates(entries: readonly IdClaim[], problems: Problem[]): Set<string> {
  const seen = new Map<string, { entry: IdClaim; id: string }>();
  const ids = new Set<string>();
  for (const entry of entries) {
    const declared = entry.declared ?? entry.id;
    for (const id of new Set([entry.id, declared])) {
      const first = seen.get(id.toLowerCase());
      if (first && first.entry !== entry) {
        problems.push({
          severity: 'error',
          file: entry.file.display,
          ...entry.idPlace,
          field: 'id',
          message:
            first.id === id
              ? `duplicate id "${id}": ${first.entry.file.display} has it too; ids must be unique, or one entry would overwrite the other`
              : `id "${id}" differs only by case from "${first.id}" in ${first.entry.file.display}: one would overwrite the other on many file systems; rename one`,
        });
      } else seen.set(id.toLowerCase(), { entry, id });
      ids.add(id);
    }
  }
  return ids;
}

function referenceValues(data: Record<string, unknown>, field: string): { path: PropertyKey[]; id: string }[] {
  if (field === 'roles[].organisation') {
    const roles = Array.isArray(data.roles) ? data.roles : [];
    return roles.flatMap((role, i) =>
      role && typeof role === 'object' && typeof role.organisation === 'string'
        ? [{ path: ['roles', i, 'organisation'], id: role.organisation }]
        : [],
    );
  }
  const value = data[field];
  if (typeof value === 'string') return [{ path: [field], id: value }];
  if (Array.isArray(value)) {
    return value.flatMap((id, i) => (typeof id === 'string' ? [{ path: [field, i], id }] : []));
  }
  return [];
}

/**
 * An entry's references in the order their problems are reported: each to be looked up once
 * every id is known (`resolveReferences`), or a problem it has whatever the ids (its own
 * parent, an id listed twice).
 */
function listReferences(collection: CollectionName, entry: Loaded): ReferenceCheck[] {
  const data = entry.raw;
  if (!data) return [];
  const checks: ReferenceCheck[] = [];
  for (const { field, target } of REFERENCES[collection]) {
    for (const { path, id } of referenceValues(data, field)) {
      if (!SLUG_PATTERN.test(id)) continue; // the schema already reports a malformed id
      const field = formatFieldPath(path);
      const place = { file: entry.file.display, ...entry.yaml!.locate(path), field };
      if (collection === target && id === entry.id && path[0] === 'parent') {
        checks.push({ problem: { severity: 'error', ...place, message: `"${id}" cannot be its own parent` } });
      } else checks.push({ target, id, place });
    }
    if (Array.isArray(data[field])) {
      const seen = new Set<string>();
      (data[field] as unknown[]).forEach((id, i) => {
        if (typeof id !== 'string') return;
        if (seen.has(id)) {
          checks.push({
            problem: {
              severity: 'error',
              file: entry.file.display,
              ...entry.yaml!.locate([field, i]),
              field: `${field}[${i}]`,
              message: `"${id}" is listed twice: remove the repeat`,
            },
          });
        }
        seen.add(id);
      });
    }
  }
  return checks;
}

/** Reports the references to ids that do not exist, and the problems found on the entry's own. */
function resolveReferences(
  checks: readonly ReferenceCheck[],
  ids: Record<CollectionName, Set<string>>,
  problems: Problem[],
): void {
  for (const check of checks) {
    if ('problem' in check) problems.push(check.problem);
    else if (!ids[check.target].has(check.id)) {
      const { target, id } = check;
      problems.push({
        severity: 'error',
        ...check.place,
        message: `unknown ${SINGULAR[target]} "${id}"${didYouMean(id, ids[target])}${didYouMean(id, ids[target]) ? '' : `: add content/${target}/${id}.md or fix the id`}`,
      });
    }
  }
}

function checkParentCycles(entries: readonly Loaded[], problems: Problem[]): void {
  const parentOf = new Map<string, string>();
  for (const entry of entries) {
    if (typeof entry.raw?.parent === 'string') parentOf.set(entry.id, entry.raw.parent);
  }
  for (const entry of entries) {
    const chain = [entry.id];
    let current = parentOf.get(entry.id);
    while (current && current !== entry.id && !chain.includes(current)) {
      chain.push(current);
      current = parentOf.get(current);
    }
    if (current === entry.id && chain.length > 1) {
      problems.push({
        severity: 'error',
        file: entry.file.display,
        ...entry.yaml!.locate(['parent']),
        field: 'parent',
        message: `parents form a loop: ${[...chain, entry.id].join(' → ')}; one of them must have no parent or another one`,
      });
    }
  }
}

interface AliasOwner extends AliasEntry {
  entry: Loaded;
  path: PropertyKey[];
}

function checkAliases(entries: Record<EntityCollectionName, Loaded[]>, problems: Problem[]): AliasEntry[] {
  const owners = new Map<string, AliasOwner>();
  const list: AliasEntry[] = [];
  for (const collection of ['enterprises', 'directives', 'people'] as const) {
    for (const entry of entries[collection]) {
      const data = entry.raw;
      if (!data) continue;
      const name = (data.name as { zh?: unknown } | undefined)?.zh;
      const aliases = Array.isArray(data.aliases) ? data.aliases : [];
      const named: { alias: unknown; path: PropertyKey[] }[] = [
        { alias: name, path: ['name', 'zh'] },
        ...aliases.map((alias, i) => ({ alias, path: ['aliases', i] })),
      ];
      const own = new Set<string>();
      for (const { alias, path } of named) {
        if (typeof alias !== 'string' || alias.trim() === '') continue;
        const owner: AliasOwner = { alias, collection, id: entry.id, entry, path };
        for (const form of listScriptForms(alias)) {
          const previous = owners.get(form);
          if (previous && previous.entry !== entry) {
            // Either side may be the mistake, so both files are told about the other.
            const describe = (of: AliasOwner, as: string) =>
              `${of.collection}/${of.id}${of.alias === as ? '' : ` (as "${of.alias}")`}`;
            for (const [here, there] of [
              [owner, previous],
              [previous, owner],
            ] as const) {
              problems.push({
                severity: 'error',
                file: here.entry.file.display,
                ...here.entry.yaml!.locate(here.path),
                field: formatFieldPath(here.path),
                message: `"${here.alias}" is also a name of ${describe(there, here.alias)}: a name must point to one entry; drop it here or there`,
              });
            }
            break;
          }
          if (!own.has(form)) owners.set(form, owner);
          own.add(form);
        }
        list.push({ alias, collection, id: entry.id });
      }
    }
  }
  return list;
}

function checkTranslation(
  file: ContentFile,
  id: string,
  translation: TranslationFacts,
  original: DocumentFacts | undefined,
  problems: Problem[],
): void {
  if (!original) {
    problems.push({
      severity: 'error',
      file: file.display,
      message: `translation of a document that does not exist: add content/documents/${id}.md or rename this file`,
    });
    return;
  }
  // An original that could not be read is reported on its own; comparing with it adds noise.
  if (!original.parsed || !translation.parsed) return;
  const source = original.blocks;
  const target = translation.blocks;
  const found = findMisalignment(source, target);
  if (!found) return;
  const at = found.index;
  // A block the translation lacks is reported at its last block.
  const lineInFile = (block: BlockOutline | undefined) =>
    (block ?? target.at(-1) ?? { line: 1 }).line + translation.bodyLine - 1;
  const describe = (block: { kind: string; untranslated?: boolean } | undefined) =>
    !block ? 'nothing' : block.untranslated ? `${block.kind} ${UNTRANSLATED_MARKER}` : block.kind;
  const hint =
    found.original?.kind.startsWith('heading') && found.translation?.untranslated
      ? ` An untranslated heading is a heading of the same level: ${'#'.repeat(Number(found.original.kind.slice(8)))} ${UNTRANSLATED_MARKER}.`
      : '';
  const originalAt = found.original ? ` (${file.display.replace(/\.en\.md$/, '.md')}:${found.original.line})` : '';
  problems.push({
    severity: 'error',
    file: file.display,
    line: lineInFile(found.translation),
    column: 1,
    message: `translation is not aligned with the original: the original has ${source.length} blocks, the translation ${target.length}; they first differ at block ${at + 1}${originalAt}: original ${describe(found.original)}, translation ${describe(found.translation)}. Give each original paragraph and heading exactly one counterpart, translated or ${UNTRANSLATED_MARKER}.${hint}`,
  });
}

/**
 * Where the raw text a document was imported from is kept (`sources/<id>.txt`), its SHA-256
 * must be the one recorded in `source.sha256`: the text has not been swapped or edited since.
 */
function checkRawSource(
  doc: ContentFile,
  facts: DocumentFacts,
  file: ContentFile | undefined,
  problems: Problem[],
): void {
  const source = facts.source;
  if (!file || !source) return;
  const actual = createHash('sha256').update(contentBytes(file)).digest('hex');
  if (source.recorded === undefined) {
    problems.push({
      severity: 'warning',
      file: doc.display,
      ...source.place,
      field: 'source.sha256',
      message: `${file.display} is the raw text of this document: record its SHA-256, "${actual}"`,
    });
  } else if (source.recorded !== actual) {
    problems.push({
      severity: 'error',
      file: doc.display,
      ...source.digestPlace,
      field: 'source.sha256',
      message: `${file.display} has SHA-256 ${actual}, not the recorded ${String(source.recorded)}: the raw text changed since it was imported; restore it, or re-import and review`,
    });
  }
}

function checkDocumentBody(doc: Loaded, matcher: MentionMatcher, problems: Problem[]): void {
  if (doc.body.trim() === '') {
    if (doc.raw) {
      problems.push({
        severity: 'warning',
        file: doc.file.display,
        line: doc.bodyLine,
        message: 'the document has no text: paste the cleaned original below the frontmatter',
      });
    }
    return;
  }
  const data = doc.raw;
  if (!data) return;
  const people = [
    ...(Array.isArray(data.people) ? data.people : []),
    ...(typeof data.speaker === 'string' ? [data.speaker] : []),
  ];
  const listed: Record<string, Set<unknown>> = {
    enterprises: new Set(Array.isArray(data.enterprises) ? data.enterprises : []),
    directives: new Set(Array.isArray(data.directives) ? data.directives : []),
    people: new Set(people),
  };
  const reported = new Set<string>();
  for (const mention of findMentions(doc.body, matcher)) {
    const key = `${mention.collection}/${mention.id}`;
    if (reported.has(key) || listed[mention.collection]!.has(mention.id)) continue;
    reported.add(key);
    const at = positionOf(doc.body, mention.start);
    problems.push({
      severity: 'warning',
      file: doc.file.display,
      line: at.line + doc.bodyLine - 1,
      column: at.column,
      field: mention.collection,
      message: `the text names ${mention.text} (${key}) but "${mention.collection}" does not list "${mention.id}": add it, or ignore if the mention is incidental`,
    });
  }
}
