import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search-records.ts';
import { normalisePagefindBundle } from './normalise-pagefind.ts';

/** Pagefind's Node API: each instance of the module runs one Pagefind process at a time. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/**
 * `count` independent instances of Pagefind's Node API, so that as many Pagefind processes can
 * index at once (the module keeps one process per instance; a query string in its URL makes
 * Node load it again).
 */
export async function loadPagefindInstances(count: number): Promise<PagefindApi[]> {
  const url = import.meta.resolve('pagefind');
  const others = await Promise.all(
    Array.from({ length: count - 1 }, (_, i) => import(`${url}?instance=${i + 1}`) as Promise<PagefindApi>),
  );
  return [pagefind, ...others];
}

/**
 * Writes one Pagefind bundle into the folder `bundle` from prepared records (one index per
 * language) and returns how many records it indexed. The HTML pages are not parsed: the records
 * say exactly what is searchable. Pagefind's process ends with the call, and its memory with it.
 */
export async function indexRecords(
  bundle: string,
  records: Iterable<SearchRecord>,
  { createIndex, close }: PagefindApi,
): Promise<number> {
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
    // Pagefind's own writeFiles can answer before its files are complete (measured with 1.5.2:
    // an empty pagefind-entry.json, an empty pagefind-ui.css), and closing the process then
    // leaves them so; taking the files and writing them here finishes before the process ends.
    const { files, errors: failures } = await index.getFiles();
    if (failures.length > 0) throw new Error(`Pagefind could not write its index: ${failures.join('; ')}`);
    for (const file of files) {
      const path = join(bundle, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    normalisePagefindBundle(bundle);
    return count;
  } finally {
    await close();
  }
}
