// What `npm run build` hands to the pages it renders, in one object: Astro runs the pages in the
// same process but inside its own module graph (with instances of this module of its own), so
// the object is kept on the global object under one symbol. In `astro dev` and `astro check`
// nothing is offered and the pages load everything from the content files.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Document } from '../schema/index.ts';
import type { KeptResults } from './kept-results.ts';
import type { CitationStore } from './citation-store.ts';
import type { ReadingViewStore } from './reading-views.ts';

/** A document's frontmatter as the build's checker validated it, and where its file is. */
export interface CheckedDocument {
  data: Document;
  /** The file's path (absolute, or relative to the working directory). */
  path: string;
}

/** Everything the build gives its pages. */
export interface BuildHandoff {
  /** Every document's frontmatter, as the checker validated it. */
  documents: readonly CheckedDocument[];
  /** `digest([bytes])` (src/lib/digest.ts) of every file of the collections, by absolute path. */
  files: Map<string, string>;
  /** In an incremental build, the documents whose text or Git dates changed; undefined in a full build. */
  changed?: ReadonlySet<string>;
  /** Where the archive index keeps what it reads from texts, and the key it is valid for. */
  texts: { path: string; key: string };
  /** Where the worker leaves reading views, and who makes which. */
  views: ReadingViewStore;
  /** Where results that depend on one document's files are kept between builds (src/build/kept-results.ts). */
  results: KeptResults;
  /** Each document's fingerprint (its text, its translation's and its Git dates: `BuildState.documents`). */
  fingerprints: Readonly<Record<string, string>>;
  /**
   * Digests of what pages that show many documents are made from (`selectPagesByDigest`): the
   * last build's, from its record (undefined when it has none, or in a full build), and this
   * build's, filled in as the pages are chosen and written into its record.
   */
  pages: { previous?: Readonly<Record<string, string>>; next: Record<string, string> };
  /** Where formatted citations are kept, and which of them the pages used. */
  citations: CitationStore;
  /**
   * Where routes write downloads too large to hand to Astro as one body (`writeLargeDownload`),
   * at their paths in the site; the build moves them into the site after the render.
   */
  downloads: string;
}

const KEY = Symbol.for('soe-archive.build-handoff');

/**
 * Offers what `npm run build` has just read and checked to the pages of the same process, so
 * that a build reads and validates each content file once. The documents' frontmatter goes to
 * the pages directly rather than through Astro's content store, which Astro writes out whole,
 * bundles as one JavaScript string and parses again on every build (22 MB at 10,000 documents;
 * V8's longest string, 512 MB, at about 250,000).
 */
export function offerBuild(handoff: Omit<BuildHandoff, 'files'> & { files: Iterable<[string, string]> }): void {
  const files = new Map([...handoff.files].map(([path, digest]) => [resolve(path), digest]));
  (globalThis as Record<symbol, unknown>)[KEY] = { ...handoff, files } satisfies BuildHandoff;
}

/** What the build offered, if this process is `npm run build`. */
export function offeredBuild(): BuildHandoff | undefined {
  return (globalThis as Record<symbol, BuildHandoff | undefined>)[KEY];
}

/** `digest([bytes])` of a collection file as the build's checker read it (or knew it unchanged), if offered. */
export function checkedFileDigest(path: string): string | undefined {
  return offeredBuild()?.files.get(resolve(path));
}

/**
 * In `npm run build`, writes a route's download at `path` (its place in the site, such as
 * `data/texts.jsonl`) chunk by chunk into the build's downloads folder and returns true; the
 * route then answers with no body, and Astro writes no file for it. Astro takes a body whole
 * (the chunks, the body and its own copy of it: three times 337 MB for texts.jsonl at 10,000
 * documents, the build's peak of memory); written here no chunk outlives its write. Elsewhere
 * (`astro dev`) returns false, having written nothing.
 */
export function writeLargeDownload(path: string, chunks: Iterable<Uint8Array>): boolean {
  const handoff = offeredBuild();
  if (!handoff) return false;
  const file = join(handoff.downloads, path);
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  try {
    for (const chunk of chunks) {
      for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
    }
  } finally {
    closeSync(fd);
  }
  return true;
}
