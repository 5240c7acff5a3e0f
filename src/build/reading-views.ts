// Reading views made beside Astro. A document's reading view (its rendered text, the other
// script and the translation) is most of what its page costs Astro's rendering thread; the
// build's worker thread makes them too, and leaves each in a file that the page then reads
// instead of rendering. The worker goes from the last document Astro renders backwards while
// Astro's pages go forwards, each claiming the views it makes (`claimView`) and leaving them for
// the next build; where they meet, the worker turns to its search indexes. So the two threads
// share the views rather than the worker making all of them first, when it has more work of
// its own than Astro (at 10,000 documents, views were 30 of the worker's 74 s, and Astro's
// thread waited 14 s for it at the end). A view's file is named after a digest of everything
// it is made from (the code, the entities, the document's and its translation's files), so a
// file that exists is right.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadingView } from '../lib/reading-view.ts';
import { readChecked, writeChecked } from './store.ts';

/** The folder of the search cache that holds reading views (see `ReadingViewStore`). */
export const READING_VIEWS = 'views';

/** Where views are kept, and the key of each document's view. */
export interface ReadingViewStore {
  dir: string;
  /** Document id → the digest its view's file is named after. */
  keys: Record<string, string>;
  /**
   * Who makes each document's view, shared by the worker and the pages: `owners` (over a
   * SharedArrayBuffer) holds at each document's slot 0 (nobody yet), 1 (the worker) or 2 (a page).
   */
  claims?: { slots: Record<string, number>; owners: Int32Array };
  /** How many views the pages read from the store (counted in the build's process). */
  read?: number;
  /** How many views the pages made themselves. */
  made?: number;
}

const OWNER = { worker: 1, page: 2 } as const;

/** Claims the making of a document's view; false when the other side claimed it first. */
export function claimView(store: ReadingViewStore, id: string, by: keyof typeof OWNER): boolean {
  return claimDocument(store.claims, id, by);
}

/**
 * Claims the making of something per document that whichever thread reaches first makes (a
 * reading view, formatted citations), in `claims` made by `createViewClaims`; false when the
 * other side claimed it first. Without claims, every claim succeeds.
 */
export function claimDocument(claims: ReadingViewStore['claims'], id: string, by: keyof typeof OWNER): boolean {
  const slot = claims?.slots[id];
  if (slot === undefined) return true;
  const previous = Atomics.compareExchange(claims!.owners, slot, 0, OWNER[by]);
  return previous === 0 || previous === OWNER[by];
}

/** Claims shared by the worker and the pages for the views of `ids`. */
export function createViewClaims(ids: readonly string[]): NonNullable<ReadingViewStore['claims']> {
  return {
    slots: Object.fromEntries(ids.map((id, slot) => [id, slot])),
    owners: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, ids.length))),
  };
}

/** The file of a document's view, if the store knows the document. */
export function storedViewPath(store: ReadingViewStore, id: string): string | undefined {
  const key = store.keys[id];
  return key ? join(store.dir, `${key}.v8`) : undefined;
}

/** A stored view, or undefined if there is none (or it is damaged: its checksum fails). */
export function readStoredView(path: string): ReadingView | undefined {
  return readChecked<ReadingView>(path);
}

/**
 * Stores a view, with a checksum, under a temporary name of this thread's and renamed, so a
 * reader never sees half of one (the worker and the pages write views in the same process).
 */
export function writeStoredView(path: string, view: ReadingView): void {
  writeChecked(path, view);
}

/** Removes the stored views no document of `store` uses any more. */
export function pruneStoredViews(store: ReadingViewStore): void {
  mkdirSync(store.dir, { recursive: true });
  const used = new Set(Object.values(store.keys).map((key) => `${key}.v8`));
  for (const name of readdirSync(store.dir)) if (!used.has(name)) rmSync(join(store.dir, name), { force: true });
}
