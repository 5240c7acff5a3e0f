import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from '../../src/checker/check-content.ts';

/** The small valid archive every checker case starts from. */
export const BASE_ARCHIVE = join(import.meta.dirname, '..', 'fixtures', 'archive');
/** One folder per checker case, holding only the files that differ from the base archive. */
export const CASES = join(import.meta.dirname, '..', 'fixtures', 'checker-cases');

function listFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Reads a content tree into memory, shown to editors as `content/<path>`. */
export function readTree(root: string): Map<string, Uint8Array> {
  return new Map(listFiles(root).map((path) => [relative(root, path).split(sep).join('/'), readFileSync(path)]));
}

/** Turns a map of relative paths to bytes into the checker's input. */
export function toContentFiles(tree: Map<string, Uint8Array>): ContentFile[] {
  return [...tree.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([relativePath, bytes]) => ({ relative: relativePath, display: `content/${relativePath}`, bytes }));
}

/** The base archive with one case's files laid over it. */
export function readCase(name: string): Map<string, Uint8Array> {
  const tree = readTree(BASE_ARCHIVE);
  for (const [path, bytes] of readTree(join(CASES, name))) tree.set(path, bytes);
  return tree;
}

/** Writes the base archive, with a case laid over it, to a fresh temporary folder. */
export function materialiseCase(name?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'archive-'));
  cpSync(BASE_ARCHIVE, dir, { recursive: true });
  if (name) cpSync(join(CASES, name), dir, { recursive: true });
  return dir;
}
