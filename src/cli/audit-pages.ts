// `npm run audit:pages [-- DIR] [--lighthouse]`: the gzipped weight of every page of a built
// site (default dist/), the heaviest document and entity page in each language, and every page
// over its budget (300 KB gzipped for content pages, 150 KB for entity pages); exits 1 when a
// page is over. With --lighthouse it also runs Lighthouse (mobile settings, performance only)
// on the heaviest document page in each language, served from the folder on loopback with
// Debian's Chromium, and prints the scores (exit 1 under 90).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heaviest, overBudget, PAGE_BUDGETS, weighPage, type PageWeight } from '../bench/page-weight.ts';
import { CHROMIUM } from '../dev/browser.ts';
import { serveStatic } from '../dev/static-server.ts';
import { isIndexPath } from '../bench/site-figures.ts';

const args = process.argv.slice(2);
const site = args.find((arg) => !arg.startsWith('--')) ?? 'dist';
const withLighthouse = args.includes('--lighthouse');
const KB = 1024;

const paths = readdirSync(site, { recursive: true, encoding: 'utf8' })
  .map((path) => path.split('\\').join('/'))
  .filter((path) => path.endsWith('.html') && !isIndexPath(path));
const weights = paths.map((path) => weighPage(path, readFileSync(join(site, path))));
const show = (page: PageWeight) =>
  `${page.path}  ${(page.bytes / KB).toFixed(1)} KB, ${(page.gzip / KB).toFixed(1)} KB gzipped`;

console.log(`${weights.length} pages in ${site}`);
const top = heaviest(weights);
for (const key of Object.keys(top).sort()) console.log(`heaviest ${key.padEnd(12)} ${show(top[key]!)}`);
const over = overBudget(weights);
for (const page of over) console.log(`OVER BUDGET (${PAGE_BUDGETS[page.kind] / KB} KB) ${show(page)}`);
let failed = over.length > 0;

if (withLighthouse) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const server = await serveStatic(site);
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    for (const lang of ['zh', 'en']) {
      const page = top[`document.${lang}`];
      if (!page) continue;
      const url = `${server.url}${page.path.replace(/index\.html$/, '')}`;
      // Lighthouse's defaults are its mobile settings: a Moto G Power's screen, 4x CPU slowdown, slow 4G.
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
      const lhr = result!.lhr;
      const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
      console.log(
        `lighthouse ${lang} ${page.path}: performance ${score} (FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, DOM ${metric('dom-size')})`,
      );
      if (score < 90) failed = true;
    }
  } finally {
    chrome.kill();
    await server.close();
  }
}
process.exit(failed ? 1 : 0);
