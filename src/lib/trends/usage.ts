// A directive's (or any entity's) use over time, as its page shows it: per year, the documents
// whose text names it and how many times (its name and aliases in either script, as the
// mention matcher finds them: longest name first, each place once), against the characters of
// that year's texts; and its first and latest use.
import type { EntityKey, IndexedDocument } from '../archive-index.ts';
import { compareOldestFirst } from '../archive-index.ts';
import type { YearFigures } from './query.ts';

/** The use of one entity across the archive. */
export interface EntityUsage {
  /** Every year from the archive's first document to its last, years without documents included. */
  rows: YearFigures[];
  /** The documents that name it, oldest first. */
  documents: IndexedDocument[];
}

/**
 * What every entity's use is read from, made in one pass over the archive: the first year, the
 * characters of each year's texts, and the documents naming each entity with their years. An
 * archive's hundreds of directive pages each read theirs from it (`readUsage`) instead of going
 * through every document again (at 10,000 documents 17 ms a page, most of a rebuild's re-rendered
 * directive pages).
 */
export interface UsageIndex {
  first: number;
  /** Characters of the texts of each year from `first` on. */
  units: number[];
  /** Per entity, its documents (in archive order) and their mention counts. */
  byEntity: Map<EntityKey, { doc: IndexedDocument; count: number }[]>;
}

/** Indexes the documents' mention counts by entity and their characters by year (no text is read). */
export function indexUsage(documents: readonly IndexedDocument[]): UsageIndex {
  const years = documents.map((doc) => Number(doc.date.slice(0, 4)));
  const first = years.reduce((min, year) => Math.min(min, year), Infinity);
  const last = years.reduce((max, year) => Math.max(max, year), -Infinity);
  const units = years.length === 0 ? [] : new Array<number>(last - first + 1).fill(0);
  const byEntity: UsageIndex['byEntity'] = new Map();
  documents.forEach((doc, i) => {
    units[years[i]! - first]! += doc.characters;
    for (const [key, count] of Object.entries(doc.mentions) as [EntityKey, number | undefined][]) {
      if (!count) continue;
      const list = byEntity.get(key);
      if (list) list.push({ doc, count });
      else byEntity.set(key, [{ doc, count }]);
    }
  });
  return { first, units, byEntity };
}

/** One entity's use, from the archive's usage index. */
export function readUsage(index: UsageIndex, key: EntityKey): EntityUsage {
  const rows: YearFigures[] = index.units.map((units, i) => ({
    year: index.first + i,
    documents: 0,
    occurrences: 0,
    units,
  }));
  const using: IndexedDocument[] = [];
  for (const { doc, count } of index.byEntity.get(key) ?? []) {
    const row = rows[Number(doc.date.slice(0, 4)) - index.first]!;
    row.documents += 1;
    row.occurrences += count;
    using.push(doc);
  }
  return { rows, documents: using.sort(compareOldestFirst) };
}
