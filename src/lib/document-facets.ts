import type { Document, DocumentType } from '../schema/index.ts';
import { yearOf } from './format-date.ts';

/** A way to narrow the list of documents, with the documents it keeps. */
export interface Facet {
  /** `year`, `type` or `region`. */
  kind: 'year' | 'type' | 'region';
  /** The URL segment: `2014`, `speech`, `shandong`. */
  value: string;
  /** How to name it for readers. */
  label: { zh: string; en: string };
  documents: Document[];
}

/** The region facet of texts that speak for the whole country. */
export const NATIONAL = { zh: '全国', en: 'National' } as const;

/** A URL segment for a region name: `Shandong` → `shandong`, `Inner Mongolia` → `inner-mongolia`. */
export function regionSlug(english: string): string {
  return english
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Groups documents (already in display order) by year, type and province, each group keeping
 * that order. Years run newest first; types follow the schema's order; regions go by name.
 */
export function listFacets<T extends Document>(documents: readonly T[]): Facet[] {
  const groups = new Map<string, Facet>();
  const add = (kind: Facet['kind'], value: string, label: Facet['label'], doc: T) => {
    const key = `${kind}/${value}`;
    const facet = groups.get(key) ?? { kind, value, label, documents: [] };
    facet.documents.push(doc);
    groups.set(key, facet);
  };
  for (const doc of documents) {
    const year = String(yearOf(doc.date));
    add('year', year, { zh: `${year}年`, en: year }, doc);
    add('type', doc.type, { zh: doc.type, en: doc.type }, doc);
    if (doc.region)
      add('region', regionSlug(doc.region.province.en || doc.region.province.zh), doc.region.province, doc);
    else if (doc.national) add('region', 'national', NATIONAL, doc);
  }
  const order: Record<Facet['kind'], number> = { year: 0, type: 1, region: 2 };
  const types: readonly DocumentType[] = ['speech', 'report', 'news', 'exchange', 'notice', 'law', 'other'];
  return [...groups.values()].sort(
    (a, b) =>
      order[a.kind] - order[b.kind] ||
      (a.kind === 'year' ? Number(b.value) - Number(a.value) : 0) ||
      (a.kind === 'type' ? types.indexOf(a.value as DocumentType) - types.indexOf(b.value as DocumentType) : 0) ||
      a.label.en.localeCompare(b.label.en),
  );
}
