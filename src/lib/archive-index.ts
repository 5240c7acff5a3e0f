import type { Directive, Document, Enterprise, Person } from '../schema/index.ts';
import { isDated } from '../schema/document.ts';
import { createMentionMatcher, findMentions, type AliasEntry, type MentionMatcher } from './find-mentions.ts';
import { dateSortKey } from './format-date.ts';
import { listBlockStarts } from './block-starts.ts';
import { extractContexts, type MentionContext } from './keyword-in-context.ts';

/** The entity collections a document links to. */
export type EntityCollection = 'enterprises' | 'directives' | 'people';

/** `enterprises/<id>`, `directives/<id>` or `people/<id>`: one key for any entity. */
export type EntityKey = `${EntityCollection}/${string}`;

/**
 * A document as pages receive it: validated frontmatter, where its Markdown file is, and what
 * the one pass over its text found. The text itself is not kept: at 100,000 documents it would
 * be gigabytes, and each page reads its own when it renders.
 */
export interface IndexedDocument extends Document {
  /** The Markdown file, as the archive's `readBody` understands it. */
  file: string;
  /** Characters of the text, whitespace not counted. */
  characters: number;
  /** How many times the text names each entity. */
  mentions: Partial<Record<EntityKey, number>>;
}

/** A validated document before indexing: frontmatter and where its text is. */
export type DocumentSource = Document & { file: string };

/** A document citing an entity, with the sentences around each mention of it. */
export interface Citation {
  document: IndexedDocument;
  contexts: MentionContext[];
}

/** Another entity that appears in the same documents, and in how many. */
export interface CoMention {
  key: EntityKey;
  count: number;
}

/** Everything a page needs to cross-link the archive, computed once per build. */
export interface ArchiveIndex {
  /** Documents, newest first. */
  documents: IndexedDocument[];
  enterprises: Map<string, Enterprise>;
  directives: Map<string, Directive>;
  people: Map<string, Person>;
  /** Every alias of every entity, compiled once for linking and context. */
  matcher: MentionMatcher;
  /** For each entity, the documents citing it, newest first, with context sentences. */
  citations: Map<EntityKey, Citation[]>;
  /** For each entity, the entities sharing documents with it, most shared first. */
  coMentions: Map<EntityKey, CoMention[]>;
  /** For each enterprise, its direct units. */
  children: Map<string, Enterprise[]>;
  /** For each document, the one before and after it by date. */
  neighbours: Map<string, { previous?: IndexedDocument; next?: IndexedDocument }>;
}

/** Oldest first; ties broken by id so the order is stable across builds. */
export function compareOldestFirst(a: Document, b: Document): number {
  return dateSortKey(a.date).localeCompare(dateSortKey(b.date)) || a.id.localeCompare(b.id);
}

/** Newest first; ties broken by id so the order is stable across builds. */
export function compareNewestFirst(a: Document, b: Document): number {
  return dateSortKey(b.date).localeCompare(dateSortKey(a.date)) || a.id.localeCompare(b.id);
}

/** Every name of every entity, for the mention matcher. */
export function listAliases(input: {
  enterprises: Enterprise[];
  directives: Directive[];
  people: Person[];
}): AliasEntry[] {
  const entries: AliasEntry[] = [];
  const add = (collection: EntityCollection, items: { id: string; name: { zh: string }; aliases: string[] }[]) => {
    for (const item of items) {
      for (const alias of [item.name.zh, ...item.aliases]) entries.push({ alias, collection, id: item.id });
    }
  };
  add('enterprises', input.enterprises);
  add('directives', input.directives);
  add('people', input.people);
  return entries;
}

/** The entities a document is about: its curated lists and its speaker. */
export function listDocumentEntities(doc: Document): EntityKey[] {
  const people = new Set([...(doc.speaker ? [doc.speaker] : []), ...doc.people]);
  return [
    ...doc.enterprises.map((id): EntityKey => `enterprises/${id}`),
    ...doc.directives.map((id): EntityKey => `directives/${id}`),
    ...[...people].map((id): EntityKey => `people/${id}`),
  ];
}

/** The entities of the archive by id: all that a search record needs to name a document's. */
export type EntityCatalogue = Pick<ArchiveIndex, 'enterprises' | 'directives' | 'people'>;

/** Enterprises, directives and people by id. */
export function catalogueEntities(input: {
  enterprises: Enterprise[];
  directives: Directive[];
  people: Person[];
}): EntityCatalogue {
  return {
    enterprises: new Map(input.enterprises.map((entry) => [entry.id, entry])),
    directives: new Map(input.directives.map((entry) => [entry.id, entry])),
    people: new Map(input.people.map((entry) => [entry.id, entry])),
  };
}

/**
 * The documents a build shows, newest first: published ones, and drafts when asked for (a draft
 * the importer could not date is left out until an editor gives it a date).
 */
export function selectDocuments<T extends Document>(documents: readonly T[], includeDrafts = false): T[] {
  return documents
    .filter((doc) => (includeDrafts || doc.status === 'published') && isDated(doc))
    .sort(compareNewestFirst);
}

/** What pages show of a document's text, read in one pass over it. */
export interface TextFacts {
  /** Characters of the text, whitespace not counted. */
  characters: number;
  /** How many times the text names each entity. */
  mentions: Partial<Record<EntityKey, number>>;
  /** For each entity the document lists, in its order, the sentences around its mentions. */
  contexts: MentionContext[][];
}

/** Reads a text's `TextFacts`, quoting the mentions of the entities in `listed`. */
export function readTextFacts(body: string, matcher: MentionMatcher, listed: readonly EntityKey[]): TextFacts {
  const found = findMentions(body, matcher);
  const mentions: TextFacts['mentions'] = {};
  for (const mention of found) {
    const key: EntityKey = `${mention.collection}/${mention.id}`;
    mentions[key] = (mentions[key] ?? 0) + 1;
  }
  const starts = listed.length > 0 ? listBlockStarts(body) : [];
  return {
    characters: countCharacters(body),
    mentions,
    contexts: listed.map((key) =>
      extractContexts(
        body,
        found.filter((mention) => `${mention.collection}/${mention.id}` === key),
        starts,
      ),
    ),
  };
}

/**
 * Builds the cross-reference index of the archive from validated entries in one pass over the
 * documents (time linear in their number and length), reading each text once with `readBody`
 * and keeping only what pages need of it. Drafts are left out unless asked for.
 */
export function buildArchiveIndex(
  input: { documents: DocumentSource[]; enterprises: Enterprise[]; directives: Directive[]; people: Person[] },
  options: {
    includeDrafts?: boolean;
    readBody: (file: string) => string;
    /**
     * Keeps what is read from texts between builds: given a document, the entities it lists
     * and how to read its text's facts, returns them (kept ones when nothing they depend on
     * changed: the file, the entities' names and `listed`).
     */
    keepText?: (source: DocumentSource, listed: readonly EntityKey[], read: () => TextFacts) => TextFacts;
  },
): ArchiveIndex {
  const matcher = createMentionMatcher(listAliases(input));
  const citations = new Map<EntityKey, Citation[]>();
  const pairCounts = new Map<EntityKey, Map<EntityKey, number>>();
  const documents = selectDocuments(input.documents, options.includeDrafts).map((source): IndexedDocument => {
    const listed = listDocumentEntities(source);
    const read = () => readTextFacts(options.readBody(source.file), matcher, listed);
    const text = options.keepText ? options.keepText(source, listed, read) : read();
    const document: IndexedDocument = { ...source, characters: text.characters, mentions: text.mentions };
    listed.forEach((key, i) => {
      const list = citations.get(key) ?? [];
      list.push({ document, contexts: text.contexts[i]! });
      citations.set(key, list);
    });
    for (const a of listed) {
      const counts = pairCounts.get(a) ?? new Map<EntityKey, number>();
      for (const b of listed) if (a !== b) counts.set(b, (counts.get(b) ?? 0) + 1);
      pairCounts.set(a, counts);
    }
    return document;
  });
  const coMentions = new Map<EntityKey, CoMention[]>();
  for (const [key, counts] of pairCounts) {
    const sorted = [...counts].map(([other, count]) => ({ key: other, count }));
    sorted.sort((x, y) => y.count - x.count || x.key.localeCompare(y.key));
    coMentions.set(key, sorted);
  }
  const children = new Map<string, Enterprise[]>();
  for (const enterprise of input.enterprises) {
    if (enterprise.parent) children.set(enterprise.parent, [...(children.get(enterprise.parent) ?? []), enterprise]);
  }
  const neighbours = new Map<string, { previous?: IndexedDocument; next?: IndexedDocument }>();
  documents.forEach((doc, i) => neighbours.set(doc.id, { next: documents[i - 1], previous: documents[i + 1] }));
  return {
    documents,
    ...catalogueEntities(input),
    matcher,
    citations,
    coMentions,
    children,
    neighbours,
  };
}

/** The entities whose citations hold one of the documents `ids`: the entity pages that show them. */
export function listEntitiesCiting(index: Pick<ArchiveIndex, 'citations'>, ids: ReadonlySet<string>): Set<EntityKey> {
  const keys = new Set<EntityKey>();
  for (const [key, citations] of index.citations) {
    if (citations.some((citation) => ids.has(citation.document.id))) keys.add(key);
  }
  return keys;
}

/** Characters of a text, whitespace not counted (code points, so one per Chinese character). */
export function countCharacters(text: string): number {
  const compact = text.replace(/\s+/g, '');
  return compact.length - (compact.match(/[\uD800-\uDBFF]/g)?.length ?? 0);
}

/** The collection and id of an entity key. */
export function splitEntityKey(key: EntityKey): { collection: EntityCollection; id: string } {
  const [collection, id] = key.split('/') as [EntityCollection, string];
  return { collection, id };
}

/** The entry behind an entity key, when it exists. */
export function findEntity(
  index: ArchiveIndex,
  key: EntityKey,
): { collection: EntityCollection; id: string; name: { zh: string; en: string } } | undefined {
  const { collection, id } = splitEntityKey(key);
  const entry = index[collection].get(id);
  return entry ? { collection, id, name: entry.name } : undefined;
}
