// Results a build keeps for the next one, each in a file named after a digest of everything it
// is made from (the build key, what kind of result it is, and its inputs: the digests of the
// files it reads and whatever else it depends on). A file that exists under that name is the
// result; one that is missing, damaged (its checksum fails) or from other code is made again.
// What depends only on one document (its line of /data/texts.jsonl, how much of it a
// translation covers) is kept this way, so that a rebuild after one edit makes it for that
// document only. Kept per output folder (`keptResultsDir`, which --full deletes), and the
// files no result of the last build used are removed after it (`pruneKeptResults`).
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey } from './key.ts';
import { CACHE_OWNER, readChecked, writeChecked } from './store.ts';

/** Where results are kept, the key they are valid for, and which this build used. */
export interface KeptResults {
  dir: string;
  /** The build key (src/build/key.ts). */
  key: string;
  /** The file names this build read or wrote, for `pruneKeptResults`. */
  used: Set<string>;
  /** How many results were read, and how many made. */
  read: number;
  made: number;
}

/** A store of results in `dir`, valid for the build key `key`. */
export function openKeptResults(dir: string, key: string): KeptResults {
  return { dir, key, used: new Set(), read: 0, made: 0 };
}

/**
 * The result of `make` for `inputs` (everything it depends on besides the code and settings):
 * read from `store` when kept, else made and kept. Without a store, simply made.
 */
export function keepResult<T>(
  store: KeptResults | undefined,
  kind: string,
  inputs: readonly (string | Uint8Array)[],
  make: () => T,
): T {
  if (!store) return make();
  const name = `${cacheKey(store.key, ['kept result', kind, ...inputs])}.v8`;
  store.used.add(name);
  const path = join(store.dir, name);
  const kept = readChecked<{ value: T }>(path);
  if (kept) {
    store.read += 1;
    return kept.value;
  }
  const value = make();
  store.made += 1;
  try {
    writeChecked(path, { value });
  } catch (error) {
    // The next build makes it again; this one has it.
    console.warn(`could not keep a result (${kind}): ${(error as Error).message}`);
  }
  return value;
}

/** Removes the kept results this build did not use: what no document of the archive is made from any more. */
export function pruneKeptResults(store: KeptResults): void {
  let names: string[];
  try {
    names = readdirSync(store.dir);
  } catch {
    return;
  }
  for (const name of names)
    if (name !== CACHE_OWNER && !store.used.has(name)) rmSync(join(store.dir, name), { force: true });
}
