// Incremental builds: what a build must render again, decided from fingerprints of what the
// pages are made of. A document's page depends on its own text, its translation and its Git
// dates (the fingerprint of each document), and on metadata shared by many pages: every
// frontmatter and entity (titles, neighbours, names), the code and the site's settings (the
// shared fingerprints). When only document texts changed, the pages of those documents are
// rendered again, with the pages of the entities they cite (which quote their texts; their
// feeds carry Git dates) and the few files made from every document (data downloads, the
// feeds of the whole archive); pages of metadata only are kept. When anything shared changed,
// everything is rendered.

/**
 * What a finished build was made from: the build record, written into the site last
 * (src/build/transaction.ts), so a site that has one is whole and was made from it.
 */
export interface BuildState {
  /** Bumped when the meaning of the fingerprints changes. */
  version: 2;
  /** The code, dependencies and settings the site was built with (`buildKey`). */
  code: string;
  /** Every frontmatter and entity file, and which files exist. */
  metadata: string;
  /** For each document id, its text, its translation's text and its Git dates. */
  documents: Record<string, string>;
  /**
   * For pages that show many documents' texts and are rendered again only when what they show
   * changed (`choosePagesByDigest`), the digest of what each was made from, by page key.
   */
  pages?: Record<string, string>;
}

/** What a build has to do. */
export type BuildPlan =
  { kind: 'full'; reason: string } | { kind: 'incremental'; changed: string[]; unchanged: number };

/**
 * Decides between a full and an incremental build. `previous` is the record of the output
 * folder (undefined if it has none that can be read).
 */
export function planBuild(previous: BuildState | undefined, current: BuildState): BuildPlan {
  if (!previous) return { kind: 'full', reason: 'no earlier build of this output folder' };
  if (previous.version !== current.version) return { kind: 'full', reason: 'the build state format changed' };
  if (previous.code !== current.code) return { kind: 'full', reason: 'the code, dependencies or settings changed' };
  if (previous.metadata !== current.metadata) {
    return { kind: 'full', reason: 'frontmatter, entities or the set of files changed' };
  }
  const changed = Object.keys(current.documents)
    .filter((id) => previous.documents[id] !== current.documents[id])
    .sort();
  return { kind: 'incremental', changed, unchanged: Object.keys(current.documents).length - changed.length };
}

/**
 * Of pages with a digest of what each is made from (undefined: not known, so always rendered),
 * those to render again: every one without a digest, or whose digest is not the one the last
 * build recorded (`previous`: undefined in a full build, or when the last record has none).
 */
export function choosePagesByDigest(
  digests: ReadonlyMap<string, string | undefined>,
  previous: Readonly<Record<string, string>> | undefined,
): Set<string> {
  const chosen = new Set<string>();
  for (const [key, value] of digests) if (value === undefined || previous?.[key] !== value) chosen.add(key);
  return chosen;
}
