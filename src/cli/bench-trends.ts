// `npm run bench:trends -- --site DIR --query 国营企业,国有企业 [--query …] [--lang zh]`: serves a
// built site on loopback and measures, in headless Chromium, each trends query cold (a fresh
// browser): the trends page is loaded, the phrases typed and submitted, and the time until the
// chart is on screen (`ms`) and the bytes fetched for it (`kb`, by kind of file) are printed;
// `url_ms` is the time from opening the page's URL with the query in it to the chart (page
// load included). Prints one JSON line per query.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../dev/browser.ts';
import { serveStatic } from '../dev/static-server.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const site = option('--site');
const lang = option('--lang') ?? 'zh';
const queries = args.flatMap((arg, i) => (args[i - 1] === '--query' ? [arg] : []));
if (!site || queries.length === 0) {
  console.error('usage: npm run bench:trends -- --site DIR --query PHRASE[,PHRASE…] [--query …] [--lang zh|en]');
  process.exit(2);
}

function fileKind(url: string): string {
  const path = new URL(url).pathname;
  if (/\/trends-(zh|en)\/[^/]+\/c\//.test(path)) return 'counts';
  if (/\/trends-(zh|en)\/[^/]+\/p\//.test(path)) return 'positions';
  if (/\/trends-(zh|en)\/(index\.json|[^/]+\/docs\.json)$/.test(path)) return 'docs';
  if (path.endsWith('/t2s.json')) return 'characters';
  if (path.endsWith('.js')) return 'script';
  return 'other';
}

/** Counts the bytes of every response a context receives, from now on (not the HTML and CSS). */
function countBytes(context: BrowserContext) {
  let bytes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (request) => {
    if (request.resourceType() === 'document' || request.resourceType() === 'stylesheet') return;
    pending.push(
      request.sizes().then((sizes) => {
        const kind = fileKind(request.url());
        bytes.set(kind, (bytes.get(kind) ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize);
      }),
    );
  });
  const kb = (value: number) => Math.round(value / 102.4) / 10;
  return {
    settle: () => Promise.all(pending),
    kb: () => kb([...bytes.values()].reduce((sum, value) => sum + value, 0)),
    byKind: () => Object.fromEntries([...bytes].sort().map(([kind, value]) => [kind, kb(value)])),
    reset: () => {
      bytes = new Map();
    },
  };
}

/** Types the phrases, submits, and waits for the chart; returns the time and the chart's description. */
function measure(page: Page, query: string): Promise<{ ms: number; chart: string }> {
  return page.evaluate(async (text) => {
    const chart = document.getElementById('trends-chart')!;
    chart.replaceChildren();
    const input = document.querySelector<HTMLInputElement>('input[name="q"]')!;
    const form = input.form!;
    const started = performance.now();
    const shown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (chart.querySelector('svg')) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(chart, { childList: true, subtree: true });
    });
    input.value = text;
    form.requestSubmit();
    const ms = await shown;
    return { ms: Math.round(ms), chart: chart.querySelector('desc')?.textContent ?? '' };
  }, query);
}

const browser = await launchBrowser();
const server = await serveStatic(site, '/');
try {
  const docs = (JSON.parse(readFileSync(join(site, 'search-zh', 'index.json'), 'utf8')) as { pages: number }).pages;
  for (const query of queries) {
    const context = await browser.newContext();
    const bytes = countBytes(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${lang}/trends/`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    await bytes.settle();
    bytes.reset();
    const typed = await measure(page, query);
    await page.waitForTimeout(300);
    await bytes.settle();
    const kb = bytes.kb();
    const byKind = bytes.byKind();
    await context.close();
    // The same query opened from its URL in another fresh browser: page load included.
    const again = await browser.newContext();
    const other = await again.newPage();
    const started = Date.now();
    await other.goto(`${server.url}${lang}/trends/?q=${encodeURIComponent(query)}`);
    await other.locator('#trends-chart svg').waitFor({ state: 'attached' });
    const urlMs = Date.now() - started;
    await again.close();
    console.log(
      JSON.stringify({ docs, lang, query, ms: typed.ms, url_ms: urlMs, kb, kb_by_kind: byKind, chart: typed.chart }),
    );
  }
} finally {
  await server.close();
  await browser.close();
}
