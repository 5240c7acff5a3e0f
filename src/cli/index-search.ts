import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  { createIndex, close }: PagefindApi = pagefind,
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
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await waitForBundle(bundle);
    normalisePagefindBundle(bundle);
    return count;
  } finally {
    await close();
  }
}

/**
 * Waits until Pagefind has finished writing a bundle. Its `writeFiles` can answer before
 * `pagefind-entry.json` has its content (measured with Pagefind 1.5.2: 2 of 20 bundles of five
 * documents read empty right after the call); the entry is written last and names the rest.
 */
async function waitForBundle(bundle: string, timeoutMs = 30_000): Promise<void> {
  const entryPath = join(bundle, 'pagefind-entry.json');
  const started = Date.now();
  for (;;) {
    try {
      const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
      const metas = Object.values(entry.languages).map(({ hash }) => join(bundle, `pagefind.${hash}.pf_meta`));
      if (metas.every((path) => statSync(path).size > 0)) return;
    } catch {
      // Not written yet: try again below.
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Pagefind did not finish writing ${entryPath} within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
