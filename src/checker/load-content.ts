import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from './check-content.ts';
import { MAX_BYTES } from './read-entry.ts';

/**
 * Reads every file of a content tree (hidden files skipped). Files over the size limit are not
 * read whole: the checker only needs to know they are too big.
 */
export function loadContentFiles(root: string, cwd: string = process.cwd()): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        files.push({
          relative: relative(root, path).split(sep).join('/'),
          display: relative(cwd, path).split(sep).join('/') || path,
          bytes: stat.size > MAX_BYTES ? new Uint8Array(0) : readFileSync(path),
          size: stat.size,
        });
      }
    }
  };
  walk(root);
  return files;
}
