// The build as one transaction. Everything a build writes goes into one staging folder beside
// the output folder (`<out>.build/site`): empty for a full build, a hard-linked copy of the
// output folder for an incremental one (files are then replaced by rename, never written in
// place, so the published site is not touched). The build record (what the site was made from,
// src/build/plan.ts) is written into it last, and the staging folder then replaces the output
// folder by rename. So a site with a record is whole and was made from what the record says; an
// output folder without one is built in full; and a build stopped at any point leaves the
// published site as it was, or (stopped between the two renames of `commit`) a complete staging
// folder that the next build puts in place (`recover`).
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  type Stats,
} from 'node:fs';
import { shareFile } from './files.ts';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { BuildState } from './plan.ts';
import { CACHE_OWNER, writeFileAtomically } from './store.ts';

/** The build record's file in the site. */
export const RECORD = '.build-record.json';

/** The folders of a build of `out`: all inside `<out>.build`, which only a build holding the lock touches. */
export interface Workspace {
  root: string;
  /** The staging folder, which becomes the output folder. */
  site: string;
  /** Where an incremental build's Astro renders the pages that changed. */
  render: string;
  /** Where the index worker writes the search indexes and citation files. */
  index: string;
  /** Where routes write their large downloads (`writeLargeDownload`, src/build/handoff.ts). */
  downloads: string;
  /** Where the replaced output folder goes before it is deleted. */
  old: string;
}

export function workspace(out: string): Workspace {
  const root = `${out}.build`;
  return {
    root,
    site: join(root, 'site'),
    render: join(root, 'render'),
    index: join(root, 'index'),
    downloads: join(root, 'downloads'),
    old: join(root, 'old'),
  };
}

/** The record of the site in `dir`, or undefined when it has none that can be read. */
export function readRecord(dir: string): BuildState | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, RECORD), 'utf8')) as Partial<BuildState> | null;
    if (
      record?.version === 2 &&
      typeof record.code === 'string' &&
      typeof record.metadata === 'string' &&
      typeof record.documents === 'object' &&
      record.documents !== null &&
      Object.values(record.documents).every((value) => typeof value === 'string') &&
      (record.pages === undefined ||
        (typeof record.pages === 'object' &&
          record.pages !== null &&
          Object.values(record.pages).every((value) => typeof value === 'string')))
    ) {
      return record as BuildState;
    }
  } catch {
    // missing, cut short or not JSON: no record
  }
  return undefined;
}

/** Names of the temporary folders builds before December 2026 left beside the output folder. */
const LEGACY = /^\.(old|partial|index|stale)-\d+$|^\.changed-\d+\.json$/;

/**
 * Finishes or clears what an interrupted build of `out` left (under the lock): a complete staging
 * folder whose output folder was already moved away is put in place; anything else is deleted,
 * with the temporary folders of earlier versions of the build. Returns what it did, if anything.
 */
export function recover(out: string): string | undefined {
  const ws = workspace(out);
  let done: string | undefined;
  if (!existsSync(out) && readRecord(ws.site)) {
    renameSync(ws.site, out);
    done = `put in place the site an interrupted build had finished (${ws.site} → ${out})`;
  }
  rmSync(ws.root, { recursive: true, force: true });
  const parent = dirname(out);
  const name = basename(out);
  if (existsSync(parent)) {
    for (const entry of readdirSync(parent)) {
      if (entry.startsWith(name) && LEGACY.test(entry.slice(name.length))) {
        rmSync(join(parent, entry), { recursive: true, force: true });
      }
    }
  }
  return done;
}

/** Makes the workspace and its empty staging folder (an incremental build's is filled by `stageSite`). */
export function stage(ws: Workspace): void {
  mkdirSync(ws.root, { recursive: true });
  mkdirSync(ws.site);
}

/**
 * The top-level folders of a site that the index phase replaces whole with the index worker's
 * (src/build/run.ts): a staging folder needs no copy of them (at 10,000 documents some 35,000
 * files, linked only to be deleted).
 */
export const INDEX_FOLDERS = /^(pagefind(-[\w-]+)?|search-(zh|en)|trends-(zh|en))$/;

/** Whether a path inside a site (relative, with the platform's separator) is its record or inside an index folder. */
const leftOut = (path: string) => path === RECORD || INDEX_FOLDERS.test(path.split(sep)[0]!);

/** Whether `found` (what lstat gave for a path, if anything) is the very file at `path`. */
function isSameFile(found: Stats | undefined, path: string): boolean {
  if (!found?.isFile()) return false;
  const own = lstatSync(path);
  return found.ino === own.ino && found.dev === own.dev;
}

/** A staging folder's files, and how many of them were linked (the rest were there already). */
export interface Staged {
  files: number;
  linked: number;
}

/**
 * Makes the folder `copy` a hard-linked copy (files copied where links are refused) of the site
 * `out` but its record and its index folders (`INDEX_FOLDERS`), touching only what differs.
 * `copy` is either empty, or the site the last build replaced (`retire`): a hard-linked copy of
 * the one before it, with only what its build changed replaced by rename, so its other files are
 * still links to the very files of `out` (the same inode). At 10,000 documents a rebuild links a
 * few hundred files into it, where linking all 90,000 into an empty folder and deleting the
 * replaced site's 90,000 took some 20 s of the file system's work on two cores. A file is taken
 * as the same only when it is the same inode, so whatever state `copy` was left in (a build
 * stopped halfway through this), it comes out right. Top-level folders `out` has no use for (the
 * index folders above all) are moved into `trash` whole, to be deleted later off the build's way.
 */
export function syncSite(out: string, copy: string, trash: string): Staged {
  const own = new Set(readdirSync(out));
  for (const name of readdirSync(copy)) {
    if (INDEX_FOLDERS.test(name) || (!own.has(name) && lstatSync(join(copy, name)).isDirectory())) {
      mkdirSync(trash, { recursive: true });
      renameSync(join(copy, name), join(trash, `${name}-${process.pid}-${Date.now()}`));
    }
  }
  const wanted = new Set<string>();
  // The folders known to be in place, each asked for once (at 10,000 documents, asking again
  // for each of 90,000 files cost seconds).
  const made = new Set([copy]);
  let files = 0;
  let linked = 0;
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    const from = join(entry.parentPath, entry.name);
    const path = from.slice(out.length + 1);
    if (leftOut(path)) continue;
    const to = join(copy, path);
    if (entry.isDirectory()) {
      if (!lstatSync(to, { throwIfNoEntry: false })?.isDirectory()) {
        rmSync(to, { recursive: true, force: true });
        mkdirSync(to, { recursive: true });
      }
      made.add(to);
      wanted.add(path);
    } else if (entry.isFile()) {
      const found = lstatSync(to, { throwIfNoEntry: false });
      if (!isSameFile(found, from)) {
        if (found) rmSync(to, { recursive: true, force: true });
        if (!made.has(dirname(to))) {
          mkdirSync(dirname(to), { recursive: true });
          made.add(dirname(to));
        }
        shareFile(from, to);
        linked += 1;
      }
      wanted.add(path);
      files += 1;
    }
  }
  // What else `out` does not hold (its record among them) goes; a removed folder takes its contents.
  for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(copy.length + 1);
    if (!wanted.has(path)) rmSync(join(copy, path), { recursive: true, force: true });
  }
  return { files, linked };
}

/**
 * Fills the empty staging folder `site` of an incremental build with a copy of `out`
 * (`syncSite`): the site the last build replaced (`retired`), brought up to date and moved in,
 * or where there is none or it cannot be moved (another file system), `site` itself.
 */
export function stageSite(out: string, site: string, retired: string, trash: string): Staged {
  if (existsSync(retired)) {
    const staged = syncSite(out, retired, trash);
    try {
      rmdirSync(site);
      renameSync(retired, site);
      return staged;
    } catch {
      mkdirSync(site, { recursive: true });
    }
  }
  return syncSite(out, site, trash);
}

/**
 * Moves the site `commit` replaced into `dir` (`retiredDir`, src/build/store.ts), where the next
 * build of `out` deletes it while it renders (src/build/stage-worker.ts), instead of deleting its
 * files now. Where it cannot be moved there (another file system), it stays in the workspace,
 * which is deleted next.
 */
export function retire(out: string, ws: Workspace, dir: string): void {
  if (!existsSync(ws.old)) return;
  const site = join(dir, 'site');
  // Normally gone already: this build deleted it while rendering.
  rmSync(site, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileAtomically(join(dir, CACHE_OWNER), resolve(out));
  try {
    renameSync(ws.old, site);
  } catch {
    // deleted with the workspace
  }
}

/** Writes the record into the staging folder (last) and puts the staging folder in place of `out`. */
export function commit(out: string, ws: Workspace, state: BuildState): void {
  writeFileAtomically(join(ws.site, RECORD), `${JSON.stringify(state)}\n`);
  if (existsSync(out)) renameSync(out, ws.old);
  renameSync(ws.site, out);
}
