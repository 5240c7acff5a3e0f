// `npm run build [-- --content PATH] [--out DIR] [--full]`: check the content, build the site,
// index it. The checker runs first and stops the build on any error, so nothing broken is
// published. When only document texts changed since the last build of the output folder, only
// the pages that show them are rendered again (src/lib/build-plan.ts, selectDocumentPages and
// the other select… functions of src/data/archive.ts); --full renders everything.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { enableCompileCache } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { IndexJob, IndexResult } from './index-worker.ts';
import {
  createViewClaims,
  offerReadingViews,
  READING_VIEWS,
  type ReadingViewStore,
} from '../lib/reading-view-store.ts';
import {
  fingerprintChecker,
  fingerprintCode,
  fingerprintContent,
  fingerprintFile,
  keepPrints,
  readBuildState,
  searchCacheDir,
  writeBuildState,
  takeKeptPrints,
  type FilePrint,
  type KeptPrint,
} from './build-state.ts';
import { readResultCache, resultCachePath, writeResultCache } from './result-cache.ts';
import { digest, planBuild, type BuildPlan, type BuildState } from '../lib/build-plan.ts';
import { checkContent, type CheckCache, type CheckResult } from '../checker/check-content.ts';
import { offerCheckedContent } from '../lib/checked-documents.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { formatProblem } from '../checker/problem.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import { renderSitemap } from '../lib/sitemap.ts';
import { readPartBudget } from './write-search-index.ts';
import { readSiteAddress } from '../lib/site-config.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const contentDir = resolveContentDir(args);
/** --full: build everything, trusting nothing kept from earlier builds. */
const full = args.includes('--full');
const outDir = resolve(option('--out') ?? 'dist');
if (!existsSync(contentDir)) {
  console.error(`content directory not found: ${contentDir} (set ARCHIVE_CONTENT or pass --content PATH)`);
  process.exit(1);
}

const project = process.cwd();
const code = fingerprintCode(project);
// Node keeps the compiled code of Astro, Vite and the site's bundle between builds (checked
// against each file's contents), so they load faster than on a first build: about half a
// second of a rebuild after one edit at 10,000 documents. Node never prunes that cache, so it
// is kept per version of the code and the other versions' are deleted (NODE_COMPILE_CACHE
// puts it elsewhere, NODE_DISABLE_COMPILE_CACHE turns it off). Astro is loaded after this.
const compileCaches = join(project, 'node_modules', '.cache', 'soe-archive', 'compile');
const compileCache = code.slice(0, 16);
if (existsSync(compileCaches)) {
  for (const name of readdirSync(compileCaches)) {
    if (name !== compileCache) rmSync(join(compileCaches, name), { recursive: true, force: true });
  }
}
enableCompileCache(process.env.NODE_COMPILE_CACHE ?? join(compileCaches, compileCache));
const { build } = await import('astro');

const started = performance.now();
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);

// Each file is read at most once: the checker reads it, and the content's fingerprints are
// taken from the same bytes. A file whose stat is as the last build saw it is not read at all
// (src/cli/build-state.ts, `takeKeptPrints`): its print and digest are kept, and the checker's
// result for that digest too. --full trusts nothing kept from earlier builds.
const startedAt = Date.now();
const files = loadContentFiles(contentDir);
const prints = new Map<string, FilePrint>();
const printCachePath = resultCachePath(project, 'prints', contentDir);
if (!full) takeKeptPrints(files, readResultCache<KeptPrint>(printCachePath, code), prints);
const checkerCode = fingerprintChecker(project);
const checkCachePath = resultCachePath(project, 'check', contentDir);
const checkCache: CheckCache = {
  salt: checkerCode,
  previous: full ? new Map() : readResultCache(checkCachePath, checkerCode),
  next: new Map(),
};
// The validated entries are handed to the index worker and then dropped: the worker gets its
// own copy, and a large archive's text held here for the whole build would be one copy too many.
let entries: CheckResult['entries'] | undefined;
const checked = (() => {
  const { entries: all, ...report } = checkContent(files, {
    cache: checkCache,
    onRead: (file, bytes, digest) => {
      const print = fingerprintFile(file, bytes, digest);
      if (print) prints.set(file.relative, print);
    },
  });
  entries = all;
  return report;
})();
writeResultCache(checkCachePath, checkCache.salt, checkCache.next);
// Kept no longer than needed: a larger heap makes every collection in Astro's thread slower.
checkCache.previous = new Map();
checkCache.next.clear();
const checkerSeconds = (performance.now() - started) / 1000;
for (const problem of checked.problems) console.error(formatProblem(problem));
if (checked.errors > 0) {
  console.error(`build stopped: ${checked.errors} errors in ${contentDir}; fix them (npm run check) and build again`);
  process.exit(1);
}
console.log(`checked ${contentDir}: 0 errors, ${checked.warnings} warnings`);

const { search, ...content } = fingerprintContent(contentDir, files, prints);
writeResultCache(printCachePath, code, keepPrints(files, prints, startedAt));
const state: BuildState = { version: 1, code, ...content };
const plan: BuildPlan = full ? { kind: 'full', reason: '--full' } : planBuild(readBuildState(project, outDir), state);
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
if (full) rmSync(searchCacheDir(project, outDir), { recursive: true, force: true });
const changedList = `${outDir}.changed-${process.pid}.json`;
// Astro empties the folder it builds into file by file, on the thread that then renders: the
// 15,000 files of a 2,000-document site took 2 to 7 s before the first page. A full build moves
// the old site aside instead and deletes it while Astro works.
const oldSite = `${outDir}.old-${process.pid}`;
const removingOldSite = (() => {
  if (siteDir !== outDir || !existsSync(outDir)) return Promise.resolve();
  try {
    renameSync(outDir, oldSite);
  } catch {
    return Promise.resolve(); // e.g. a mount point: Astro empties it as before
  }
  return rm(oldSite, { recursive: true, force: true }).catch((error: Error) =>
    console.warn(`could not delete the previous site in ${oldSite}: ${error.message}`),
  );
})();
if (plan.kind === 'incremental') {
  writeFileSync(changedList, JSON.stringify(plan.changed));
  process.env.ARCHIVE_ONLY_DOCUMENTS = changedList;
}

// The archive index keeps what it reads from texts for the next build (src/data/archive.ts),
// valid for this code and these settings; --full trusts none of it.
const textCache = resultCachePath(project, 'texts', contentDir);
if (full) rmSync(textCache, { force: true });
process.env.ARCHIVE_TEXT_CACHE = textCache;
process.env.ARCHIVE_TEXT_SALT = digest([state.code, process.version]);
// content.config.ts reads the content directory from the environment.
process.env.ARCHIVE_CONTENT = contentDir;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Vite takes BASE_URL from the environment over the config's `base`; ours comes from ARCHIVE_BASE.
delete process.env.BASE_URL;

// The search indexes are made from the checked entries, not from the HTML, so a worker thread
// writes them while Astro renders: on two cores the build takes
// about as long as the slower of the two instead of their sum. The same worker writes the
// citation files (`cite/`). Its output goes beside the output folder, which Astro empties, and
// moves in when both are done.
const bundle = `${outDir}.index-${process.pid}`;
rmSync(bundle, { recursive: true, force: true });
const checkSeconds = (performance.now() - started) / 1000;
let siteSeconds = 0;
let indexSeconds = 0;
const indexStarted = performance.now();
// The worker first makes documents' reading views, from the last Astro renders backwards,
// while the pages make them from the first (src/lib/reading-view-store.ts): the two threads
// share that work by how fast each goes.
const views: ReadingViewStore = {
  dir: join(searchCacheDir(project, outDir), READING_VIEWS),
  keys: Object.fromEntries(
    Object.entries(search.documents).map(([id, inputs]) => [
      id,
      digest(['reading view', state.code, search.entities, inputs.zh, inputs.en]),
    ]),
  ),
  claims: createViewClaims(Object.keys(search.documents)),
};
offerReadingViews(views);
const worker = new Worker(new URL('./index-worker.ts', import.meta.url), {
  workerData: {
    entries: entries!,
    drafts: process.env.ARCHIVE_DRAFTS === '1',
    site: bundle,
    partBudget: readPartBudget(process.env),
    address: readSiteAddress(),
    citations: plan.kind === 'full',
    cache: {
      dir: searchCacheDir(project, outDir),
      salt: digest([state.code, search.entities]),
      documents: search.documents,
    },
    views,
  } satisfies IndexJob,
});
// The pages take the documents' frontmatter as the checker validated it, not from Astro's
// content store (src/lib/checked-documents.ts); the content loader and the archive index know
// unchanged files by the digests the checker took, without reading them (src/data/).
offerCheckedContent(
  entries!.documents.map(({ file, characters: _characters, ...data }) => ({ data, path: file.path! })),
  [...prints].flatMap(([relative, print]) => {
    const bytes = print.text?.bytes ?? print.entity;
    return bytes ? [[join(contentDir, relative), bytes] as const] : [];
  }),
);
entries = undefined; // the worker has its copy
const indexing = new Promise<IndexResult>((done, fail) => {
  worker.once('message', done);
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the search index worker stopped (exit code ${code})`)));
}).then((count) => {
  indexSeconds = (performance.now() - indexStarted) / 1000;
  return count;
});
const siteStarted = performance.now();
// CPU time of this thread (Astro renders here; the index has its own thread): on a shared
// machine it moves far less than wall time, so it is what to compare between two builds.
const siteCpuStarted = process.threadCpuUsage();
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
await removingOldSite;
siteSeconds = (performance.now() - siteStarted) / 1000;
const siteCpu = process.threadCpuUsage(siteCpuStarted);
const siteCpuSeconds = (siteCpu.user + siteCpu.system) / 1e6;
// The worker's search indexes and citation files replace the last build's whole (and the
// Pagefind shards of builds before 2026-11). Removing the old ones one file at a time (30,000
// citation files at 10,000 documents) took seconds once the indexes were done; they are moved
// aside now and removed while the indexes are still being made.
const stale = `${outDir}.stale-${process.pid}`;
mkdirSync(stale, { recursive: true });
for (const folder of readdirSync(outDir)) {
  // An incremental build keeps the citation files: they are made from frontmatter only.
  const replaced =
    plan.kind === 'full'
      ? /^(pagefind(-[\w-]+)?|cite|(search|trends)-(zh|en))$/
      : /^(pagefind(-[\w-]+)?|(search|trends)-(zh|en))$/;
  if (replaced.test(folder)) renameSync(join(outDir, folder), join(stale, folder));
}
const removing = rm(stale, { recursive: true, force: true });
const indexed = await indexing;
for (const folder of readdirSync(bundle)) renameSync(join(bundle, folder), join(outDir, folder));
rmSync(bundle, { recursive: true });
await removing;
console.log(
  `reading views: the pages read ${views.read ?? 0} made ahead by the worker and made ${views.made ?? 0} themselves`,
);
const describeIndex = (lang: 'zh' | 'en', name: string) => {
  const { indexed: written, reused, parts, buckets, whole } = indexed[lang];
  return `${name}: ${written + reused} documents in ${parts} parts${reused ? `, ${reused} of them kept from the last build` : ''}, ${buckets} buckets${whole ? ' (kept whole)' : ''}`;
};
console.log(
  `site built in ${siteSeconds.toFixed(1)} s; search indexes in ${indexSeconds.toFixed(1)} s (at the same time): ${describeIndex('zh', 'Chinese index')}; ${describeIndex('en', 'English index')}`,
);

// The sitemap lists every page that was built, with its other-language alternate. An
// incremental build runs only when no frontmatter, entity or content file was added, removed or
// changed, so the site has the same pages as the last build and its sitemap stands: listing them
// walks the whole output folder (about a second at 10,000 documents).
const address = readSiteAddress();
const sitemap = join(outDir, 'sitemap.xml');
let pageCount: number | undefined;
if (plan.kind === 'full' || !existsSync(sitemap)) {
  const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('index.html'))
    .map((path) =>
      path
        .replace(/index\.html$/, '')
        .split('\\')
        .join('/'),
    );
  pageCount = pages.length;
  const origin = new URL(address.base, address.site).href;
  writeFileSync(sitemap, renderSitemap(pages, origin));
  writeFileSync(
    join(outDir, 'robots.txt'),
    `User-agent: *\nAllow: /\nSitemap: ${new URL('sitemap.xml', origin).href}\n`,
  );
}
writeBuildState(project, outDir, state);
console.log(
  pageCount === undefined
    ? `built in ${seconds(started)} s → ${outDir}`
    : `built ${pageCount} pages in ${seconds(started)} s → ${outDir}`,
);
// --timings FILE: the phases' times as JSON, for `npm run bench` (src/cli/bench.ts). Site and
// index overlap in time, so total_s is less than their sum.
const timings = option('--timings');
if (timings) {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const phases = {
    check_s: checkerSeconds,
    plan_s: checkSeconds - checkerSeconds,
    site_s: siteSeconds,
    site_cpu_s: siteCpuSeconds,
    index_s: indexSeconds,
    total_s: Number(seconds(started)),
  };
  writeFileSync(
    timings,
    `${JSON.stringify({ ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)])), pages: pageCount })}\n`,
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
