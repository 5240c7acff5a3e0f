// Formatted citations kept between builds. A document page shows its citation formatted in four
// CSL styles by citeproc-js (src/lib/citations/csl-styles.ts): about 6 ms of Astro's thread per
// document, a minute at 10,000, while an entry depends only on the document's CSL-JSON item and
// the code (the style files, citeproc, the formatter). So each document's entries are kept in
// one file of the build's store, in the search cache folder of the output folder beside the
// reading views, named after a digest of the build key (src/build/key.ts: the code, dependencies
// and settings) and the item: a file that exists under its name is right, and a file that is
// cut short or altered fails its checksum and the entries are formatted again. Only what the
// last build used is kept (`pruneStoredCitations`); `--full` starts without any.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey } from './key.ts';
import type { ReadingViewStore } from './reading-views.ts';
import { readChecked, writeChecked } from './store.ts';

/** The folder of the search cache that holds formatted citations (see `CitationStore`). */
export const FORMATTED_CITATIONS = 'citations';

/** Where formatted citations are kept, and what a build did with them. */
export interface CitationStore {
  dir: string;
  /** The build key (`buildKey`): every entry's name digests it. */
  key: string;
  /** The names of the files the pages of this build used (not passed to the worker). */
  used?: Set<string>;
  /**
   * Who formats each document's entries, shared by the worker and the pages (`claimDocument`, with
   * claims of their own): the worker, with its indexes done, formats from the last document Astro
   * renders backwards until it meets a page.
   */
  claims?: ReadingViewStore['claims'];
  /** How many documents' entries the pages read from the store. */
  read?: number;
  /** How many documents' entries the pages formatted. */
  made?: number;
}

/** A document's formatted citation in each style, as HTML, by style id. */
export type StoredCitations = Record<string, string>;

/** The file that holds (or will hold) the entries of a CSL-JSON item, given as its JSON: its name and path. */
export function storedCitationsFile(store: CitationStore, itemJson: string): { name: string; path: string } {
  const name = `${cacheKey(store.key, ['formatted citations', itemJson])}.v8`;
  return { name, path: join(store.dir, name) };
}

/** Stored entries, or undefined if there are none (or they are damaged: the checksum fails, or a style is missing). */
export function readStoredCitations(path: string, styles: readonly string[]): StoredCitations | undefined {
  const stored = readChecked<unknown>(path);
  if (typeof stored !== 'object' || stored === null) return undefined;
  const entries = stored as Record<string, unknown>;
  return styles.every((style) => typeof entries[style] === 'string') ? (entries as StoredCitations) : undefined;
}

/** Stores entries with a checksum, written beside their place and renamed. */
export function writeStoredCitations(path: string, entries: StoredCitations): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeChecked(path, entries);
}

/**
 * Removes the stored entries that no page of this build used, and returns how many. Only after a build that rendered
 * every document page: an incremental build renders a few, and the others' entries stand (it
 * runs only when no frontmatter, entity, setting or code changed, so no item did).
 */
export function pruneStoredCitations(store: CitationStore): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(store.dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    // Called when no thread of the build writes here any more, and the build's lock keeps other
    // builds of the output folder out: a temporary file (`.partial`) is a killed build's.
    if (store.used?.has(name)) continue;
    rmSync(join(store.dir, name), { force: true });
    removed += 1;
  }
  return removed;
}
