// The checker's per-file results kept between builds (`CheckCache` in src/checker/check-content.ts),
// in node_modules/.cache/soe-archive beside the build state, one file per content directory. A
// file that is missing, cut short, altered or written by other code is ignored as a whole: the
// checker then checks every file, as it would without a cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CheckCache } from '../checker/check-content.ts';
import { digest } from '../lib/build-plan.ts';

/** Bumped when the stored layout changes. */
const FORMAT = 1;
const CHECKSUM_BYTES = 32;

function cachePath(project: string, contentDir: string): string {
  return join(
    project,
    'node_modules',
    '.cache',
    'soe-archive',
    `check-${digest([resolve(contentDir)]).slice(0, 16)}.v8`,
  );
}

/**
 * The results kept by the last check of `contentDir` with the checker code `salt`
 * (`fingerprintChecker`), ready for `checkContent`; empty when there are none to trust.
 */
export function readCheckCache(project: string, contentDir: string, salt: string): CheckCache {
  const empty: CheckCache = { salt, previous: new Map(), next: new Map() };
  let file: Buffer;
  try {
    file = readFileSync(cachePath(project, contentDir));
  } catch {
    return empty;
  }
  const payload = file.subarray(CHECKSUM_BYTES);
  if (
    file.length <= CHECKSUM_BYTES ||
    !createHash('sha256').update(payload).digest().equals(file.subarray(0, CHECKSUM_BYTES))
  ) {
    return empty;
  }
  try {
    const stored = deserialize(payload) as { format?: unknown; salt?: unknown; entries?: unknown };
    if (stored.format !== FORMAT || stored.salt !== salt || !(stored.entries instanceof Map)) return empty;
    return { ...empty, previous: stored.entries as CheckCache['previous'] };
  } catch {
    return empty;
  }
}

/** Keeps this run's results (`cache.next`) for the next check of `contentDir`, replacing the last. */
export function writeCheckCache(project: string, contentDir: string, cache: CheckCache): void {
  const path = cachePath(project, contentDir);
  mkdirSync(join(path, '..'), { recursive: true });
  const payload = serialize({ format: FORMAT, salt: cache.salt, entries: cache.next });
  // Written beside and renamed, so that a build stopped halfway never leaves half a file.
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
  renameSync(partial, path);
}
