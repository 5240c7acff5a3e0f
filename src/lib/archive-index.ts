import type { Directive, Document, Enterprise, Person } from '../schema/index.ts';
import { dateSortKey } from './format-date.ts';

/** The entity collections a document links to. */
export type EntityCollection = 'enterprises' | 'directives' | 'people';

/** Everything a page needs to cross-link the archive, computed once per build. */
export interface ArchiveIndex {
  /** Documents, newest first. */
  documents: Document[];
  enterprises: Map<string, Enterprise>;
  directives: Map<string, Directive>;
  people: Map<string, Person>;
  /** For each entity (`enterprises/<id>`), the documents citing it, newest first. */
  citing: Map<string, Document[]>;
  /** For each enterprise, its direct units. */
  children: Map<string, Enterprise[]>;
  /** For each document, the one before and after it by date. */
  neighbours: Map<string, { previous?: Document; next?: Document }>;
}

/** Newest first; ties broken by id so the order is stable across builds. */
export function compareNewestFirst(a: Document, b: Document): number {
  return dateSortKey(b.date).localeCompare(dateSortKey(a.date)) || a.id.localeCompare(b.id);
}

/**
 * Builds the cross-reference index of the archive from validated entries. Drafts are left out
 * unless `includeDrafts` is set.
 */
export function buildArchiveIndex(
  input: { documents: Document[]; enterprises: Enterprise[]; directives: Directive[]; people: Person[] },
  includeDrafts = false,
): ArchiveIndex {
  const documents = input.documents
    .filter((doc) => includeDrafts || doc.status === 'published')
    .sort(compareNewestFirst);
  const citing = new Map<string, Document[]>();
  const cite = (key: string, doc: Document) => citing.set(key, [...(citing.get(key) ?? []), doc]);
  for (const doc of documents) {
    for (const id of doc.enterprises) cite(`enterprises/${id}`, doc);
    for (const id of doc.directives) cite(`directives/${id}`, doc);
    for (const id of new Set([...doc.people, ...(doc.speaker ? [doc.speaker] : [])])) cite(`people/${id}`, doc);
  }
  const children = new Map<string, Enterprise[]>();
  for (const enterprise of input.enterprises) {
    if (enterprise.parent) children.set(enterprise.parent, [...(children.get(enterprise.parent) ?? []), enterprise]);
  }
  const neighbours = new Map<string, { previous?: Document; next?: Document }>();
  documents.forEach((doc, i) => neighbours.set(doc.id, { next: documents[i - 1], previous: documents[i + 1] }));
  return {
    documents,
    enterprises: new Map(input.enterprises.map((entry) => [entry.id, entry])),
    directives: new Map(input.directives.map((entry) => [entry.id, entry])),
    people: new Map(input.people.map((entry) => [entry.id, entry])),
    citing,
    children,
    neighbours,
  };
}
