// The formatted citations of document pages. In `npm run build` they are kept between builds in
// the build's store (src/build/citation-store.ts): a page reads its document's entries from
// there, or formats them with citeproc-js and leaves them for the next build. citeproc (seconds
// to load the four styles) is loaded only when an entry is missing. Elsewhere (`astro dev`,
// `astro check`) entries are formatted each time.
import { offeredBuild } from '../build/handoff.ts';
import { claimDocument } from '../build/reading-views.ts';
import { readStoredCitations, storedCitationsFile, writeStoredCitations } from '../build/citation-store.ts';
import { CITATION_STYLE_FILES, type CitationStyleId } from '../lib/citations/citation-styles.ts';
import { formatCitationStyles } from '../lib/citations/csl-styles.ts';
import type { CslItem } from '../lib/citations/format-csl-json.ts';

type Entries = Record<CitationStyleId, string>;

const STYLE_IDS = CITATION_STYLE_FILES.map(({ id }) => id);

// Both language pages of a document are rendered one after the other: the second reads no file.
let last: { name: string; entries: Entries } | undefined;

/** A document's formatted citation in every style, as HTML, from the build's store or from citeproc. */
export function loadFormattedCitations(item: CslItem): Entries {
  const store = offeredBuild()?.citations;
  if (!store) return formatCitationStyles(item);
  const { name, path } = storedCitationsFile(store, JSON.stringify(item));
  (store.used ??= new Set()).add(name);
  if (last?.name === name) return last.entries;
  // Claimed even when kept: the worker, coming the other way, stops where the pages have been.
  claimDocument(store.claims, item.id, 'page');
  let entries = readStoredCitations(path, STYLE_IDS) as Entries | undefined;
  if (entries) {
    store.read = (store.read ?? 0) + 1;
  } else {
    // None kept (or not yet: the worker may be formatting it), or a damaged file: formatted
    // again and kept for the next build. Should the worker write the same file, each writes
    // its own temporary file and renames it: the last rename wins, with the same entries.
    entries = formatCitationStyles(item);
    store.made = (store.made ?? 0) + 1;
    try {
      writeStoredCitations(path, entries);
    } catch (error) {
      // The next build formats them again; this one has them.
      console.warn(`could not keep the formatted citations of ${item.id}: ${(error as Error).message}`);
    }
  }
  last = { name, entries };
  return entries;
}
