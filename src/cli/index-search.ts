import { close, createIndex } from 'pagefind';
import type { SearchRecord } from '../lib/search-records.ts';
import { normalisePagefindBundle } from './normalise-pagefind.ts';

/**
 * Writes the Pagefind index of a built site into `<site>/pagefind` from prepared records (one
 * index per language) and returns how many records it indexed. The HTML pages are not parsed:
 * the records say exactly what is searchable.
 */
export async function indexRecords(site: string, records: Iterable<SearchRecord>): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    let count = 0;
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0)
        throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
      count += 1;
    }
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    normalisePagefindBundle(`${site}/pagefind`);
    return count;
  } finally {
    await close();
  }
}
