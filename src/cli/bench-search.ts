// `npm run bench:search -- --docs 1000,10000`: generates the synthetic corpus, builds it, serves
// it on loopback and measures, in headless Chromium, what a cold query (fresh browser), a warm
// one (another query, the engine loaded) and a repeat (the first query again) fetch, how long
// they take to show their first result (`*_ms`) and their whole first page (`*_page_ms`); the
// cold bytes also by kind of file. Prints one JSON line per
// corpus size and language.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { countResponseBytes } from '../bench/response-bytes.ts';
import { launchBrowser } from '../dev/browser.ts';
import { serveStatic } from '../dev/static-server.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const sizes = option('--docs', '1000').split(',').map(Number);
const keep = args.includes('--keep');
// --site DIR measures an already built site instead of generating and building a corpus.
const builtSite = args.includes('--site') ? option('--site', '') : undefined;
const QUERIES = [
  { lang: 'zh', cold: '国资委', warm: '剥离企业办社会职能' },
  { lang: 'en', cold: 'restructuring', warm: 'social functions' },
] as const;

const run = (script: string, scriptArgs: string[]) => {
  const result = spawnSync(process.execPath, [script, ...scriptArgs], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${script} failed`);
  return result.stdout;
};

/**
 * Types a query into the search page and waits until its first page of results is complete;
 * returns the time to the first result on screen (or to "nothing found"), the time to the whole
 * first page (its count in the status line), and the status text.
 */
async function measure(page: Page, query: string): Promise<{ ms: number; page_ms: number; results: string }> {
  return page.evaluate(async (text) => {
    const list = document.getElementById('search-results')!;
    const status = document.getElementById('search-status')!;
    const input = document.querySelector<HTMLInputElement>('input[name="q"]')!;
    list.replaceChildren();
    status.textContent = '';
    const started = performance.now();
    let first: number | undefined;
    const shown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        const line = status.textContent ?? '';
        const none = /没有|No document/.test(line);
        if (first === undefined && (list.querySelector('.result-title') || none)) first = performance.now() - started;
        if ((/\d/.test(line) || none) && !line.includes('…')) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    input.value = text;
    input.dispatchEvent(new Event('input'));
    const whole = await shown;
    return { ms: Math.round(first ?? whole), page_ms: Math.round(whole), results: status.textContent ?? '' };
  }, query);
}

/** What a search fetches, by kind of file (from its name). */
function fileKind(url: string): string {
  const path = new URL(url).pathname;
  if (/\/search-(zh|en)\/(index\.json|[^/]+\/pages\.bin)$/.test(path)) return 'meta';
  if (/\/search-(zh|en)\/[^/]+\/b\//.test(path)) return 'index';
  if (/\/search-(zh|en)\/[^/]+\/facets\.bin$/.test(path)) return 'filter';
  if (/\/search-(zh|en)\/[^/]+\/f\//.test(path)) return 'fragment';
  if (path.endsWith('/t2s.json')) return 'characters';
  if (path.endsWith('.js')) return 'script';
  return 'other';
}

const browser = await launchBrowser();
try {
  for (const docs of sizes) {
    const work = mkdtempSync(join(tmpdir(), `bench-search-${docs}-`));
    const content = join(work, 'content');
    const site = builtSite ?? join(work, 'dist');
    if (!builtSite) {
      run('src/cli/corpus.ts', ['--docs', String(docs), '--out', content]);
      run('src/cli/build.ts', ['--content', content, '--out', site]);
    }
    const server = await serveStatic(site, '/');
    try {
      for (const { lang, cold, warm } of QUERIES) {
        const context = await browser.newContext();
        const bytes = countResponseBytes(context, fileKind);
        const page = await context.newPage();
        // Cold: a fresh browser, the search page just loaded (its script starts loading the
        // engine), the query typed at once. Bytes: everything but the HTML and the stylesheet.
        await page.goto(`${server.url}${lang}/search/`, { waitUntil: 'load' });
        const first = await measure(page, cold);
        await page.waitForTimeout(300);
        const coldKb = bytes.kb();
        const coldByKind = bytes.byKind();
        bytes.reset();
        const second = await measure(page, warm);
        await page.waitForTimeout(300);
        const warmKb = bytes.kb();
        bytes.reset();
        // The first query again: everything it needs is loaded.
        const repeat = await measure(page, cold);
        await page.waitForTimeout(300);
        const repeatKb = bytes.kb();
        console.log(
          JSON.stringify({
            // A built site's size is what its index holds, not the --docs default.
            docs: builtSite
              ? (JSON.parse(readFileSync(join(site, 'search-zh', 'index.json'), 'utf8')) as { pages: number }).pages
              : docs,
            lang,
            cold_query: cold,
            cold_ms: first.ms,
            cold_page_ms: first.page_ms,
            cold_kb: coldKb,
            cold_results: first.results,
            cold_kb_by_kind: coldByKind,
            warm_query: warm,
            warm_ms: second.ms,
            warm_page_ms: second.page_ms,
            warm_kb: warmKb,
            warm_results: second.results,
            repeat_ms: repeat.ms,
            repeat_kb: repeatKb,
          }),
        );
        await context.close();
      }
    } finally {
      await server.close();
      if (!keep) rmSync(work, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
