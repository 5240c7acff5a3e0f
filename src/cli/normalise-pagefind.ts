import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentName,
  decodePagefindFile,
  encodePagefindFile,
  renameMetaFilters,
  sortFilterValues,
  type FilterFile,
  type MetaFile,
  type PagefindEntry,
} from '../lib/pagefind-bundle.ts';

/**
 * Makes Pagefind's output reproducible: its filter files list values in hash-map order, which
 * changes from run to run (and with them the meta files and pagefind-entry.json that name them).
 * Rewrites those files with sorted values and content-derived names; the index chunks and
 * fragments are already stable.
 */
export function normalisePagefindBundle(bundle: string): void {
  const entryPath = join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as PagefindEntry;
  for (const [lang, language] of Object.entries(entry.languages)) {
    const metaPath = join(bundle, `pagefind.${language.hash}.pf_meta`);
    const meta = decodePagefindFile(readFileSync(metaPath)) as MetaFile;
    const names = new Map<string, string>();
    for (const [, file] of meta[3]) {
      const path = join(bundle, 'filter', `${file}.pf_filter`);
      const bytes = encodePagefindFile(sortFilterValues(decodePagefindFile(readFileSync(path)) as FilterFile));
      const name = contentName(lang, bytes, 7);
      rmSync(path);
      writeFileSync(join(bundle, 'filter', `${name}.pf_filter`), bytes);
      names.set(file, name);
    }
    const metaBytes = encodePagefindFile(renameMetaFilters(meta, names));
    const metaName = contentName(lang, metaBytes, 10);
    rmSync(metaPath);
    writeFileSync(join(bundle, `pagefind.${metaName}.pf_meta`), metaBytes);
    language.hash = metaName;
  }
  const languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(entryPath, JSON.stringify({ ...entry, languages }));
}
