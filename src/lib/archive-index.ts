import type { Directive, Document, Enterprise, Person } from '../schema/index.ts';
import { createMentionMatcher, findMentions, type AliasEntry, type MentionMatcher } from './find-mentions.ts';
import { dateSortKey } from './format-date.ts';
import { extractContexts, type MentionContext } from './keyword-in-context.ts';

/** The entity collections a document links to. */
export type EntityCollection = 'enterprises' | 'directives' | 'people';

/** `enterprises/<id>`, `directives/<id>` or `people/<id>`: one key for any entity. */
export type EntityKey = `${EntityCollection}/${string}`;

/** A document as the index receives it: validated frontmatter and the Markdown body. */
export interface IndexedDocument extends Document {
  body: string;
}

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

/** The documents a build shows, newest first: published ones, and drafts when asked for. */
export function selectDocuments(documents: IndexedDocument[], includeDrafts = false): IndexedDocument[] {
  return documents.filter((doc) => includeDrafts || doc.status === 'published').sort(compareNewestFirst);
}

/**
 * Builds the cross-reference index of the archive from validated entries in one pass over the
 * documents (time linear in their number and length). Drafts are left out unless asked for.
 */
export function buildArchiveIndex(
  input: { documents: IndexedDocument[]; enterprises: Enterprise[]; directives: Directive[]; people: Person[] },
  includeDrafts = false,
): ArchiveIndex {
  const documents = selectDocuments(input.documents, includeDrafts);
  const matcher = createMentionMatcher(listAliases(input));
  const citations = new Map<EntityKey, Citation[]>();
  const pairCounts = new Map<EntityKey, Map<EntityKey, number>>();
  for (const document of documents) {
    const listed = listDocumentEntities(document);
    const mentions = findMentions(document.body, matcher);
    for (const key of listed) {
      const own = mentions.filter((mention) => `${mention.collection}/${mention.id}` === key);
      const list = citations.get(key) ?? [];
      list.push({ document, contexts: extractContexts(document.body, own) });
      citations.set(key, list);
    }
    for (const a of listed) {
      const counts = pairCounts.get(a) ?? new Map<EntityKey, number>();
      for (const b of listed) if (a !== b) counts.set(b, (counts.get(b) ?? 0) + 1);
      pairCounts.set(a, counts);
    }
  }
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
