// Where the built site will be published, set once in a committed place: the `homepage` of
// package.json (`https://example.org/soe-archive/` gives the origin and the base path). The
// environment (ARCHIVE_SITE_URL, ARCHIVE_BASE) overrides it, for a preview or a test. A build
// without either still works, for a look on this machine, but its sitemap, robots.txt, feeds,
// canonical links, JSON-LD and citations then name http://localhost:4321: it says so at the end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The address the site uses when none is set (`readSiteAddress`). */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/**
 * Reads `homepage` from the project's package.json into ARCHIVE_SITE_URL and ARCHIVE_BASE,
 * unless the environment sets ARCHIVE_SITE_URL itself. Throws, naming the file, on a homepage
 * that is not an http(s) URL.
 */
export function applyCommittedSite(project: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.ARCHIVE_SITE_URL?.trim()) return;
  const file = join(project, 'package.json');
  const homepage = (JSON.parse(readFileSync(file, 'utf8')) as { homepage?: unknown }).homepage;
  if (homepage === undefined || homepage === '') return;
  const url = typeof homepage === 'string' && URL.canParse(homepage) ? new URL(homepage) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new Error(
      `${file}: "homepage" must be the address the site is published at, e.g. "https://example.org/soe-archive/"; it is ${JSON.stringify(homepage)}`,
    );
  }
  env.ARCHIVE_SITE_URL = url.origin;
  env.ARCHIVE_BASE ??= url.pathname;
}

/**
 * The warning a build ends with when no site address is set (neither package.json's
 * `homepage` nor ARCHIVE_SITE_URL), or undefined when one is.
 */
export function describeUnsetSite(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ARCHIVE_SITE_URL?.trim()) return undefined;
  const rule = '!'.repeat(78);
  return [
    rule,
    `!! NO SITE ADDRESS SET: this build names ${LOCAL_SITE_URL} in sitemap.xml, robots.txt,`,
    '!! the feeds, canonical links, JSON-LD and citations. Fine to look at it here; do not publish it.',
    '!! Set the address once, in package.json: "homepage": "https://example.org/soe-archive/"',
    '!! (origin and base path), commit it and build again; ARCHIVE_SITE_URL overrides it.',
    rule,
  ].join('\n');
}

/** Prints `describeUnsetSite`'s warning to stderr, if there is one. */
export function warnIfNoSite(env: NodeJS.ProcessEnv = process.env): void {
  const warning = describeUnsetSite(env);
  if (warning) console.warn(`\n${warning}`);
}
