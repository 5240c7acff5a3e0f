// `npm run bench:trends -- --site DIR --query 国营企业,国有企业 [--query …] [--lang zh]`: serves a
// built site on loopback and measures, in headless Chromium, each trends query cold (a fresh
// browser context, its cache empty, opening the trends page with the query in its URL): the
// time until the chart is in the page, page load included, and the bytes fetched (`kb`:
// everything but the HTML and the stylesheet, by kind of file). Prints one JSON line per query.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countResponseBytes } from '../bench/response-bytes.ts';
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

const browser = await launchBrowser();
const server = await serveStatic(site, '/');
try {
  const docs = (JSON.parse(readFileSync(join(site, 'search-zh', 'index.json'), 'utf8')) as { pages: number }).pages;
  // The browser starts its processes and loads its fonts on its first page, once per launch: a
  // reader's browser is running already. So it first shows the site's home page in a context of
  // its own (reported on stderr), and every query then runs in a fresh context, its cache empty.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.url}${lang}/`);
    console.error(`bench:trends: the browser's first page (${lang}/) took ${Date.now() - started} ms`);
    await context.close();
  }
  for (const query of queries) {
    // Cold: a fresh context opens the trends page with the query in its URL. `ms` is the time
    // from the start of the navigation to the chart in the page (performance.now() when the
    // chart's SVG is attached), `wall_ms` the same seen from outside.
    const context = await browser.newContext();
    const bytes = countResponseBytes(context, fileKind);
    const page = await context.newPage();
    // The chart's moment is taken in the page, and waited for through a promise the page
    // keeps: a Playwright locator would inject and run its own script (about 20 ms of the
    // page's thread) while the query runs, which no reader's browser does.
    await page.addInitScript(() => {
      const own = window as unknown as { chartAt: Promise<number> };
      own.chartAt = new Promise((done) => {
        const watch = new MutationObserver(() => {
          if (document.querySelector('#trends-chart svg')) {
            done(performance.now());
            watch.disconnect();
          }
        });
        watch.observe(document, { childList: true, subtree: true });
      });
    });
    const started = Date.now();
    await page.goto(`${server.url}${lang}/trends/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    const ms = Math.round(
      await page.evaluate(() =>
        Promise.race([
          (window as unknown as { chartAt: Promise<number> }).chartAt,
          new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no chart after 60 s')), 60_000)),
        ]),
      ),
    );
    const wallMs = Date.now() - started;
    const chart = (await page.locator('#trends-chart desc').textContent()) ?? '';
    await page.waitForTimeout(300);
    await bytes.settle();
    console.log(
      JSON.stringify({ docs, lang, query, ms, wall_ms: wallMs, kb: bytes.kb(), kb_by_kind: bytes.byKind(), chart }),
    );
    await context.close();
  }
} finally {
  await server.close();
  await browser.close();
}
