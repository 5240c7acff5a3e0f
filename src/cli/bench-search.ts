// `npm run bench:search -- --docs 1000,10000`: generates the synthetic corpus, builds it, serves
// it on loopback and measures, in headless Chromium, what a cold and a warm query fetch and how
// long they take to show results. Prints one JSON line per corpus size and query.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
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

/** Types a query into the search page and waits until the results are shown; returns ms and the status text. */
async function measure(page: Page, query: string): Promise<{ ms: number; results: string }> {
  return page.evaluate(async (text) => {
    const list = document.getElementById('search-results')!;
    const status = document.getElementById('search-status')!;
    const input = document.querySelector<HTMLInputElement>('input[name="q"]')!;
    list.replaceChildren();
    status.textContent = '';
    const started = performance.now();
    const shown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        const done = /\d|没有|No document/.test(status.textContent ?? '') && !(status.textContent ?? '').includes('…');
        if (done) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    input.value = text;
    input.dispatchEvent(new Event('input'));
    return { ms: Math.round(await shown), results: status.textContent ?? '' };
  }, query);
}

/** Counts the encoded bytes of every response a context receives (pages and workers), from now on. */
function countBytes(context: BrowserContext): { kb: () => number; reset: () => void } {
  let bytes = 0;
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (request) => {
    if (request.resourceType() === 'document' || request.resourceType() === 'stylesheet') return;
    pending.push(
      request.sizes().then((sizes) => {
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }),
    );
  });
  return {
    kb: () => Math.round(bytes / 102.4) / 10,
    reset: () => {
      bytes = 0;
    },
  };
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
        const bytes = countBytes(context);
        const page = await context.newPage();
        // Cold: a fresh browser, the search page just loaded (its script starts loading the
        // engine), the query typed at once. Bytes: everything but the HTML and the stylesheet.
        await page.goto(`${server.url}${lang}/search/`, { waitUntil: 'load' });
        const first = await measure(page, cold);
        await page.waitForTimeout(300);
        const coldKb = bytes.kb();
        bytes.reset();
        const second = await measure(page, warm);
        await page.waitForTimeout(300);
        const warmKb = bytes.kb();
        console.log(
          JSON.stringify({
            docs,
            lang,
            cold_query: cold,
            cold_ms: first.ms,
            cold_kb: coldKb,
            cold_results: first.results,
            warm_query: warm,
            warm_ms: second.ms,
            warm_kb: warmKb,
            warm_results: second.results,
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
