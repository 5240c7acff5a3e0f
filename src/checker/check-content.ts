import { createHash } from 'node:crypto';
import { createMentionMatcher, findMentions, type AliasEntry } from '../lib/find-mentions.ts';
import { listScriptForms } from '../lib/script-convert.ts';
import { SLUG_PATTERN } from '../schema/common.ts';
import type { Directive, Document, Enterprise, Person } from '../schema/index.ts';
import { listBlockKinds } from './blocks.ts';
import { classifyContentPath, COLLECTIONS, translationSchema, type CollectionName } from './collections.ts';
import { readEntry, type ReadEntry } from './read-entry.ts';
import { formatFieldPath, sortProblems, type Problem } from './problem.ts';
import { didYouMean } from './suggest.ts';
import { positionOf } from './unsafe-html.ts';

/** A file of the content tree, as bytes. */
export interface ContentFile {
  /** Path relative to the content root, with forward slashes: `documents/x.md`. */
  relative: string;
  /** Path as shown to the editor, e.g. `content/documents/x.md`. */
  display: string;
  /** The file's bytes (left empty for a file too big to read). */
  bytes: Uint8Array;
  /** The file's size in bytes, when it differs from `bytes.length`. */
  size?: number;
}

interface Loaded extends ReadEntry {
  file: ContentFile;
  id: string;
}

/** The outcome of checking a whole content tree. */
export interface CheckResult {
  problems: Problem[];
  errors: number;
  warnings: number;
  /** How many entries each collection has (translations counted apart). */
  counts: Record<CollectionName | 'translations', number>;
  /** The validated entries, for the steps after the check (entries with errors left out). */
  entries: {
    documents: (Document & { body: string })[];
    translations: Map<string, string>;
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
 * Checks a whole content tree in one pass and reports every problem: each file on its own
 * (encoding, YAML, schema), then across files (ids, references, aliases, translations, mentions).
 */
export function checkContent(files: readonly ContentFile[]): CheckResult {
  const problems: Problem[] = [];
  const entries: Record<CollectionName, Loaded[]> = { documents: [], enterprises: [], directives: [], people: [] };
  const translations: Loaded[] = [];

  for (const file of files) {
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
    const schema = kind.kind === 'translation' ? translationSchema : COLLECTIONS[kind.collection];
    const read = readEntry(file.display, file.bytes, schema, file.size);
    problems.push(...read.problems);
    const loaded: Loaded = { ...read, file, id: kind.id };
    if (!SLUG_PATTERN.test(kind.id)) {
      problems.push({
        severity: 'error',
        file: file.display,
        message: `file name "${kind.id}" is not a lowercase ASCII slug: rename the file, e.g. to ${slugSuggestion(kind.id)}.md`,
      });
    }
    checkIdMatchesFile(loaded, problems);
    if (kind.kind === 'translation') translations.push(loaded);
    else entries[kind.collection].push(loaded);
  }

  const ids = {} as Record<CollectionName, Set<string>>;
  for (const collection of Object.keys(entries) as CollectionName[]) {
    ids[collection] = checkDuplicates(entries[collection], problems);
  }
  for (const collection of Object.keys(entries) as CollectionName[]) {
    for (const entry of entries[collection]) checkReferences(collection, entry, ids, problems);
  }
  checkParentCycles(entries.enterprises, problems);
  checkParentCycles(entries.directives, problems);
  const aliases = checkAliases(entries, problems);
  checkTranslations(translations, entries.documents, problems);
  checkRawSources(files, entries.documents, problems);
  checkDocumentBodies(entries.documents, aliases, problems);

  const sorted = sortProblems(problems);
  const valid = <T>(list: Loaded[]) => list.filter((entry) => entry.data).map((entry) => entry.data as T);
  return {
    entries: {
      documents: entries.documents
        .filter((entry) => entry.data)
        .map((entry) => ({ ...(entry.data as Document), body: entry.body })),
      translations: new Map(translations.filter((entry) => entry.data).map((entry) => [entry.id, entry.body])),
      enterprises: valid<Enterprise>(entries.enterprises),
      directives: valid<Directive>(entries.directives),
      people: valid<Person>(entries.people),
    },
    problems: sorted,
    errors: sorted.filter((p) => p.severity === 'error').length,
    warnings: sorted.filter((p) => p.severity === 'warning').length,
    counts: {
      documents: entries.documents.length,
      enterprises: entries.enterprises.length,
      directives: entries.directives.length,
      people: entries.people.length,
      translations: translations.length,
    },
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

function checkDuplicates(entries: readonly Loaded[], problems: Problem[]): Set<string> {
  const seen = new Map<string, { entry: Loaded; id: string }>();
  const ids = new Set<string>();
  for (const entry of entries) {
    const declared = typeof entry.raw?.id === 'string' ? entry.raw.id : entry.id;
    for (const id of new Set([entry.id, declared])) {
      const first = seen.get(id.toLowerCase());
      if (first && first.entry !== entry) {
        problems.push({
          severity: 'error',
          file: entry.file.display,
          ...(entry.yaml?.locate(['id']) ?? {}),
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

function checkReferences(
  collection: CollectionName,
  entry: Loaded,
  ids: Record<CollectionName, Set<string>>,
  problems: Problem[],
): void {
  const data = entry.raw;
  if (!data) return;
  for (const { field, target } of REFERENCES[collection]) {
    for (const { path, id } of referenceValues(data, field)) {
      if (!SLUG_PATTERN.test(id)) continue; // the schema already reports a malformed id
      const field = formatFieldPath(path);
      const place = { file: entry.file.display, ...entry.yaml!.locate(path), field };
      if (collection === target && id === entry.id && path[0] === 'parent') {
        problems.push({ severity: 'error', ...place, message: `"${id}" cannot be its own parent` });
      } else if (!ids[target].has(id)) {
        problems.push({
          severity: 'error',
          ...place,
          message: `unknown ${SINGULAR[target]} "${id}"${didYouMean(id, ids[target])}${didYouMean(id, ids[target]) ? '' : `: add content/${target}/${id}.md or fix the id`}`,
        });
      }
    }
    if (Array.isArray(data[field])) {
      const seen = new Set<string>();
      (data[field] as unknown[]).forEach((id, i) => {
        if (typeof id !== 'string') return;
        if (seen.has(id)) {
          problems.push({
            severity: 'error',
            file: entry.file.display,
            ...entry.yaml!.locate([field, i]),
            field: `${field}[${i}]`,
            message: `"${id}" is listed twice: remove the repeat`,
          });
        }
        seen.add(id);
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

function checkAliases(entries: Record<CollectionName, Loaded[]>, problems: Problem[]): AliasEntry[] {
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

function checkTranslations(translations: readonly Loaded[], documents: readonly Loaded[], problems: Problem[]): void {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  for (const translation of translations) {
    const original = byId.get(translation.id);
    if (!original) {
      problems.push({
        severity: 'error',
        file: translation.file.display,
        message: `translation of a document that does not exist: add content/documents/${translation.id}.md or rename this file`,
      });
      continue;
    }
    // An original that could not be read is reported on its own; comparing with it adds noise.
    if (!original.raw || !translation.raw) continue;
    const source = listBlockKinds(original.body);
    const target = listBlockKinds(translation.body);
    const first = source.findIndex((kind, i) => kind !== target[i]);
    if (source.length === target.length && first === -1) continue;
    const at = first === -1 ? Math.min(source.length, target.length) : first;
    problems.push({
      severity: 'error',
      file: translation.file.display,
      line: translation.bodyLine,
      column: 1,
      message: `translation is not aligned with the original: the original has ${source.length} blocks, the translation ${target.length}; they first differ at block ${at + 1} (original: ${source[at] ?? 'nothing'}, translation: ${target[at] ?? 'nothing'}). Give each original paragraph and heading exactly one counterpart`,
    });
  }
}

/**
 * Where the raw text a document was imported from is kept (`sources/<id>.txt`), its SHA-256
 * must be the one recorded in `source.sha256`: the text has not been swapped or edited since.
 */
function checkRawSources(files: readonly ContentFile[], documents: readonly Loaded[], problems: Problem[]): void {
  const raw = new Map(
    files.filter((file) => /^sources\/[^/]+\.txt$/.test(file.relative)).map((file) => [file.relative, file]),
  );
  for (const doc of documents) {
    const file = raw.get(`sources/${doc.id}.txt`);
    const recorded = (doc.raw?.source as { sha256?: unknown } | undefined)?.sha256;
    if (!file || !doc.yaml) continue;
    const actual = createHash('sha256').update(file.bytes).digest('hex');
    if (recorded === undefined) {
      problems.push({
        severity: 'warning',
        file: doc.file.display,
        ...doc.yaml.locate(['source']),
        field: 'source.sha256',
        message: `${file.display} is the raw text of this document: record its SHA-256, "${actual}"`,
      });
    } else if (recorded !== actual) {
      problems.push({
        severity: 'error',
        file: doc.file.display,
        ...doc.yaml.locate(['source', 'sha256']),
        field: 'source.sha256',
        message: `${file.display} has SHA-256 ${actual}, not the recorded ${String(recorded)}: the raw text changed since it was imported; restore it, or re-import and review`,
      });
    }
  }
}

function checkDocumentBodies(documents: readonly Loaded[], aliases: readonly AliasEntry[], problems: Problem[]): void {
  const matcher = createMentionMatcher(aliases);
  for (const doc of documents) {
    if (doc.body.trim() === '') {
      if (doc.raw) {
        problems.push({
          severity: 'warning',
          file: doc.file.display,
          line: doc.bodyLine,
          message: 'the document has no text: paste the cleaned original below the frontmatter',
        });
      }
      continue;
    }
    const data = doc.raw;
    if (!data) continue;
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
}
