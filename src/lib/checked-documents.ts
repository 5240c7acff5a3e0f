import { resolve } from 'node:path';
import type { Document } from '../schema/index.ts';

/** A document's frontmatter as the build's checker validated it, and digests of its file. */
export interface CheckedDocument {
  data: Document;
  /** `digest([bytes])` (src/lib/build-plan.ts) of the file as the build read it. */
  digest: string;
  /** The digest of its frontmatter's text, which is all that `data` is made from. */
  frontmatter: string;
}

interface CheckedContent {
  documents: Map<string, CheckedDocument>;
  /** `digest([bytes])` of every document and translation file, by absolute path. */
  files: Map<string, string>;
}

// Kept on the global object: the content loader and the archive index run inside Astro's module
// graph, which has an instance of this module of its own, in the same process as the build command.
const KEY = Symbol.for('soe-archive.checked-documents');
const registry = (): CheckedContent | undefined => (globalThis as Record<symbol, CheckedContent | undefined>)[KEY];

/**
 * Offers what `npm run build` has just read and checked, by file path, to the content loader and
 * the archive index of the same process, so that a build reads each content file once: the
 * documents' validated frontmatter, and the digest of every text file's bytes.
 */
export function offerCheckedContent(
  documents: Iterable<[path: string, document: CheckedDocument]>,
  files: Iterable<[path: string, digest: string]>,
): void {
  const content: CheckedContent = {
    documents: new Map([...documents].map(([path, doc]) => [resolve(path), doc])),
    files: new Map([...files].map(([path, digest]) => [resolve(path), digest])),
  };
  (globalThis as Record<symbol, unknown>)[KEY] = content;
}

/** The checked document of a file, if the build offered one; each is handed out once. */
export function takeCheckedDocument(path: string): CheckedDocument | undefined {
  const key = resolve(path);
  const doc = registry()?.documents.get(key);
  registry()?.documents.delete(key);
  return doc;
}

/** `digest([bytes])` of a document or translation file as the build's checker read it, if offered. */
export function checkedFileDigest(path: string): string | undefined {
  return registry()?.files.get(resolve(path));
}
