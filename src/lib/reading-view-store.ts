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
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { ReadingView } from './reading-view.ts';

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
  const slot = store.claims?.slots[id];
  if (slot === undefined) return true;
  const previous = Atomics.compareExchange(store.claims!.owners, slot, 0, OWNER[by]);
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
  return key ? join(store.dir, `${key}.json`) : undefined;
}

/** A stored view, or undefined if there is none (or it cannot be read). */
export function readStoredView(path: string): ReadingView | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ReadingView;
  } catch {
    return undefined;
  }
}

/**
 * Stores a view: written under a temporary name of this thread's and renamed, so a reader never
 * sees half of one (the worker and the pages write views in the same process).
 */
export function writeStoredView(path: string, view: ReadingView): void {
  const partial = `${path}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, JSON.stringify(view));
  renameSync(partial, path);
}

/** Removes the stored views no document of `store` uses any more. */
export function pruneStoredViews(store: ReadingViewStore): void {
  mkdirSync(store.dir, { recursive: true });
  const used = new Set(Object.values(store.keys).map((key) => `${key}.json`));
  for (const name of readdirSync(store.dir)) if (!used.has(name)) rmSync(join(store.dir, name), { force: true });
}

// Kept on the global object: the pages run inside Astro's module graph, which has an instance
// of this module of its own, in the same process as the build command.
const KEY = Symbol.for('soe-archive.reading-views');

/** Tells the pages of this process where the build's worker leaves reading views. */
export function offerReadingViews(store: ReadingViewStore): void {
  (globalThis as Record<symbol, unknown>)[KEY] = store;
}

/** The store the build offered, if any (none in `astro dev` or `astro check`). */
export function offeredReadingViews(): ReadingViewStore | undefined {
  return (globalThis as Record<symbol, ReadingViewStore | undefined>)[KEY];
}
