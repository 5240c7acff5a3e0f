// Figures about a built site read from disk, the same way for our build and for the peer's.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const MIB = 1024 * 1024;

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * True for a path (relative to the site, `/`-separated) inside a search-index folder: ours
 * (`search-zh`, `search-en`) or Pagefind's (`pagefind*`, the peer's).
 */
export function isIndexPath(path: string): boolean {
  return /^(pagefind[^/]*|search-(zh|en))(\/|$)/.test(path);
}

export interface SiteFigures {
  /** HTML files outside the search-index folders. */
  pages: number;
  /** Everything in the site, in MiB. */
  dist_mb: number;
  /** The search-index folders (`isIndexPath`), in MiB. */
  index_mb: number;
  /** Median size of the document pages (`/<lang>/documents/<id>/index.html`, both languages), in KiB. */
  doc_page_kb_median: number;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Measures a built site; `docIds` name the documents whose pages are weighed. */
export function measureSite(site: string, docIds: readonly string[], languages = ['zh', 'en']): SiteFigures {
  let pages = 0;
  let total = 0;
  let index = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const inSite = relative(site, path).split(sep).join('/');
    const size = statSync(path).size;
    total += size;
    if (isIndexPath(inSite)) index += size;
    else if (inSite.endsWith('.html')) pages += 1;
  }
  const docPages = languages.flatMap((lang) =>
    docIds
      .map((id) => join(site, lang, 'documents', id, 'index.html'))
      .filter((path) => existsSync(path))
      .map((path) => statSync(path).size / 1024),
  );
  return {
    pages,
    dist_mb: round(total / MIB, 1),
    index_mb: round(index / MIB, 1),
    doc_page_kb_median: round(median(docPages), 1),
  };
}
