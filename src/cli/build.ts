// `npm run build [-- --content PATH] [--out DIR]`: check the content, build the site, index it.
// The checker runs first and stops the build on any error, so nothing broken is published.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'astro';
import { checkContent } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { formatProblem } from '../checker/problem.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { LANGUAGES } from '../i18n/index.ts';
import { buildArchiveIndex } from '../lib/archive-index.ts';
import { buildSearchRecord } from '../lib/search-records.ts';
import { indexRecords } from './index-search.ts';
import { renderSitemap } from '../lib/sitemap.ts';
import { readSiteAddress } from '../lib/site-config.ts';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const contentDir = resolveContentDir(args);
const outDir = resolve(option('--out') ?? 'dist');
if (!existsSync(contentDir)) {
  console.error(`content directory not found: ${contentDir} (set ARCHIVE_CONTENT or pass --content PATH)`);
  process.exit(1);
}

const started = performance.now();
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);

const checked = checkContent(loadContentFiles(contentDir));
for (const problem of checked.problems) console.error(formatProblem(problem));
if (checked.errors > 0) {
  console.error(`build stopped: ${checked.errors} errors in ${contentDir}; fix them (npm run check) and build again`);
  process.exit(1);
}
console.log(`checked ${contentDir}: 0 errors, ${checked.warnings} warnings`);

// content.config.ts reads the content directory from the environment.
process.env.ARCHIVE_CONTENT = contentDir;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Vite takes BASE_URL from the environment over the config's `base`; ours comes from ARCHIVE_BASE.
delete process.env.BASE_URL;
const siteStarted = performance.now();
await build({ root: process.cwd(), outDir, logLevel: 'warn' });
console.log(`site built in ${seconds(siteStarted)} s`);

// The sitemap lists every page that was built, with its other-language alternate.
const address = readSiteAddress();
const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('index.html') && !path.startsWith('pagefind'))
  .map((path) =>
    path
      .replace(/index\.html$/, '')
      .split('\\')
      .join('/'),
  );
const origin = new URL(address.base, address.site).href;
writeFileSync(join(outDir, 'sitemap.xml'), renderSitemap(pages, origin));
writeFileSync(join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${new URL('sitemap.xml', origin).href}\n`);
const indexStarted = performance.now();
const archive = buildArchiveIndex(checked.entries, process.env.ARCHIVE_DRAFTS === '1');
const records = LANGUAGES.flatMap((lang) =>
  archive.documents.map((doc) => buildSearchRecord(doc, lang, archive, checked.entries.translations.get(doc.id))),
);
const indexed = await indexRecords(outDir, records);
console.log(`search index: ${indexed} records in ${seconds(indexStarted)} s; total ${seconds(started)} s → ${outDir}`);
// --timings FILE: the phases' times as JSON, for `npm run bench` (src/cli/bench.ts).
const timings = option('--timings');
const s = (from: number, to = performance.now()) => Math.round(to - from) / 1000;
const phases = { check_s: s(started, siteStarted), site_s: s(siteStarted, indexStarted), index_s: s(indexStarted) };
if (timings) writeFileSync(timings, `${JSON.stringify({ ...phases, total_s: s(started), pages: pages.length })}\n`);
