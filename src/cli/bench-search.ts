// `npm run bench:search -- --docs 1000,10000`: generates the synthetic corpus, builds it, serves
// it on loopback and measures, in headless Chromium, what a cold and a warm query fetch and how
// long they take to show results. Prints one JSON line per corpus size and query.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../dev/browser.ts';
import { serveStatic } from '../dev/static-server.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const sizes = option('--docs', '1000').split(',').map(Number);
const keep = args.includes('--keep');
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

/** Types a query into the search page and waits for the first result; returns ms and bytes. */
async function measure(page: Page, query: string): Promise<{ ms: number; kb: number; results: string }> {
  return page.evaluate(async (text) => {
    const before = new Set(performance.getEntriesByType('resource').map((entry) => entry.name + entry.startTime));
    const list = document.getElementById('search-results')!;
    const status = document.getElementById('search-status')!;
    const input = document.querySelector<HTMLInputElement>('input[name="q"]')!;
    list.replaceChildren();
    const started = performance.now();
    const shown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (list.querySelector('.result-title') || /\d|没有|No document/.test(status.textContent ?? '')) {
          if (status.textContent && !status.textContent.includes('…')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    input.value = text;
    input.dispatchEvent(new Event('input'));
    const ms = await shown;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => !before.has(entry.name + entry.startTime),
    );
    const bytes = fetched.reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize), 0);
    return { ms: Math.round(ms), kb: Math.round(bytes / 102.4) / 10, results: status.textContent ?? '' };
  }, query);
}

const browser = await launchBrowser();
try {
  for (const docs of sizes) {
    const work = mkdtempSync(join(tmpdir(), `bench-search-${docs}-`));
    const content = join(work, 'content');
    const site = join(work, 'dist');
    run('src/cli/corpus.ts', ['--docs', String(docs), '--out', content]);
    run('src/cli/build.ts', ['--content', content, '--out', site]);
    const server = await serveStatic(site, '/');
    try {
      for (const { lang, cold, warm } of QUERIES) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}${lang}/search/`);
        const first = await measure(page, cold);
        const second = await measure(page, warm);
        console.log(
          JSON.stringify({
            docs,
            lang,
            cold_query: cold,
            cold_ms: first.ms,
            cold_kb: first.kb,
            cold_results: first.results,
            warm_query: warm,
            warm_ms: second.ms,
            warm_kb: second.kb,
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
