// `npm run build [-- --content PATH] [--out DIR] [--full]`: check the content, build the site,
// index it. The checker runs first and stops the build on any error, so nothing broken is
// published. When only document texts changed since the last build of the output folder, only
// the pages that show them are rendered again (src/lib/build-plan.ts, selectDocumentPages and
// the other select… functions of src/data/archive.ts); --full renders everything.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'astro';
import type { IndexJob } from './index-worker.ts';
import {
  fingerprintChecker,
  fingerprintCode,
  fingerprintContent,
  fingerprintFile,
  readBuildState,
  searchCacheDir,
  writeBuildState,
  type FilePrint,
} from './build-state.ts';
import { readResultCache, resultCachePath, writeResultCache } from './result-cache.ts';
import { digest, planBuild, type BuildPlan, type BuildState } from '../lib/build-plan.ts';
import { checkContent, type CheckCache, type CheckResult } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { formatProblem } from '../checker/problem.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { renderSitemap } from '../lib/sitemap.ts';
import { readPartBudget, readShardBudget } from '../lib/search-shards.ts';
import { readSiteAddress } from '../lib/site-config.ts';

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

// The checker reads each file once: unchanged files' results come from the checker cache
// (--full trusts nothing kept from earlier builds), and the content's fingerprints are taken
// from the same bytes.
const project = process.cwd();
const files = loadContentFiles(contentDir);
const prints = new Map<string, FilePrint>();
const checkerCode = fingerprintChecker(project);
const checkCachePath = resultCachePath(project, 'check', contentDir);
const checkCache: CheckCache = {
  salt: checkerCode,
  previous: args.includes('--full') ? new Map() : readResultCache(checkCachePath, checkerCode),
  next: new Map(),
};
// The validated entries are handed to the index worker and then dropped: the worker gets its
// own copy, and a large archive's text held here for the whole build would be one copy too many.
let entries: CheckResult['entries'] | undefined;
const checked = (() => {
  const { entries: all, ...report } = checkContent(files, {
    cache: checkCache,
    onRead: (file, bytes) => {
      const print = fingerprintFile(file, bytes);
      if (print) prints.set(file.relative, print);
    },
  });
  entries = all;
  return report;
})();
writeResultCache(checkCachePath, checkCache.salt, checkCache.next);
const checkerSeconds = (performance.now() - started) / 1000;
for (const problem of checked.problems) console.error(formatProblem(problem));
if (checked.errors > 0) {
  console.error(`build stopped: ${checked.errors} errors in ${contentDir}; fix them (npm run check) and build again`);
  process.exit(1);
}
console.log(`checked ${contentDir}: 0 errors, ${checked.warnings} warnings`);

const { search, ...content } = fingerprintContent(contentDir, files, prints);
const state: BuildState = { version: 1, code: fingerprintCode(project), ...content };
const plan: BuildPlan = args.includes('--full')
  ? { kind: 'full', reason: '--full' }
  : planBuild(readBuildState(project, outDir), state);
if (plan.kind === 'incremental' && plan.changed.length === 0) {
  console.log(`nothing changed since the last build of ${outDir} (npm run build -- --full builds it again)`);
  process.exit(0);
}
console.log(
  plan.kind === 'full'
    ? `full build: ${plan.reason}`
    : `incremental build: the text of ${plan.changed.length} of ${plan.changed.length + plan.unchanged} documents changed; only the pages that show what changed are rendered (--full renders all)`,
);
// An incremental build renders into a folder of its own (Astro empties the one it builds into)
// and its pages then replace their old versions in the output folder.
const siteDir = plan.kind === 'full' ? outDir : `${outDir}.partial-${process.pid}`;
// --full trusts nothing kept from earlier builds, the search index's parts included.
if (args.includes('--full')) rmSync(searchCacheDir(project, outDir), { recursive: true, force: true });
const changedList = `${outDir}.changed-${process.pid}.json`;
if (plan.kind === 'incremental') {
  writeFileSync(changedList, JSON.stringify(plan.changed));
  process.env.ARCHIVE_ONLY_DOCUMENTS = changedList;
}

// The archive index keeps what it reads from texts for the next build (src/data/archive.ts),
// valid for this code and these settings; --full trusts none of it.
const textCache = resultCachePath(project, 'texts', contentDir);
if (args.includes('--full')) rmSync(textCache, { force: true });
process.env.ARCHIVE_TEXT_CACHE = textCache;
process.env.ARCHIVE_TEXT_SALT = digest([state.code, process.version]);
// content.config.ts reads the content directory from the environment.
process.env.ARCHIVE_CONTENT = contentDir;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Vite takes BASE_URL from the environment over the config's `base`; ours comes from ARCHIVE_BASE.
delete process.env.BASE_URL;

// The search index is made from the checked entries, not from the HTML, so Pagefind (its own
// process, fed from a worker thread) indexes while Astro renders: on two cores the build takes
// about as long as the slower of the two instead of their sum. The same worker writes the
// citation files (`cite/`). Its output goes beside the output folder, which Astro empties, and
// moves in when both are done.
const bundle = `${outDir}.pagefind-${process.pid}`;
rmSync(bundle, { recursive: true, force: true });
const checkSeconds = (performance.now() - started) / 1000;
let siteSeconds = 0;
let indexSeconds = 0;
const indexStarted = performance.now();
const worker = new Worker(new URL('./index-worker.ts', import.meta.url), {
  workerData: {
    entries: entries!,
    drafts: process.env.ARCHIVE_DRAFTS === '1',
    site: bundle,
    shardBudget: readShardBudget(process.env),
    partBudget: readPartBudget(process.env),
    processes: Math.max(1, Number(process.env.ARCHIVE_INDEX_PROCESSES) || 2),
    address: readSiteAddress(),
    cache: {
      dir: searchCacheDir(project, outDir),
      salt: digest([state.code, search.entities]),
      documents: search.documents,
    },
  } satisfies IndexJob,
});
entries = undefined; // the worker has its copy
const indexing = new Promise<{ indexed: number; reused: number; merge_s: number }>((done, fail) => {
  worker.once('message', done);
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the search index worker stopped (exit code ${code})`)));
}).then((count) => {
  indexSeconds = (performance.now() - indexStarted) / 1000;
  return count;
});
const siteStarted = performance.now();
// If the site fails, the worker is stopped rather than left indexing.
await build({ root: project, outDir: siteDir, logLevel: 'warn' }).catch(async (error: unknown) => {
  await worker.terminate();
  throw error;
});
if (siteDir !== outDir) {
  const pages = moveFiles(siteDir, outDir).filter((path) => path.endsWith('.html')).length;
  console.log(`rendered ${pages} pages again`);
  rmSync(siteDir, { recursive: true, force: true });
  rmSync(changedList, { force: true });
}
siteSeconds = (performance.now() - siteStarted) / 1000;
// Astro is done: the worker may now run more than one Pagefind process.
worker.postMessage('site built');
// The worker's search index and citation files replace the last build's whole (shards of an
// earlier build with more of them would otherwise stay behind). Removing the old ones one file
// at a time (6,000 citation files at 2,000 documents, 30,000 at 10,000) took seconds once the
// index was done; they are moved aside now and removed while the index is still being made.
const stale = `${outDir}.stale-${process.pid}`;
mkdirSync(stale, { recursive: true });
for (const folder of readdirSync(outDir)) {
  if (/^(pagefind(-\d+)?|cite)$/.test(folder)) renameSync(join(outDir, folder), join(stale, folder));
}
const removing = rm(stale, { recursive: true, force: true });
const { indexed, reused, merge_s: mergeSeconds } = await indexing;
for (const folder of readdirSync(bundle)) renameSync(join(bundle, folder), join(outDir, folder));
rmSync(bundle, { recursive: true });
await removing;
console.log(
  `site built in ${siteSeconds.toFixed(1)} s; search index: ${indexed} records indexed${reused ? `, ${reused} kept from the last build` : ''} in ${indexSeconds.toFixed(1)} s (at the same time; merging ${mergeSeconds.toFixed(1)} s)`,
);

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
writeBuildState(project, outDir, state);
console.log(`built ${pages.length} pages in ${seconds(started)} s → ${outDir}`);
// --timings FILE: the phases' times as JSON, for `npm run bench` (src/cli/bench.ts). Site and
// index overlap in time, so total_s is less than their sum.
const timings = option('--timings');
if (timings) {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const phases = {
    check_s: checkerSeconds,
    plan_s: checkSeconds - checkerSeconds,
    site_s: siteSeconds,
    index_s: indexSeconds,
    total_s: Number(seconds(started)),
  };
  writeFileSync(
    timings,
    `${JSON.stringify({ ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)])), pages: pages.length })}\n`,
  );
}

/** Moves every file under `from` to the same place under `to`, replacing what is there; returns their paths under `to`. */
function moveFiles(from: string, to: string): string[] {
  const moved: string[] = [];
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(from, join(entry.parentPath, entry.name));
    mkdirSync(dirname(join(to, path)), { recursive: true });
    renameSync(join(entry.parentPath, entry.name), join(to, path));
    moved.push(path);
  }
  return moved;
}
