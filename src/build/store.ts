// What builds keep in node_modules/.cache/soe-archive: the checker's per-file results
// (`CheckCache`), what the archive index reads from each text (`TextFacts`), the content files'
// prints, the documents' reading views and the search index's parts. Every file is written
// beside its place and renamed (a build stopped halfway never leaves half a file) and carries a
// checksum of its contents: a file that is missing, cut short, emptied, altered or written by
// other code is ignored and its results computed again, as without it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { digest } from '../lib/digest.ts';

/** Bumped when the stored layout changes. */
const FORMAT = 2;
const CHECKSUM_BYTES = 32;

/** The folder of everything builds keep in `project`. */
export function cacheRoot(project: string): string {
  return join(project, 'node_modules', '.cache', 'soe-archive');
}

/** Where the results called `name` are kept for one content directory (or other `scope`). */
export function resultCachePath(project: string, name: string, scope: string): string {
  return join(cacheRoot(project), `${name}-${digest([resolve(scope)]).slice(0, 16)}.v8`);
}

/** Where the search index's parts and the reading views are kept between builds of one output folder. */
export function searchCacheDir(project: string, outDir: string): string {
  return join(cacheRoot(project), `search-${digest([resolve(outDir)]).slice(0, 16)}`);
}

/** Where results that depend on one document's files are kept between builds of one output folder (src/build/kept-results.ts). */
export function keptResultsDir(project: string, outDir: string): string {
  return join(cacheRoot(project), `results-${digest([resolve(outDir)]).slice(0, 16)}`);
}

/** Creates the kept results folder of `outDir` (if need be), labelled with the folder it serves. */
export function openKeptResultsDir(project: string, outDir: string): string {
  const dir = keptResultsDir(project, outDir);
  mkdirSync(dir, { recursive: true });
  writeFileAtomically(join(dir, CACHE_OWNER), resolve(outDir));
  return dir;
}

/**
 * Where a build leaves the site it replaced (`retire`, src/build/transaction.ts), for the next
 * build of the same output folder to delete while it renders: at 10,000 documents deleting its
 * 90,000 files took 3 to 4 s, the last seconds of every build. Labelled with its output folder.
 */
export function retiredDir(project: string, outDir: string): string {
  return join(cacheRoot(project), `retired-${digest([resolve(outDir)]).slice(0, 16)}`);
}

/** The file in a search cache folder that names its output folder, so that `pruneCacheLeftovers` can tell it is orphaned. */
export const CACHE_OWNER = 'owner.txt';

/** Creates the search cache folder of `outDir` (if need be), labelled with the folder it serves. */
export function openSearchCache(project: string, outDir: string): string {
  const dir = searchCacheDir(project, outDir);
  mkdirSync(dir, { recursive: true });
  writeFileAtomically(join(dir, CACHE_OWNER), resolve(outDir));
  return dir;
}

/** A temporary name beside `path`, unique to this process and thread. */
export function partialPath(path: string): string {
  return `${path}.${process.pid}-${threadId}.partial`;
}

/** Writes `bytes` at `path` through a temporary file and a rename. */
export function writeFileAtomically(path: string, bytes: Uint8Array | string): void {
  const partial = partialPath(path);
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}

/** Stores `value` at `path` with a checksum, written by rename. */
export function writeChecked(path: string, value: unknown): void {
  const payload = serialize({ format: FORMAT, value });
  writeFileAtomically(path, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
}

/** The value stored at `path` by `writeChecked`, or undefined when there is none to trust. */
export function readChecked<T>(path: string): T | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  if (file.length <= CHECKSUM_BYTES) return undefined;
  const payload = file.subarray(CHECKSUM_BYTES);
  if (!createHash('sha256').update(payload).digest().equals(file.subarray(0, CHECKSUM_BYTES))) return undefined;
  try {
    const stored = deserialize(payload) as { format?: unknown; value?: unknown };
    return stored.format === FORMAT ? (stored.value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The results kept at `path` under the key `salt`; empty when there are none to trust. */
export function readResultCache<T>(path: string, salt: string): Map<string, T> {
  const stored = readChecked<{ salt?: unknown; entries?: unknown }>(path);
  if (!stored || stored.salt !== salt || !(stored.entries instanceof Map)) return new Map();
  return stored.entries as Map<string, T>;
}

/** Keeps `entries`, made under the key `salt`, at `path`, replacing what was there. */
export function writeResultCache<T>(path: string, salt: string, entries: ReadonlyMap<string, T>): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeChecked(path, { salt, entries });
}

/** Files earlier versions kept in the cache folder and no build reads any more. */
const FORMER_FILES = new Set([
  // Formatted citations, one append-only file never pruned: now in the store (src/build/citation-store.ts).
  'formatted-citations.jsonl',
]);

/**
 * Deletes what no build can use any more from the cache folder `dir`: the temporary files of
 * writers that are gone (a build killed while writing a cache file; a live process's are left
 * alone, as it may be about to rename them), the search caches, kept results and retired sites
 * of output folders that no longer exist and are not being built (each test build into a
 * temporary folder leaves one), and the files of earlier versions (`FORMER_FILES`).
 */
export function pruneCacheLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code !== 'ESRCH';
    }
  };
  for (const name of names) {
    if (FORMER_FILES.has(name)) rmSync(join(dir, name), { force: true });
    const pid = /\.(\d+)-\d+\.partial$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) rmSync(join(dir, name), { force: true });
    if (name.startsWith('search-') || name.startsWith('results-') || name.startsWith('retired-')) {
      let owner: string;
      try {
        owner = readFileSync(join(dir, name, CACHE_OWNER), 'utf8');
      } catch {
        continue; // made by an earlier version: left alone
      }
      if (!existsSync(owner) && !existsSync(`${owner}.lock`)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}
