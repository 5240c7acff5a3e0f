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

/** Reads an entity's use from the documents' mention counts (no text is read). */
export function measureUsage(documents: readonly IndexedDocument[], key: EntityKey): EntityUsage {
  const years = documents.map((doc) => Number(doc.date.slice(0, 4)));
  if (years.length === 0) return { rows: [], documents: [] };
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows: YearFigures[] = Array.from({ length: last - first + 1 }, (_, i) => ({
    year: first + i,
    documents: 0,
    occurrences: 0,
    units: 0,
  }));
  const using: IndexedDocument[] = [];
  documents.forEach((doc, i) => {
    const row = rows[years[i]! - first]!;
    row.units += doc.characters;
    const count = doc.mentions[key] ?? 0;
    if (count > 0) {
      row.documents += 1;
      row.occurrences += count;
      using.push(doc);
    }
  });
  return { rows, documents: using.sort(compareOldestFirst) };
}
