// Results kept between builds in node_modules/.cache/soe-archive: the checker's per-file results
// (`CheckCache`) and what the archive index reads from each text (`TextFacts`). Each file maps
// keys, which cover everything a result depends on, to results, and holds only results of one
// `salt` (a fingerprint of the code that made them). A file that is missing, cut short, altered
// or written by other code is ignored whole: everything is then computed again, as without it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { digest } from '../lib/build-plan.ts';

/** Bumped when the stored layout changes. */
const FORMAT = 1;
const CHECKSUM_BYTES = 32;

/** Where the results called `name` are kept for one content directory (or other `scope`). */
export function resultCachePath(project: string, name: string, scope: string): string {
  return join(project, 'node_modules', '.cache', 'soe-archive', `${name}-${digest([resolve(scope)]).slice(0, 16)}.v8`);
}

/** The results kept at `path` by code with the fingerprint `salt`; empty when there are none to trust. */
export function readResultCache<T>(path: string, salt: string): Map<string, T> {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return new Map();
  }
  const payload = file.subarray(CHECKSUM_BYTES);
  const checksum = createHash('sha256').update(payload).digest();
  if (file.length <= CHECKSUM_BYTES || !checksum.equals(file.subarray(0, CHECKSUM_BYTES))) return new Map();
  try {
    const stored = deserialize(payload) as { format?: unknown; salt?: unknown; entries?: unknown };
    if (stored.format !== FORMAT || stored.salt !== salt || !(stored.entries instanceof Map)) return new Map();
    return stored.entries as Map<string, T>;
  } catch {
    return new Map();
  }
}

/** Keeps `entries`, made by code with the fingerprint `salt`, at `path`, replacing what was there. */
export function writeResultCache<T>(path: string, salt: string, entries: ReadonlyMap<string, T>): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const payload = serialize({ format: FORMAT, salt, entries });
  // Written beside and renamed, so that a build stopped halfway never leaves half a file.
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
  renameSync(partial, path);
}
