// npm run audit -- [--site DIR] [--base /] [--page PATH]...
//
// Lighthouse (the npm package, driving Debian's Chromium) on a few pages of a built site, on
// its mobile and its desktop settings: one JSON line per page and setting with the four
// category scores and the layout-shift and paint figures. Too slow for `npm test` (about ten
// seconds a run); the tests check what can be checked without it.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../dev/browser.ts';
import { serveStatic } from '../dev/static-server.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    page: { type: 'string', multiple: true },
  },
});
const site = resolve(values.site);
const base = values.base.replace(/\/?$/, '/');

/** The pages audited unless --page says otherwise: home, a document in each language, the search pages, an entity. */
function defaultPages(): string[] {
  const documents = JSON.parse(readFileSync(join(site, 'data', 'documents.json'), 'utf8')) as { id: string }[];
  const entities = JSON.parse(readFileSync(join(site, 'data', 'entities.json'), 'utf8')) as {
    enterprises: { id: string }[];
  };
  const doc = documents[0]?.id;
  const enterprise = entities.enterprises[0]?.id;
  return [
    'zh/',
    ...(doc ? [`zh/documents/${doc}/`, `en/documents/${doc}/`] : []),
    'zh/search/',
    'en/search/',
    ...(enterprise ? [`en/enterprises/${enterprise}/`] : []),
  ];
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no free port on loopback');
  return address.port;
}

const pages = values.page?.map((page) => page.replace(/^\//, '')) ?? defaultPages();
// The site's own headers (public/_headers: the Content-Security-Policy among them) are served too.
const headers = Object.fromEntries(
  readFileSync(join(site, '_headers'), 'utf8')
    .split('\n')
    .filter((line) => /^\s+[\w-]+:/.test(line))
    .map((line) => {
      const [name, ...value] = line.trim().split(':');
      return [name!, value.join(':').trim()];
    }),
);
const server = await serveStatic(site, base, headers);
const port = await freePort();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--remote-debugging-port=${port}`],
});
console.error(`Lighthouse on ${pages.length} pages of ${site}, Chromium ${browser.version()}`);
try {
  for (const page of pages) {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const url = `${server.url}${page}`;
      // Lighthouse now and then fails to record a trace (NO_NAVSTART): such a run is tried again, twice at most.
      let lhr;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const result = await lighthouse(
          url,
          { port, output: 'json', logLevel: 'error' },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        lhr = result.lhr;
        if (!lhr.runtimeError) break;
        console.error(`${url} (${formFactor}): ${lhr.runtimeError.code}, trying again`);
      }
      if (!lhr) continue;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id: string) => lhr.audits[id]?.numericValue;
      console.log(
        JSON.stringify({
          page: `/${page}`,
          form_factor: formFactor,
          performance: score('performance'),
          accessibility: score('accessibility'),
          best_practices: score('best-practices'),
          seo: score('seo'),
          cls: Math.round((audit('cumulative-layout-shift') ?? 0) * 1000) / 1000,
          lcp_ms: Math.round(audit('largest-contentful-paint') ?? 0),
          lighthouse: lhr.lighthouseVersion,
          errors: lhr.runtimeError?.message,
        }),
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
