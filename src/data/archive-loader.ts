import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'zod';
import { readEntry } from '../checker/read-entry.ts';
import { checkedFileDigest, offeredBuild } from '../build/handoff.ts';
import { formatProblem } from '../checker/problem.ts';

/**
 * An Astro content loader for one folder of the archive. It reads files with the checker's own
 * reader (so errors read the same as `npm run check`) and stores the frontmatter and the file's
 * path, not the body: a page reads its document's text from the file when it renders
 * (`src/data/archive.ts`), so the store of a 100,000-document archive holds metadata, not
 * gigabytes of text. Unchanged files keep their stored entry.
 *
 * In `npm run build` the documents do not go through the store at all (see `offeredByBuild`).
 */
export function archiveLoader(options: {
  root: string;
  folder: string;
  /** Which files of the folder belong to the collection. */
  accept: (name: string) => boolean;
  /** The entry id for a file name. */
  idOf: (name: string) => string;
  schema: z.core.$ZodType;
  /**
   * True for the documents: in `npm run build` the pages take their frontmatter from the
   * checker (`offeredBuild`), and the collection is left empty.
   */
  offeredByBuild?: boolean;
}): Loader {
  return {
    name: 'archive-loader',
    async load({ store, parseData, generateDigest, watcher, logger }) {
      if (options.offeredByBuild && offeredBuild()) {
        for (const id of store.keys()) store.delete(id);
        return;
      }
      const folder = join(options.root, options.folder);
      const sync = () => syncFolder(folder, { store, parseData, generateDigest });
      await sync();
      // In `npm run dev`, edits to the folder reload it (unchanged files are skipped by digest).
      if (watcher) {
        watcher.add(folder);
        // A broken edit is reported and the last good entries stay, so the server keeps running.
        const reload = (path: string) => {
          if (path.startsWith(folder)) sync().catch((error: Error) => logger.error(error.message));
        };
        watcher.on('change', reload);
        watcher.on('add', reload);
        watcher.on('unlink', reload);
      }
    },
  };

  async function syncFolder(
    folder: string,
    { store, parseData, generateDigest }: Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest'>,
  ): Promise<void> {
    let names: string[] = [];
    try {
      names = readdirSync(folder).filter(options.accept).sort();
    } catch {
      names = [];
    }
    const seen = new Set<string>();
    for (const name of names) {
      const path = join(folder, name);
      const id = options.idOf(name);
      seen.add(id);
      const filePath = relative(process.cwd(), path);
      // The digest covers the path (pages read the body from the stored path, so the same file in
      // another content folder is a new entry; Astro's store keeps an entry whose digest has not
      // changed) and the whole file, so that `npm run dev` reloads a page whose text was edited.
      // In `npm run build` the checker's digest of the file stands for its bytes, so an unchanged
      // file is not read again.
      const known = checkedFileDigest(path);
      let bytes = known === undefined ? readFileSync(path) : undefined;
      const digest = generateDigest(`${filePath}\u0000${known ?? bytes!.toString('latin1')}`);
      if (store.get(id)?.digest === digest) continue;
      bytes ??= readFileSync(path);
      const entry = readEntry(relative(process.cwd(), path), bytes, options.schema);
      const errors = entry.problems.filter((problem) => problem.severity === 'error');
      if (errors.length > 0 || !entry.raw) {
        throw new Error(`invalid content (run npm run check):\n${errors.map(formatProblem).join('\n')}`);
      }
      const data = await parseData({ id, data: entry.raw, filePath: path });
      store.set({ id, data, filePath, digest });
    }
    for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  }
}
