import { resolve } from 'node:path';
import type { Document } from '../schema/index.ts';

/** A document's frontmatter as the build's checker validated it, and the digest of its file's bytes. */
export interface CheckedDocument {
  data: Document;
  /** `digest([bytes])` (src/lib/build-plan.ts) of the file as the build read it. */
  digest: string;
}

// Kept on the global object: the content loader runs inside Astro's module graph, which has an
// instance of this module of its own, in the same process as the build command.
const KEY = Symbol.for('soe-archive.checked-documents');
const registry = (): Map<string, CheckedDocument> | undefined =>
  (globalThis as Record<symbol, Map<string, CheckedDocument> | undefined>)[KEY];

/**
 * Offers the documents `npm run build` has just checked, by file path, to the content loader
 * of the same process, so that a cold build does not read and validate every document twice.
 */
export function offerCheckedDocuments(documents: Iterable<[path: string, document: CheckedDocument]>): void {
  (globalThis as Record<symbol, unknown>)[KEY] = new Map([...documents].map(([path, doc]) => [resolve(path), doc]));
}

/** The checked document of a file, if the build offered one; each is handed out once. */
export function takeCheckedDocument(path: string): CheckedDocument | undefined {
  const key = resolve(path);
  const doc = registry()?.get(key);
  registry()?.delete(key);
  return doc;
}
