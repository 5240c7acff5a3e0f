import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../src/dev/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../../src/dev/static-server.ts';
import { parseHeadersFile } from '../../src/lib/security-headers.ts';

// The five seed documents, frozen in tests/fixtures/search-archive, served under a base path
// with the headers of public/_headers (the Content-Security-Policy the site is meant to run under).
// Both indexes are made in several parts of consecutive pages joined by the build, as a large
// archive's are (src/build/write-search-index.ts), so every query below also checks that the
// joined indexes find, filter and sort like one.
const ARCHIVE = join(import.meta.dirname, '..', 'fixtures', 'search-archive');
const BASE = '/archive/';

const A = '2014-04-14-jinan-holding-assistance-and-reform-speech';
const B = '2005-yueqing-second-light-industry-work-conference-speech';
const C = '2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting';
const D = '2012-yiyang-sasac-petitioning-and-soe-reform-exchange-speech';
const E = '2020-provincial-soe-group-inspection-rectification-speech';

let out = '';
let server: StaticServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  // A small budget, so that the seeds are indexed in parts: what a large archive does.
  const env = { ARCHIVE_INDEX_PART_CHARS: '6000' };
  const built = buildSite(ARCHIVE, { base: BASE, env });
  if (built.status !== 0) throw new Error(`build failed:\n${built.log}`);
  out = built.out;
  expect(built.log).toMatch(/Chinese index: 5 documents in [3-5] parts/);
  expect(readdirSync(out).filter((name) => name.startsWith('pagefind') || name.startsWith('search-'))).toEqual([
    'search-en',
    'search-zh',
  ]);
  server = await serveStatic(out, BASE, parseHeadersFile(readFileSync(join(out, '_headers'), 'utf8')));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Opens the search page with a URL state and waits until it has answered. */
async function search(
  lang: 'zh' | 'en',
  params: Record<string, string | string[]>,
): Promise<{ page: Page; ids: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${lang} ${JSON.stringify(params)}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${lang} ${JSON.stringify(params)}: ${error.message}`));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const item of [value].flat()) query.append(key, item);
  await page.goto(`${server.url}${lang}/search/?${query}`);
  const status = page.getByRole('status');
  await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 }).toMatch(/\d|没有|No document/);
  const ids = await page
    .locator('#search-results .result-title a')
    .evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.split('/')[4] ?? ''),
    );
  return { page, ids };
}

// What each query must find. `order: true` means the order matters (sorted by date).
const TABLE: {
  name: string;
  lang: 'zh' | 'en';
  params: Record<string, string | string[]>;
  expected: string[];
  order?: boolean;
}[] = [
  {
    name: 'simplified term finds simplified and traditional texts',
    lang: 'zh',
    params: { q: '国资委' },
    expected: [A, C, D, E],
  },
  { name: 'traditional term finds the same documents', lang: 'zh', params: { q: '國資委' }, expected: [A, C, D, E] },
  { name: 'unspaced phrase', lang: 'zh', params: { q: '剥离企业办社会职能' }, expected: [C] },
  { name: 'unspaced phrase typed in traditional', lang: 'zh', params: { q: '剝離企業辦社會職能' }, expected: [C] },
  { name: 'a formulation, not its characters scattered', lang: 'zh', params: { q: '三供一业' }, expected: [C] },
  { name: 'alias finds the documents about its entity', lang: 'zh', params: { q: '金钼集团' }, expected: [C] },
  { name: 'full name of the same entity', lang: 'zh', params: { q: '金堆城钼业集团' }, expected: [C] },
  { name: 'single character', lang: 'zh', params: { q: '钼' }, expected: [C] },
  { name: 'term only in a traditional text', lang: 'zh', params: { q: '集体经济' }, expected: [B] },
  { name: 'term in two texts of different scripts', lang: 'zh', params: { q: '上访' }, expected: [B, D] },
  { name: 'slogan', lang: 'zh', params: { q: '四个一批' }, expected: [A] },
  { name: 'formulation in a traditional text', lang: 'zh', params: { q: '三个代表' }, expected: [B] },
  { name: 'two words, both required', lang: 'zh', params: { q: '巡察 整改' }, expected: [E] },
  { name: 'term in two texts', lang: 'zh', params: { q: '四个意识' }, expected: [C, E] },
  { name: 'person', lang: 'zh', params: { q: '盛俊泰' }, expected: [A] },
  { name: 'place', lang: 'zh', params: { q: '渭南' }, expected: [C] },
  { name: 'nothing found', lang: 'zh', params: { q: '洛阳钼业' }, expected: [] },
  { name: 'English name of an enterprise', lang: 'en', params: { q: 'Jinduicheng' }, expected: [C] },
  { name: 'English phrase from a translation', lang: 'en', params: { q: 'social functions' }, expected: [C] },
  {
    name: 'English abbreviation in titles, summaries and entity names',
    lang: 'en',
    params: { q: 'SASAC' },
    expected: [A, C, D, E],
  },
  { name: 'English word from a summary', lang: 'en', params: { q: 'petitioning' }, expected: [B, D] },
  { name: 'English term of the glossary', lang: 'en', params: { q: 'four batches' }, expected: [A] },
  { name: 'English name of a person', lang: 'en', params: { q: 'Sheng Juntai' }, expected: [A] },
  { name: 'a word still being typed is completed', lang: 'en', params: { q: 'Jinduich' }, expected: [C] },
  { name: 'other forms of a word (stems)', lang: 'en', params: { q: 'social function' }, expected: [C] },
  { name: 'filter alone: type', lang: 'zh', params: { type: '讲话' }, expected: [A, B, E] },
  { name: 'filter alone: script', lang: 'zh', params: { script: '繁体中文' }, expected: [B, C] },
  { name: 'filter alone: region', lang: 'zh', params: { region: '陕西省' }, expected: [C] },
  { name: 'filter alone: directive', lang: 'zh', params: { directive: '四个意识' }, expected: [C, E] },
  { name: 'query and filter', lang: 'zh', params: { q: '国资委', type: '讲话' }, expected: [A, E] },
  {
    name: 'two values of one filter are alternatives',
    lang: 'zh',
    params: { year: ['2012', '2020'] },
    expected: [D, E],
  },
  { name: 'filters combine', lang: 'en', params: { q: 'SASAC', type: 'Speech', year: '2014' }, expected: [A] },
  { name: 'speaker filter', lang: 'en', params: { speaker: 'Sheng Juntai' }, expected: [A] },
  {
    name: 'enterprise filter',
    lang: 'en',
    params: { enterprise: 'Jinduicheng Molybdenum Group Co., Ltd.' },
    expected: [C],
  },
  {
    name: 'sorted oldest first',
    lang: 'zh',
    params: { q: '国资委', sort: 'oldest' },
    expected: [D, A, C, E],
    order: true,
  },
  {
    name: 'sorted newest first across parts',
    lang: 'zh',
    params: { q: '国资委', sort: 'newest' },
    expected: [E, C, A, D],
    order: true,
  },
  {
    name: 'filter alone, newest first across parts',
    lang: 'zh',
    params: { type: '讲话', sort: 'newest' },
    expected: [E, A, B],
    order: true,
  },
  {
    name: 'sorted newest first',
    lang: 'en',
    params: { q: 'SASAC', sort: 'newest' },
    expected: [E, C, A, D],
    order: true,
  },
];

describe('search', () => {
  test.each(TABLE)('$lang: $name', async ({ lang, params, expected, order }) => {
    const { page, ids } = await search(lang, params);
    if (order) expect(ids).toEqual(expected);
    else expect([...ids].sort()).toEqual([...expected].sort());
    await page.context().close();
  });

  test('results show the title, the original beside it, date, type, enterprise chips and a highlighted excerpt, and link to the paragraph', async () => {
    const { page } = await search('en', { q: 'molybdenum' });
    const result = page.locator('#search-results > li').first();
    expect(await result.locator('.result-title').textContent()).toContain('Jinduicheng');
    expect(await result.locator('.original-title').textContent()).toContain('金堆城獨立工礦區');
    expect(await result.locator('.meta').textContent()).toBe('4 August 2017 · News');
    expect(await result.locator('.chips li').allTextContents()).toContain('Jinduicheng Molybdenum Group Co., Ltd.');
    expect((await result.locator('.excerpt mark').first().textContent())?.toLowerCase()).toContain('molybdenum');
    expect(await result.locator('.result-title a').getAttribute('href')).toMatch(
      new RegExp(`/archive/en/documents/${C}/#p\\d+$`),
    );
    await page.context().close();
  });

  test('a Chinese result links to the paragraph holding the phrase, and its excerpt reads as Chinese', async () => {
    const { page } = await search('zh', { q: '三供一业' });
    const result = page.locator('#search-results > li').first();
    expect(await result.locator('.result-title a').getAttribute('href')).toBe(`/archive/zh/documents/${C}/#p4`);
    const excerpt = (await result.locator('.excerpt').textContent()) ?? '';
    expect(excerpt.replace(/\s/g, '')).toContain('三供一业');
    expect(excerpt).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    await page.context().close();
  });

  test('the state lives in the URL: filters and order come back on reload', async () => {
    const { page } = await search('zh', { q: '国资委', type: '讲话', sort: 'newest' });
    expect(await page.getByLabel('搜索文献库').inputValue()).toBe('国资委');
    expect(await page.getByRole('checkbox', { name: /讲话/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('排序').inputValue()).toBe('newest');
    await page.getByRole('checkbox', { name: /2020/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('year')).toEqual(['2020']);
    await expect.poll(() => page.locator('#search-results .result-title').count()).toBe(1);
    await page.context().close();
  });

  test('shows every filter with its count before a search without loading the index facets', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}zh/search/`);
    // Five documents, three of them speeches (the counts are made at build time).
    await expect.poll(() => page.getByRole('checkbox').count()).toBeGreaterThan(5);
    expect(await page.getByRole('checkbox', { name: /讲话.*3/ }).count()).toBe(1);
    expect(requested.filter((url) => url.endsWith('facets.bin'))).toEqual([]);
    // Browsing by a filter counts among its results, once the index's facets are loaded.
    await page.getByRole('checkbox', { name: /讲话/ }).check();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/3/);
    await expect.poll(() => requested.filter((url) => url.endsWith('facets.bin')).length).toBe(1);
    expect(await page.getByRole('checkbox', { name: /讲话.*3/ }).count()).toBe(1);
    await context.close();
  });

  test('works from the keyboard, and announces the results', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}en/search/`);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand
    for (
      let i = 0;
      i < 12 && !(await page.evaluate(() => document.activeElement?.id === 'search-page-input'));
      i += 1
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    await page.keyboard.type('Jinduicheng');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('1 results');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await context.close();
  });

  test.each(['zh', 'en'])('axe finds no violations on the %s search page with results and filters', async (lang) => {
    const { page } = await search(lang as 'zh' | 'en', { q: lang === 'zh' ? '国资委' : 'SASAC' });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
    await page.context().close();
  });

  test('ran under the Content-Security-Policy without a violation or a page error', () => {
    expect(problems).toEqual([]);
  });
});
