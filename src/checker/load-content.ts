import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from './check-content.ts';

/**
 * Lists every file of a content tree (hidden files skipped), with its size, path and stat: the bytes
 * are read when the checker gets to the file (`contentBytes`), so a large archive is never in
 * memory whole. Files over the size limit are never read: the checker only says they are too big.
 * A symbolic link is followed only to a file inside the tree; one that loops, points to nothing,
 * leaves the tree or names a folder is listed with the reason it is refused (`refused`), which
 * the checker reports as an error: the walk never leaves the tree and never goes round in circles.
 */
export function loadContentFiles(root: string, cwd: string = process.cwd()): ContentFile[] {
  const files: ContentFile[] = [];
  const realRoot = realpathSync(root);
  const inside = (path: string) => path === realRoot || path.startsWith(realRoot + sep);
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const listed = {
        relative: relative(root, path).split(sep).join('/'),
        display: relative(cwd, path).split(sep).join('/') || path,
        path,
      };
      let stat = lstatSync(path);
      if (stat.isSymbolicLink()) {
        const refused = (message: string) => files.push({ ...listed, refused: message });
        let target: string;
        try {
          target = realpathSync(path);
          stat = statSync(target);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          refused(
            code === 'ELOOP'
              ? 'a symbolic link that leads back to itself (a loop): replace it with the file it should be, or delete it'
              : 'a symbolic link to a file that does not exist: replace it with the file, or delete it',
          );
          continue;
        }
        if (!inside(target)) {
          refused(
            `a symbolic link to ${target}, outside the content folder: the archive publishes only what is in it, so copy the file in (or delete the link)`,
          );
          continue;
        }
        if (stat.isDirectory()) {
          refused(
            `a symbolic link to the folder ${target}: folders are not followed through links; move the files into this folder, or delete the link`,
          );
          continue;
        }
      }
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        files.push({
          ...listed,
          size: stat.size,
          stat: {
            signature: `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}`,
            changedMs: Math.max(stat.mtimeMs, stat.ctimeMs),
          },
        });
      }
    }
  };
  walk(root);
  return files;
}
