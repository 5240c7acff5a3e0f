import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from './check-content.ts';

/**
 * Lists every file of a content tree (hidden files skipped), with its size, path and stat: the bytes
 * are read when the checker gets to the file (`contentBytes`), so a large archive is never in
 * memory whole. Files over the size limit are never read: the checker only says they are too big.
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
          path,
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
