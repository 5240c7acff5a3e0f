// The one key every cache of the build is made under: a digest of the code (sources,
// dependencies, Node) and of every setting the settings schema knows (src/schema/settings.ts).
// Every cache key mixes it in through `cacheKey`, so a change to the code or to any setting,
// including one added later, makes every kept result unusable rather than silently stale.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { digest } from '../lib/digest.ts';
import type { SiteSettings } from '../schema/settings.ts';

/** What the site's bytes depend on besides the content and the settings. */
const CODE_PATHS = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

/** The key of the code in `project` and the parsed `settings`: what every cache entry is valid for. */
export function buildKey(project: string, settings: SiteSettings): string {
  const files = CODE_PATHS.flatMap((path) => listFiles(join(project, path)));
  const entries = Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return digest([
    'soe-archive build key 1',
    process.version,
    JSON.stringify(entries),
    ...files.flatMap((file) => [relative(project, file).split(sep).join('/'), readFileSync(file)]),
  ]);
}

/** The key of one cache entry: the build key and what the entry is made from. */
export function cacheKey(key: string, parts: Iterable<string | Uint8Array>): string {
  return digest([key, ...parts]);
}
