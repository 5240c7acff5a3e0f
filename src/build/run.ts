// `npm run build`, phase by phase. Each phase says its name on stdout (`phase: check`, …), so
// what a build was doing when it stopped is known (and the fault-injection audit,
// src/cli/audit-faults.ts, stops builds at each). The whole build is one transaction
// (src/build/transaction.ts): nothing reaches the output folder until the last phase.
//
//   lock     take `<out>.lock`, finish or clear what an interrupted build left
//   check    run the checker (its results kept by file digest), stop on any error
//   plan     fingerprint the content, compare with the output folder's record: full,
//            incremental (which documents' texts changed) or nothing to do
//   stage    the staging folder: empty, or a hard-linked copy of the output folder
//   render   Astro renders the pages while a worker thread writes the search indexes and
//            citation files (src/build/index-worker.ts)
//   index    the worker's output replaces the last build's in the staging folder
//   sitemap  sitemap.xml and robots.txt (a full build: an incremental one adds no page)
//   commit   the build record goes into the staging folder, which replaces the output folder
//   prune    the replaced folder is kept aside for the next build to delete while it renders,
//            and the workspace is deleted
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { enableCompileCache } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { BuildSettings } from '../schema/settings.ts';
import { checkAhead } from '../checker/check-ahead.ts';
import { checkContent, type CheckCache, type CheckResult, type FileFacts } from '../checker/check-content.ts';
import { loadContentFiles } from '../checker/load-content.ts';
import { formatProblem } from '../checker/problem.ts';
import { renderSitemap } from '../lib/sitemap.ts';
import { readSiteAddress } from '../lib/site-config.ts';
import {
  fingerprintContent,
  fingerprintFile,
  keepPrints,
  takeKeptPrints,
  type FilePrint,
  type KeptPrint,
} from './fingerprints.ts';
import { FORMATTED_CITATIONS, pruneStoredCitations, type CitationStore } from './citation-store.ts';
import { offerBuild, type BuildHandoff } from './handoff.ts';
import { openKeptResults, pruneKeptResults } from './kept-results.ts';
import type { IndexJob, IndexResult } from './index-worker.ts';
import type { StageJob, StageMessage } from './stage-worker.ts';
import { buildKey, cacheKey } from './key.ts';
import { takeLock } from './lock.ts';
import { planBuild, type BuildPlan, type BuildState } from './plan.ts';
import { createViewClaims, READING_VIEWS, type ReadingViewStore } from './reading-views.ts';
import {
  cacheRoot,
  pruneCacheLeftovers,
  readResultCache,
  resultCachePath,
  openSearchCache,
  searchCacheDir,
  keptResultsDir,
  openKeptResultsDir,
  retiredDir,
  writeFileAtomically,
  writeResultCache,
} from './store.ts';
import { commit, INDEX_FOLDERS, readRecord, recover, retire, stage, workspace, type Staged } from './transaction.ts';
import { readPartBudget } from './write-search-index.ts';

/** The phases a build goes through, in order (see the top of this file). */
export const PHASES = ['lock', 'check', 'plan', 'stage', 'render', 'index', 'sitemap', 'commit', 'prune'] as const;
export type Phase = (typeof PHASES)[number];

const announce = (phase: Phase, what: string) => console.log(`phase: ${phase} (${what})`);

/** Builds the site; returns the process's exit code. */
export async function runBuild(settings: BuildSettings, project: string): Promise<number> {
  const { content: contentDir, out: outDir, full } = settings;
  const started = performance.now();
  const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);

  // ── lock ──
  announce('lock', outDir);
  mkdirSync(dirname(outDir), { recursive: true });
  const release = takeLock(`${outDir}.lock`, outDir);
  process.once('exit', release);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`build stopped (${signal}); ${outDir} is as the last finished build left it`);
      release();
      process.exit(code);
    });
  }
  const recovered = recover(outDir);
  if (recovered) console.log(recovered);
  const ws = workspace(outDir);

  const key = buildKey(project, settings.site);
  loadAstroCompiled(project, key);
  const { build } = await import('astro');

  // ── check ──
  // Each file is read at most once: the checker reads it, and the content's fingerprints are
  // taken from the same bytes. A file whose stat is as the last build saw it is not read at all
  // (`takeKeptPrints`): its print and digest are kept, and the checker's result for that digest
  // too. --full trusts nothing kept from earlier builds.
  announce('check', contentDir);
  // The phases' times (--timings) start here, after the lock and Astro's loading, as before.
  const checkStarted = performance.now();
  const startedAt = Date.now();
  const files = loadContentFiles(contentDir);
  const prints = new Map<string, FilePrint>();
  const printCachePath = resultCachePath(project, 'prints', contentDir);
  if (!full) takeKeptPrints(files, readResultCache<KeptPrint>(printCachePath, key), prints);
  const checkCachePath = resultCachePath(project, 'check', contentDir);
  const previousFacts: Map<string, FileFacts> = full ? new Map() : readResultCache(checkCachePath, key);
  // A large check (a first or --full build, or one after the entities changed) runs on both
  // cores: the results of files checked on their own are made ahead, half on a worker.
  await checkAhead(files, key, previousFacts);
  const checkCache: CheckCache = { salt: key, previous: previousFacts, next: new Map() };
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
  writeResultCache(checkCachePath, key, checkCache.next);
  // Kept no longer than needed: a larger heap makes every collection in Astro's thread slower.
  checkCache.previous = new Map();
  checkCache.next.clear();
  const checkerSeconds = (performance.now() - checkStarted) / 1000;
  for (const problem of checked.problems) console.error(formatProblem(problem));
  if (checked.errors > 0) {
    console.error(`build stopped: ${checked.errors} errors in ${contentDir}; fix them (npm run check) and build again`);
    return 1;
  }
  console.log(`checked ${contentDir}: 0 errors, ${checked.warnings} warnings`);

  // ── plan ──
  announce('plan', `${outDir}'s record`);
  const { search, ...fingerprints } = fingerprintContent(contentDir, files, prints);
  writeResultCache(printCachePath, key, keepPrints(files, prints, startedAt));
  const state: BuildState = { version: 2, code: key, ...fingerprints };
  const previous = full ? undefined : readRecord(outDir);
  const plan: BuildPlan = full ? { kind: 'full', reason: '--full' } : planBuild(previous, state);
  if (plan.kind === 'incremental' && plan.changed.length === 0) {
    console.log(`nothing changed since the last build of ${outDir} (npm run build -- --full builds it again)`);
    return 0;
  }
  console.log(
    plan.kind === 'full'
      ? `full build: ${plan.reason}`
      : `incremental build: the text of ${plan.changed.length} of ${plan.changed.length + plan.unchanged} documents changed; only the pages that show what changed are rendered (--full renders all)`,
  );
  const textCache = resultCachePath(project, 'texts', contentDir);
  if (full) {
    // --full trusts nothing kept from earlier builds: the search index's parts, the reading
    // views, the kept results and the texts' facts are made again.
    rmSync(searchCacheDir(project, outDir), { recursive: true, force: true });
    rmSync(keptResultsDir(project, outDir), { recursive: true, force: true });
    rmSync(textCache, { force: true });
  }
  const searchCache = openSearchCache(project, outDir);
  const planSeconds = (performance.now() - checkStarted) / 1000;

  // ── stage ──
  const incremental = plan.kind === 'incremental';
  announce('stage', incremental ? `hard-linking ${outDir} into ${ws.site}` : `an empty ${ws.site}`);
  stage(ws);
  // The staging folder is made on a thread of its own while Astro renders into a folder apart
  // (src/build/stage-worker.ts), from the site the last build replaced where there is one, and
  // waited for before the pages move in.
  const retired = retiredDir(project, outDir);
  const staging = stageInWorker({
    out: outDir,
    site: incremental ? ws.site : undefined,
    retired: join(retired, 'site'),
  });

  // ── render ──
  announce('render', incremental ? `${ws.render}, and the search indexes` : `${ws.site}, and the search indexes`);
  const views: ReadingViewStore = {
    dir: join(searchCache, READING_VIEWS),
    keys: Object.fromEntries(
      Object.entries(search.documents).map(([id, inputs]) => [
        id,
        cacheKey(key, ['reading view', search.entities, inputs.zh, inputs.en]),
      ]),
    ),
    claims: createViewClaims(Object.keys(search.documents)),
  };
  const citations: CitationStore = {
    dir: join(searchCache, FORMATTED_CITATIONS),
    key,
    claims: createViewClaims(Object.keys(search.documents)),
  };
  const address = readSiteAddress();
  let indexSeconds = 0;
  const indexStarted = performance.now();
  // The search indexes are made from the checked entries, not from the HTML, so a worker thread
  // writes them while Astro renders: on two cores the build takes about as long as the slower
  // of the two instead of their sum. It first makes documents' reading views, from the last
  // document Astro renders backwards, while the pages make them from the first.
  const worker = new Worker(new URL('./index-worker.ts', import.meta.url), {
    workerData: {
      entries: entries!,
      drafts: settings.site.ARCHIVE_DRAFTS === '1',
      site: ws.index,
      partBudget: readPartBudget(settings.site),
      address,
      citations: !incremental,
      cache: { dir: searchCache, salt: cacheKey(key, ['search', search.entities]), documents: search.documents },
      views,
      formattedCitations: { dir: citations.dir, key, claims: citations.claims },
    } satisfies IndexJob,
  });
  const results = openKeptResults(openKeptResultsDir(project, outDir), key);
  const pages: BuildHandoff['pages'] = { previous: incremental ? previous?.pages : undefined, next: {} };
  offerBuild({
    documents: entries!.documents.map(({ file, characters: _characters, ...data }) => ({ data, path: file.path! })),
    files: [...prints].flatMap(([relative, print]) => {
      const bytes = print.text?.bytes ?? print.entity;
      return bytes ? [[join(contentDir, relative), bytes] as [string, string]] : [];
    }),
    changed: incremental ? new Set(plan.changed) : undefined,
    texts: { path: textCache, key },
    views,
    results,
    fingerprints: fingerprints.documents,
    pages,
    citations,
    downloads: ws.downloads,
  });
  entries = undefined; // the worker has its copy
  const indexing = new Promise<IndexResult>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the search index worker stopped (exit code ${code})`)));
  }).then((result) => {
    indexSeconds = (performance.now() - indexStarted) / 1000;
    return result;
  });
  // content.config.ts reads the content directory from the environment.
  process.env.ARCHIVE_CONTENT = contentDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite takes BASE_URL from the environment over the config's `base`; ours comes from ARCHIVE_BASE.
  delete process.env.BASE_URL;
  const siteStarted = performance.now();
  // CPU time of this thread (Astro renders here; the index has its own thread): on a shared
  // machine it moves far less than wall time, so it is what to compare between two builds.
  const siteCpuStarted = process.threadCpuUsage();
  await build({ root: project, outDir: incremental ? ws.render : ws.site, logLevel: 'warn' }).catch(
    async (error: unknown) => {
      await Promise.all([worker.terminate(), staging.stop()]);
      throw error;
    },
  );
  const staged = await staging.staged;
  if (incremental) {
    console.log(
      staged.linked === staged.files
        ? `staged ${staged.files} files of the last build`
        : `staged ${staged.files} files of the last build (its replaced site brought up to date: ${staged.linked} linked again)`,
    );
    const pages = moveFiles(ws.render, ws.site).filter((path) => path.endsWith('.html')).length;
    console.log(`rendered ${pages} pages again`);
  }
  if (existsSync(ws.downloads)) moveFiles(ws.downloads, ws.site);
  const siteSeconds = (performance.now() - siteStarted) / 1000;
  const siteCpu = process.threadCpuUsage(siteCpuStarted);
  // Every route that keeps results renders in every build (the downloads made from every
  // document), so what this build did not use belongs to no document any more.
  pruneKeptResults(results);
  console.log(`kept results: ${results.read} read from the last build, ${results.made} made`);
  if (Object.keys(pages.next).length > 0) state.pages = pages.next;

  // ── index ──
  announce('index', `${ws.index} into ${ws.site}`);
  const indexed = await indexing;
  // The worker's search and trends indexes (and, in a full build, citation files) replace the last build's
  // whole; an incremental build keeps the citation files, made from frontmatter only.
  for (const folder of readdirSync(ws.site)) {
    if (INDEX_FOLDERS.test(folder)) rmSync(join(ws.site, folder), { recursive: true });
  }
  for (const folder of readdirSync(ws.index)) renameSync(join(ws.index, folder), join(ws.site, folder));
  console.log(
    `reading views: the pages read ${views.read ?? 0} made ahead by the worker and made ${views.made ?? 0} themselves`,
  );
  // Every document page was rendered (but in an incremental build): what they did not use goes.
  const unused = incremental ? 0 : pruneStoredCitations(citations);
  console.log(
    `formatted citations: the pages formatted ${citations.made ?? 0} documents' and read ${citations.read ?? 0} from the store (the worker formatted ${indexed.citationsAhead} when its indexes were done)${unused ? `, which dropped ${unused} no page used` : ''}`,
  );
  const describeIndex = (lang: 'zh' | 'en', name: string) => {
    const { indexed: written, reused, parts, buckets, whole } = indexed[lang];
    return `${name}: ${written + reused} documents in ${parts} parts${reused ? `, ${reused} of them kept from the last build` : ''}, ${buckets} buckets${whole ? ' (kept whole)' : ''}`;
  };
  console.log(
    `site built in ${siteSeconds.toFixed(1)} s; search indexes in ${indexSeconds.toFixed(1)} s (at the same time): ${describeIndex('zh', 'Chinese index')}; ${describeIndex('en', 'English index')}`,
  );

  // ── sitemap ──
  // The sitemap lists every page that was built, with its other-language alternate. An
  // incremental build runs only when no frontmatter, entity or content file was added, removed
  // or changed, so the site has the same pages as the last build and its sitemap stands.
  let pageCount: number | undefined;
  if (!incremental || !existsSync(join(ws.site, 'sitemap.xml'))) {
    announce('sitemap', 'sitemap.xml and robots.txt');
    const pages = readdirSync(ws.site, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('index.html'))
      .map((path) =>
        path
          .replace(/index\.html$/, '')
          .split('\\')
          .join('/'),
      );
    pageCount = pages.length;
    const origin = new URL(address.base, address.site).href;
    writeFileAtomically(join(ws.site, 'sitemap.xml'), renderSitemap(pages, origin));
    writeFileAtomically(
      join(ws.site, 'robots.txt'),
      `User-agent: *\nAllow: /\nSitemap: ${new URL('sitemap.xml', origin).href}\n`,
    );
  }

  // ── commit ──
  announce('commit', `${ws.site} → ${outDir}`);
  commit(outDir, ws, state);

  // ── prune ──
  announce('prune', ws.root);
  // The last retired site is deleted (it was, beside the render) before this one takes its place.
  await staging.swept;
  retire(outDir, ws, retired);
  await rm(ws.root, { recursive: true, force: true });
  pruneCacheLeftovers(cacheRoot(project));
  release();
  console.log(
    pageCount === undefined
      ? `built in ${seconds(started)} s → ${outDir}`
      : `built ${pageCount} pages in ${seconds(started)} s → ${outDir}`,
  );
  // --timings FILE: the phases' times as JSON, for `npm run bench` (src/cli/bench.ts). Site and
  // index overlap in time, so total_s is less than their sum.
  if (settings.timings) {
    const round = (value: number) => Math.round(value * 1000) / 1000;
    const phases = {
      check_s: checkerSeconds,
      plan_s: planSeconds - checkerSeconds,
      site_s: siteSeconds,
      site_cpu_s: (siteCpu.user + siteCpu.system) / 1e6,
      index_s: indexSeconds,
      index_cpu_s: indexed.cpuSeconds,
      total_s: Number(seconds(started)),
    };
    writeFileAtomically(
      settings.timings,
      `${JSON.stringify({ ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)])), pages: pageCount })}\n`,
    );
  }
  return 0;
}

/**
 * Node keeps the compiled code of Astro, Vite and the site's bundle between builds (checked
 * against each file's contents), so they load faster than on a first build: about half a
 * second of a rebuild after one edit at 10,000 documents. Node never prunes that cache, so it is
 * kept per build key and the others are deleted (NODE_COMPILE_CACHE puts it elsewhere,
 * NODE_DISABLE_COMPILE_CACHE turns it off). Astro must be loaded after this.
 */
function loadAstroCompiled(project: string, key: string): void {
  const caches = join(cacheRoot(project), 'compile');
  const mine = key.slice(0, 16);
  if (existsSync(caches)) {
    for (const name of readdirSync(caches)) {
      if (name !== mine) rmSync(join(caches, name), { recursive: true, force: true });
    }
  }
  enableCompileCache(process.env.NODE_COMPILE_CACHE ?? join(caches, mine));
}

/**
 * Fills the empty staging folder `site` (if any) from the site `out` (`stageSite`), then deletes
 * the retired site, on a worker thread: `staged` settles when the staging folder is ready,
 * `swept` when the retired site is gone too.
 */
function stageInWorker(job: StageJob): { staged: Promise<Staged>; swept: Promise<void>; stop: () => Promise<unknown> } {
  const worker = new Worker(new URL('./stage-worker.ts', import.meta.url), { workerData: job });
  const staged = Promise.withResolvers<Staged>();
  const swept = Promise.withResolvers<void>();
  worker.on('message', (message: StageMessage) => {
    if ('staged' in message) staged.resolve(message.staged);
    else swept.resolve();
  });
  const failed = (error: Error) => {
    staged.reject(error);
    swept.reject(error);
  };
  worker.once('error', failed);
  // After both messages, settling again changes nothing.
  worker.once('exit', (code) => failed(new Error(`staging ${job.site ?? job.out} stopped (exit code ${code})`)));
  // Not waited for until the pages move in and the replaced site is retired: a failure then is the build's.
  staged.promise.catch(() => undefined);
  swept.promise.catch(() => undefined);
  return { staged: staged.promise, swept: swept.promise, stop: () => worker.terminate() };
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
