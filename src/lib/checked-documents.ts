import { resolve } from 'node:path';
import type { Document } from '../schema/index.ts';

/** A document's frontmatter as the build's checker validated it, and where its file is. */
export interface CheckedDocument {
  data: Document;
  /** The file's path (absolute, or relative to the working directory). */
  path: string;
}

interface CheckedContent {
  documents: readonly CheckedDocument[];
  /** `digest([bytes])` (src/lib/build-plan.ts) of every file of the collections, by absolute path. */
  files: Map<string, string>;
}

// Kept on the global object: the content loader and the archive index run inside Astro's module
// graph, which has an instance of this module of its own, in the same process as the build command.
const KEY = Symbol.for('soe-archive.checked-documents');
const registry = (): CheckedContent | undefined => (globalThis as Record<symbol, CheckedContent | undefined>)[KEY];

/**
 * Offers what `npm run build` has just read and checked to the pages of the same process, so
 * that a build reads and validates each content file once: every document's frontmatter, and
 * the digest of every collection file's bytes. The documents' frontmatter then goes to the pages
 * directly rather than through Astro's content store, which Astro writes out whole, bundles
 * as one JavaScript string and parses again on every build (22 MB at 10,000 documents; V8's
 * longest string, 512 MB, at about 250,000).
 */
export function offerCheckedContent(
  documents: readonly CheckedDocument[],
  files: Iterable<[path: string, digest: string]>,
): void {
  const content: CheckedContent = {
    documents,
    files: new Map([...files].map(([path, digest]) => [resolve(path), digest])),
  };
  (globalThis as Record<symbol, unknown>)[KEY] = content;
}

/** The documents the build checked, if this process is `npm run build` (not `astro dev` or `astro check`). */
export function offeredDocuments(): readonly CheckedDocument[] | undefined {
  return registry()?.documents;
}

/** `digest([bytes])` of a collection file as the build's checker read it (or knew it unchanged), if offered. */
export function checkedFileDigest(path: string): string | undefined {
  return registry()?.files.get(resolve(path));
}
